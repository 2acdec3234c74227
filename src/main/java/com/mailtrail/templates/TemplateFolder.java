package com.mailtrail.templates;

import java.time.Instant;
import java.util.UUID;

import com.mailtrail.tenancy.TenantScopedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A folder of the company; everyone files templates in it, its creator or an admin renames or deletes it. */
@Entity
@Table(name = "template_folder")
class TemplateFolder extends TenantScopedEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.UUID)
	private UUID id;

	@Column(nullable = false)
	private String name;

	@Column(name = "created_by")
	private UUID createdBy;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt = Instant.now();

	protected TemplateFolder() {
	}

	TemplateFolder(String name, UUID createdBy) {
		this.name = name;
		this.createdBy = createdBy;
	}

	UUID getId() {
		return this.id;
	}

	String getName() {
		return this.name;
	}

	UUID getCreatedBy() {
		return this.createdBy;
	}

	void rename(String name) {
		this.name = name;
	}

}
