package com.mailtrail.signatures;

import java.time.Instant;
import java.util.UUID;

import com.mailtrail.tenancy.TenantScopedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "company_disclaimer")
class CompanyDisclaimer extends TenantScopedEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.UUID)
	private UUID id;

	@Column(nullable = false)
	private String html;

	@Column(name = "updated_by")
	private UUID updatedBy;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt = Instant.now();

	protected CompanyDisclaimer() {
	}

	CompanyDisclaimer(String sanitisedHtml, UUID by) {
		this.html = sanitisedHtml;
		this.updatedBy = by;
	}

	String getHtml() {
		return this.html;
	}

	void change(String sanitisedHtml, UUID by) {
		this.html = sanitisedHtml;
		this.updatedBy = by;
		this.updatedAt = Instant.now();
	}

}
