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
@Table(name = "contact_follower")
class ContactFollower extends TenantScopedEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.UUID)
	private UUID id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "contact_id")
	private Contact contact;

	@Column(name = "user_id", nullable = false)
	private UUID userId;

	protected ContactFollower() {
	}

	ContactFollower(Contact contact, UUID userId) {
		this.contact = contact;
		this.userId = userId;
	}

	UUID getUserId() {
		return this.userId;
	}

}
