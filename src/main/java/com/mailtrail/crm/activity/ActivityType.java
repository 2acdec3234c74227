package com.mailtrail.crm.activity;

public enum ActivityType {

	CALL, MEETING, TASK

}
