package com.mailtrail.templates;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No such template or folder, another company's, or someone else's private template: all look the same, so nobody
 * can probe for templates they may not see.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class TemplateNotFoundException extends RuntimeException {

	public TemplateNotFoundException(String kind, UUID id) {
		super("No " + kind + " " + id);
	}

}
