package com.mailtrail.crm;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The record does not exist, belongs to another tenant, or is hidden from the viewer: the three look the same, so
 * that nobody can probe for records they may not see.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class RecordNotFoundException extends RuntimeException {

	public RecordNotFoundException(String kind, UUID id) {
		super("No " + kind + " " + id);
	}

}
