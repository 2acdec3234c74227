package com.mailtrail.security;

public class UserChangeRefusedException extends RuntimeException {

	public UserChangeRefusedException(String message) {
		super(message);
	}

}
