package com.mailtrail.templates;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A template or folder that cannot be saved or used as given; the message is written for the user. */
@ResponseStatus(HttpStatus.BAD_REQUEST)
public class InvalidTemplateException extends RuntimeException {

	private final String field;

	public InvalidTemplateException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
