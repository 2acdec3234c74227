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

interface EmailSharingDefaultRepository extends Repository<EmailSharingDefault, UUID> {

	EmailSharingDefault save(EmailSharingDefault value);

	List<EmailSharingDefault> findAll();

	Optional<EmailSharingDefault> findByModule(SharingModule module);

}

interface SharingAuditRepository extends Repository<SharingAuditEntry, UUID> {

	SharingAuditEntry save(SharingAuditEntry entry);

	List<SharingAuditEntry> findTop200ByOrderByChangedAtDesc();

}
