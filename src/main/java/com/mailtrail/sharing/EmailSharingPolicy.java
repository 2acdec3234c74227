package com.mailtrail.sharing;

import java.util.UUID;

import com.mailtrail.tenancy.TenantScopedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One user's policy for one module. The email visibility query reads this table by name. */
@Entity
@Table(name = "email_sharing_policy")
public class EmailSharingPolicy extends TenantScopedEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.UUID)
	private UUID id;

	@Column(name = "user_id", nullable = false)
	private UUID userId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private SharingModule module;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private SharingLevel level;

	protected EmailSharingPolicy() {
	}

	EmailSharingPolicy(UUID userId, SharingModule module, SharingLevel level) {
		this.userId = userId;
		this.module = module;
		this.level = level;
	}

	UUID getUserId() {
		return this.userId;
	}

	SharingModule getModule() {
		return this.module;
	}

	SharingLevel getLevel() {
		return this.level;
	}

	void change(SharingLevel level) {
		this.level = level;
	}

}
