package com.mailtrail.mail;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.Repository;

public interface EmailLinkRepository extends Repository<EmailLink, UUID> {

	EmailLink save(EmailLink link);

	void delete(EmailLink link);

	List<EmailLink> findByEmailIdOrderByCreatedAt(UUID emailId);

	Optional<EmailLink> findByEmailIdAndRecordTypeAndRecordId(UUID emailId, RecordType type, UUID recordId);

	List<EmailLink> findByEmailIdAndRecordType(UUID emailId, RecordType type);

	List<EmailLink> findByRecordTypeAndRecordId(RecordType type, UUID recordId);

}
