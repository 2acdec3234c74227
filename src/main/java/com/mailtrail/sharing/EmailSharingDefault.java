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

@Entity
@Table(name = "email_sharing_default")
class EmailSharingDefault extends TenantScopedEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.UUID)
	private UUID id;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private SharingModule module;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private SharingLevel level;

	protected EmailSharingDefault() {
	}

	EmailSharingDefault(SharingModule module, SharingLevel level) {
		this.module = module;
		this.level = level;
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
