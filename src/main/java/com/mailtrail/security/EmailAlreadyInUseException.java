package com.mailtrail.security;

public class EmailAlreadyInUseException extends RuntimeException {

	public EmailAlreadyInUseException(String email) {
		super("The address " + email.trim() + " is already in use.");
	}

}
