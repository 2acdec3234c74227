package com.mailtrail.mail;

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

/** A user's email preferences; a user without a row has the defaults. */
@Entity
@Table(name = "mail_preference")
public class MailPreference extends TenantScopedEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.UUID)
	private UUID id;

	@Column(name = "user_id", nullable = false)
	private UUID userId;

	@Column(name = "strict_forwarding", nullable = false)
	private boolean strictForwarding;

	@Enumerated(EnumType.STRING)
	@Column(name = "link_mode", nullable = false)
	private LinkMode linkMode = LinkMode.AUTOMATIC;

	@Column(name = "create_unknown_contacts", nullable = false)
	private boolean createUnknownContacts;

	@Column(name = "track_by_default", nullable = false)
	private boolean trackByDefault = true;

	protected MailPreference() {
	}

	public MailPreference(UUID userId) {
		this.userId = userId;
	}

	public UUID getUserId() {
		return this.userId;
	}

	public boolean isStrictForwarding() {
		return this.strictForwarding;
	}

	public LinkMode getLinkMode() {
		return this.linkMode;
	}

	public boolean isCreateUnknownContacts() {
		return this.createUnknownContacts;
	}

	/** Whether new emails are sent with open and click tracking unless the sender switches it off. */
	public boolean isTrackByDefault() {
		return this.trackByDefault;
	}

	public void changeTrackByDefault(boolean trackByDefault) {
		this.trackByDefault = trackByDefault;
	}

	public void change(boolean strictForwarding, LinkMode linkMode, boolean createUnknownContacts) {
		this.strictForwarding = strictForwarding;
		this.linkMode = linkMode;
		this.createUnknownContacts = createUnknownContacts;
	}

}
