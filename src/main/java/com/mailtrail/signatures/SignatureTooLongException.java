package com.mailtrail.signatures;

public class SignatureTooLongException extends RuntimeException {

	SignatureTooLongException() {
		super("Keep it under " + Signatures.MAX_LENGTH + " characters of HTML.");
	}

}
