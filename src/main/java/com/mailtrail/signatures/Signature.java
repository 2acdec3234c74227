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
@Table(name = "signature")
class Signature extends TenantScopedEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.UUID)
	private UUID id;

	@Column(name = "user_id", nullable = false)
	private UUID userId;

	@Column(nullable = false)
	private String html;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt = Instant.now();

	protected Signature() {
	}

	Signature(UUID userId, String sanitisedHtml) {
		this.userId = userId;
		this.html = sanitisedHtml;
	}

	String getHtml() {
		return this.html;
	}

	void change(String sanitisedHtml) {
		this.html = sanitisedHtml;
		this.updatedAt = Instant.now();
	}

}
