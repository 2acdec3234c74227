package com.mailtrail.crm.contact;

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

@Entity
@Table(name = "contact_email")
class ContactEmail extends TenantScopedEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.UUID)
	private UUID id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "contact_id")
	private Contact contact;

	@Column(nullable = false)
	private String email;

	@Column(name = "primary_address", nullable = false)
	private boolean primaryAddress;

	protected ContactEmail() {
	}

	ContactEmail(Contact contact, String email, boolean primaryAddress) {
		this.contact = contact;
		this.email = email;
		this.primaryAddress = primaryAddress;
	}

	String getEmail() {
		return this.email;
	}

	boolean isPrimaryAddress() {
		return this.primaryAddress;
	}

	void markPrimary(boolean primary) {
		this.primaryAddress = primary;
	}

}
