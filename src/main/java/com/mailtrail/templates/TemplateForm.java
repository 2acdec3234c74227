package com.mailtrail.templates;

import java.util.UUID;

/** The template page's form; validation happens in {@link EmailTemplates}, where the API's requests meet it too. */
class TemplateForm {

	private TemplateRecordType recordType = TemplateRecordType.CONTACT;

	private String name;

	private UUID folderId;

	private String subject;

	private String body = "";

	private boolean shared;

	static TemplateForm of(TemplateView t) {
		TemplateForm form = new TemplateForm();
		form.recordType = t.recordType();
		form.name = t.name();
		form.folderId = t.folderId();
		form.subject = t.subject();
		form.body = t.body();
		form.shared = t.shared();
		return form;
	}

	TemplateData toData() {
		return new TemplateData(this.recordType, this.name, this.folderId, this.subject, this.body, this.shared);
	}

	public TemplateRecordType getRecordType() {
		return this.recordType;
	}

	public void setRecordType(TemplateRecordType recordType) {
		this.recordType = recordType;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public UUID getFolderId() {
		return this.folderId;
	}

	public void setFolderId(UUID folderId) {
		this.folderId = folderId;
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

	public boolean isShared() {
		return this.shared;
	}

	public void setShared(boolean shared) {
		this.shared = shared;
	}

}
