package com.mailtrail.tenancy;

public class TenantNotBoundException extends IllegalStateException {

	TenantNotBoundException() {
		super("No tenant is bound to this thread");
	}

}
