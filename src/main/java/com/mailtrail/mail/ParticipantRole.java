package com.mailtrail.mail;

public enum ParticipantRole {

	FROM, TO, CC, BCC, REPLY_TO, ORIGINAL_FROM, ORIGINAL_TO, ORIGINAL_CC;

	public boolean original() {
		return this == ORIGINAL_FROM || this == ORIGINAL_TO || this == ORIGINAL_CC;
	}

}
