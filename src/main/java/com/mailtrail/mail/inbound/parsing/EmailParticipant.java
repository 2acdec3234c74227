package com.mailtrail.mail.inbound.parsing;

import java.util.Locale;

/**
 * One mailbox of an address header.
 *
 * @param name the decoded display name, or {@code null} when there is none
 * @param address the addr-spec, lower-cased; a bare local part without a domain is kept as written
 */
public record EmailParticipant(String name, String address) {

	public EmailParticipant {
		address = address == null ? "" : address.strip().toLowerCase(Locale.ROOT);
		name = (name == null || name.isBlank()) ? null : name.strip();
		if (name != null && name.equalsIgnoreCase(address)) {
			name = null; // Outlook writes "a@x.com <a@x.com>": no name at all
		}
	}

	/** The form the corpus and most mail clients show: {@code Name <addr>}, or the bare address. */
	@Override
	public String toString() {
		return name == null ? address : name + " <" + address + ">";
	}

}
