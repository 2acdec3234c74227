package com.mailtrail.sharing;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.Repository;

interface EmailSharingDefaultRepository extends Repository<EmailSharingDefault, UUID> {

	EmailSharingDefault save(EmailSharingDefault value);

	List<EmailSharingDefault> findAll();

	Optional<EmailSharingDefault> findByModule(SharingModule module);

}
