package com.mailtrail.mail;

import java.util.UUID;

import com.mailtrail.tenancy.TenantScopedEntity;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Attachment content, stored once per tenant however many emails carry it. */
@Entity
@Table(name = "attachment_blob")
public class AttachmentBlob extends TenantScopedEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.UUID)
	private UUID id;

	@Column(nullable = false)
	private String sha256;

	@Column(nullable = false)
	private long size;

	@Basic(fetch = FetchType.LAZY)
	@Column(nullable = false)
	private byte[] content;

	protected AttachmentBlob() {
	}

	public AttachmentBlob(String sha256, byte[] content) {
		this.sha256 = sha256;
		this.size = content.length;
		this.content = content;
	}

	public UUID getId() {
		return this.id;
	}

	public String getSha256() {
		return this.sha256;
	}

	public long getSize() {
		return this.size;
	}

	public byte[] getContent() {
		return this.content;
	}

}
