package com.mailtrail.crm.deal;

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
@Table(name = "deal_participant")
class DealParticipant extends TenantScopedEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.UUID)
	private UUID id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "deal_id")
	private Deal deal;

	@Column(name = "contact_id", nullable = false)
	private UUID contactId;

	protected DealParticipant() {
	}

	DealParticipant(Deal deal, UUID contactId) {
		this.deal = deal;
		this.contactId = contactId;
	}

	UUID getContactId() {
		return this.contactId;
	}

}
