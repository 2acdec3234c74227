package com.mailtrail.sharing;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.Repository;

interface EmailSharingPolicyRepository extends Repository<EmailSharingPolicy, UUID> {

	EmailSharingPolicy save(EmailSharingPolicy policy);

	List<EmailSharingPolicy> findByUserId(UUID userId);

	List<EmailSharingPolicy> findAll();

	Optional<EmailSharingPolicy> findByUserIdAndModule(UUID userId, SharingModule module);

}
