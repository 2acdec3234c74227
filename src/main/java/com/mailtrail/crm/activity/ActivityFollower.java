package com.mailtrail.crm.activity;

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
@Table(name = "activity_follower")
class ActivityFollower extends TenantScopedEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.UUID)
	private UUID id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "activity_id")
	private Activity activity;

	@Column(name = "user_id", nullable = false)
	private UUID userId;

	protected ActivityFollower() {
	}

	ActivityFollower(Activity activity, UUID userId) {
		this.activity = activity;
		this.userId = userId;
	}

	UUID getUserId() {
		return this.userId;
	}

}
