package com.mailtrail.mail;

/** The kinds of CRM record an email can be linked to. */
public enum RecordType {

	CONTACT, DEAL, ACTIVITY

}
