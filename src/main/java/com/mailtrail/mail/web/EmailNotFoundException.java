package com.mailtrail.mail.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The email, attachment, link or record does not exist, belongs to another tenant, or is hidden from the viewer: all
 * look the same, so nobody can probe for what they may not see.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
class EmailNotFoundException extends RuntimeException {

	EmailNotFoundException(String what) {
		super("No such " + what);
	}

}
