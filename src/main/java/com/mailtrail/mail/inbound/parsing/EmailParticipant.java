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
		name = (name == null || name.isBlank()) ? null : name.strip();
		address = address == null ? "" : address.strip().toLowerCase(Locale.ROOT);
	}

	/** The form the corpus and most mail clients show: {@code Name <addr>}, or the bare address. */
	@Override
	public String toString() {
		return name == null ? address : name + " <" + address + ">";
	}

}
