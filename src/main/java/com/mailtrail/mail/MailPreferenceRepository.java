package com.mailtrail.mail;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.Repository;

public interface MailPreferenceRepository extends Repository<MailPreference, UUID> {

	MailPreference save(MailPreference preference);

	Optional<MailPreference> findByUserId(UUID userId);

}
