package com.mailtrail.mail.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

@ResponseStatus(HttpStatus.FORBIDDEN)
class EmailChangeNotAllowedException extends RuntimeException {

	EmailChangeNotAllowedException() {
		super("Only the email's owner can change its links.");
	}

}
