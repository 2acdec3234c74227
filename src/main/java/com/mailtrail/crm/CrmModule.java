package com.mailtrail.crm;

/** The record modules whose visibility an admin can restrict, and whose emails have their own sharing policy. */
public enum CrmModule {

	CONTACTS, DEALS, ACTIVITIES

}
