package com.mailtrail.sharing;

import java.util.List;
import java.util.UUID;

import org.springframework.data.repository.Repository;

interface SharingAuditRepository extends Repository<SharingAuditEntry, UUID> {

	SharingAuditEntry save(SharingAuditEntry entry);

	List<SharingAuditEntry> findTop200ByOrderByChangedAtDesc();

}
