package com.mailtrail.mail.web;

import java.util.UUID;

import com.mailtrail.mail.RecordType;
import jakarta.validation.constraints.NotNull;

/** "Link this email to that record", from the email view. */
public class LinkForm {

	@NotNull
	private RecordType recordType;

	@NotNull(message = "Choose a record to link the email to.")
	private UUID recordId;

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

}
