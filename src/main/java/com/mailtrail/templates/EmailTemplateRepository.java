package com.mailtrail.templates;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface EmailTemplateRepository extends Repository<EmailTemplate, UUID> {

	/** The one visibility rule for templates: your own, and those shared with the company. */
	String VISIBLE = "(t.ownerId = :viewer or t.shared = true)";

	EmailTemplate save(EmailTemplate template);

	void delete(EmailTemplate template);

	@Query("select t from EmailTemplate t where t.id = :id and " + VISIBLE)
	Optional<EmailTemplate> findVisible(UUID id, UUID viewer);

	@Query("select t from EmailTemplate t where " + VISIBLE
			+ " and (:type is null or t.recordType = :type) and (:pattern = '%%' or lower(t.name) like :pattern "
			+ "or lower(t.subject) like :pattern) order by lower(t.name)")
	List<EmailTemplate> search(UUID viewer, TemplateRecordType type, String pattern);

	/** Templates leave a deleted folder for "Unfiled", whoever owns them. */
	@Modifying
	@Query("update EmailTemplate t set t.folderId = null where t.folderId = :folderId")
	int unfile(UUID folderId);

	@Query("select count(t) from EmailTemplate t where t.folderId = :folderId")
	long countInFolder(UUID folderId);

}
