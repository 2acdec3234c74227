package com.mailtrail.mail;

public enum Direction {

	INBOUND, OUTBOUND

}
