package com.mailtrail.crm.deal;

public enum DealStatus {

	OPEN, WON, LOST

}
