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

@Entity
@Table(name = "email_attachment")
public class EmailAttachment extends TenantScopedEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.UUID)
	private UUID id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "email_id")
	private Email email;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "blob_id")
	private AttachmentBlob blob;

	@Column(nullable = false)
	private String filename;

	@Column(name = "content_type", nullable = false)
	private String contentType;

	@Column(name = "content_id")
	private String contentId;

	@Column(name = "inline_part", nullable = false)
	private boolean inline;

	@Column(nullable = false)
	private long size;

	@Column(nullable = false)
	private int position;

	protected EmailAttachment() {
	}

	EmailAttachment(Email email, AttachmentBlob blob, String filename, String contentType, String contentId,
			boolean inline, int position) {
		this.email = email;
		this.blob = blob;
		this.filename = filename;
		this.contentType = contentType;
		this.contentId = contentId;
		this.inline = inline;
		this.size = blob.getSize();
		this.position = position;
	}

	public UUID getId() {
		return this.id;
	}

	public AttachmentBlob getBlob() {
		return this.blob;
	}

	public String getFilename() {
		return this.filename;
	}

	public String getContentType() {
		return this.contentType;
	}

	public String getContentId() {
		return this.contentId;
	}

	public boolean isInline() {
		return this.inline;
	}

	public long getSize() {
		return this.size;
	}

}
