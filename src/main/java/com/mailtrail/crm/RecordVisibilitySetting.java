package com.mailtrail.crm;

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
@Table(name = "crm_record_visibility")
class RecordVisibilitySetting extends TenantScopedEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.UUID)
	private UUID id;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private CrmModule module;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private VisibilityScope scope;

	protected RecordVisibilitySetting() {
	}

	RecordVisibilitySetting(CrmModule module, VisibilityScope scope) {
		this.module = module;
		this.scope = scope;
	}

	CrmModule getModule() {
		return this.module;
	}

	VisibilityScope getScope() {
		return this.scope;
	}

	void change(VisibilityScope scope) {
		this.scope = scope;
	}

}
