package com.mailtrail.mail.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.mailtrail.mail.RecordType;

import org.springframework.web.multipart.MultipartFile;

/** The compose form as posted; checked by {@link ComposeChecks} before anything is stored. */
public class ComposeForm {

	private String to = "";

	private String cc = "";

	private String bcc = "";

	private String subject = "";

	private String body = "";

	/** Open and click tracking: on unless the sender unticks it. */
	private boolean tracked = true;

	private RecordType recordType;

	private UUID recordId;

	private UUID replyTo;

	private UUID forwardOf;

	private List<MultipartFile> attachments = new ArrayList<>();

	public String getTo() {
		return this.to;
	}

	public void setTo(String to) {
		this.to = to;
	}

	public String getCc() {
		return this.cc;
	}

	public void setCc(String cc) {
		this.cc = cc;
	}

	public String getBcc() {
		return this.bcc;
	}

	public void setBcc(String bcc) {
		this.bcc = bcc;
	}

	public String getSubject() {
		return this.subject;
	}

	public void setSubject(String subject) {
		this.subject = subject;
	}

	public String getBody() {
		return this.body;
	}

	public void setBody(String body) {
		this.body = body;
	}

	public boolean isTracked() {
		return this.tracked;
	}

	public void setTracked(boolean tracked) {
		this.tracked = tracked;
	}

	public RecordType getRecordType() {
		return this.recordType;
	}

	public void setRecordType(RecordType recordType) {
		this.recordType = recordType;
	}

	public UUID getRecordId() {
		return this.recordId;
	}

	public void setRecordId(UUID recordId) {
		this.recordId = recordId;
	}

	public UUID getReplyTo() {
		return this.replyTo;
	}

	public void setReplyTo(UUID replyTo) {
		this.replyTo = replyTo;
	}

	public UUID getForwardOf() {
		return this.forwardOf;
	}

	public void setForwardOf(UUID forwardOf) {
		this.forwardOf = forwardOf;
	}

	public List<MultipartFile> getAttachments() {
		return this.attachments;
	}

	public void setAttachments(List<MultipartFile> attachments) {
		this.attachments = attachments == null ? new ArrayList<>() : attachments;
	}

}
