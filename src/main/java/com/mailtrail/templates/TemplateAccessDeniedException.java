package com.mailtrail.templates;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The user sees the template or folder but may not change it. */
@ResponseStatus(HttpStatus.FORBIDDEN)
public class TemplateAccessDeniedException extends RuntimeException {

	public TemplateAccessDeniedException(String message) {
		super(message);
	}

}
