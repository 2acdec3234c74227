package com.mailtrail.crm.contact;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The editable fields of a contact, from a form or the API. */
public record ContactData(String firstName, String lastName, String company, String phone, List<String> emails,
		UUID ownerId, Set<UUID> followerIds) {
}
