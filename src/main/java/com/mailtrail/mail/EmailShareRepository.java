package com.mailtrail.mail;

import java.util.List;
import java.util.UUID;

import org.springframework.data.repository.Repository;

public interface EmailShareRepository extends Repository<EmailShare, UUID> {

	EmailShare save(EmailShare share);

	boolean existsByEmailIdAndUserId(UUID emailId, UUID userId);

	List<EmailShare> findByEmailIdOrderByCreatedAt(UUID emailId);

	long deleteByEmailIdAndUserId(UUID emailId, UUID userId);

}
