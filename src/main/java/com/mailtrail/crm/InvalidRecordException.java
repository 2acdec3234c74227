package com.mailtrail.crm;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A value that passed the form's own checks but does not fit the company's data, e.g. an unknown contact. */
@ResponseStatus(HttpStatus.BAD_REQUEST)
public class InvalidRecordException extends RuntimeException {

	private final String field;

	public InvalidRecordException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
