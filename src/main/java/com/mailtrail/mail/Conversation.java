package com.mailtrail.mail;

import java.time.Instant;
import java.util.UUID;

import com.mailtrail.tenancy.TenantScopedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Emails that belong together by Message-ID, In-Reply-To and References. It remembers the deal its messages go to,
 * so that later messages follow the last choice, automatic or by hand.
 */
@Entity
@Table(name = "conversation")
public class Conversation extends TenantScopedEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.UUID)
	private UUID id;

	@Column(name = "deal_id")
	private UUID dealId;

	@Column(name = "deal_reason")
	private String dealReason;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt = Instant.now();

	public UUID getId() {
		return this.id;
	}

	public UUID getDealId() {
		return this.dealId;
	}

	public String getDealReason() {
		return this.dealReason;
	}

	public void followDeal(UUID dealId, String reason) {
		this.dealId = dealId;
		this.dealReason = reason;
	}

}
