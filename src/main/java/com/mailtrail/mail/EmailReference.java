package com.mailtrail.mail;

import java.util.UUID;

import com.mailtrail.tenancy.TenantScopedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A Message-ID the email refers to through In-Reply-To or References. */
@Entity
@Table(name = "email_reference")
public class EmailReference extends TenantScopedEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.UUID)
	private UUID id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "email_id")
	private Email email;

	@Column(name = "message_id", nullable = false)
	private String messageId;

	protected EmailReference() {
	}

	EmailReference(Email email, String messageId) {
		this.email = email;
		this.messageId = messageId;
	}

	public String getMessageId() {
		return this.messageId;
	}

}
