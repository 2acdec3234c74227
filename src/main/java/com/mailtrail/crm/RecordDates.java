package com.mailtrail.crm;

import java.time.LocalDate;

/** Dates a CRM record may carry: any a person could mean, and none the database cannot store. */
public final class RecordDates {

	private RecordDates() {
	}

	public static void requireReasonable(String field, LocalDate date) {
		if (date != null && (date.getYear() < 1900 || date.getYear() > 9999)) {
			throw new InvalidRecordException(field, "Enter a date between the years 1900 and 9999.");
		}
	}

}
