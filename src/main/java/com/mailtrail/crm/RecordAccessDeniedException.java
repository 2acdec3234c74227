package com.mailtrail.crm;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

@ResponseStatus(HttpStatus.FORBIDDEN)
public class RecordAccessDeniedException extends RuntimeException {

	public RecordAccessDeniedException(String message) {
		super(message);
	}

}
