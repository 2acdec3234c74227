package com.mailtrail.mail;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the email pages need to know about CRM records, provided by the module that knows them (mail does not
 * depend on the CRM). Every method answers only with records the viewer may see.
 */
public interface LinkableRecords {

	/** Display names of those records the viewer may see; others are missing from the map. */
	Map<UUID, String> names(RecordType type, Collection<UUID> ids, UUID viewer);

	/** Records of the type the viewer may link an email to, for a picker. */
	List<RecordOption> options(RecordType type, UUID viewer);

	boolean visible(RecordType type, UUID id, UUID viewer);

	/** Open deals with the email's contacts, offered when the email has no deal yet. */
	List<RecordOption> dealCandidates(UUID emailId, UUID viewer);

	/** How a user stands to a record: its owner, a follower, someone who can see it, or none of these. */
	enum Relation {

		OWNER, FOLLOWER, SEES, NONE

	}

	/** The user's relation to the record, for explaining who sees an email and why. */
	Relation relation(RecordType type, UUID recordId, UUID userId);

	record RecordOption(UUID id, String label) {
	}

	/** Addresses of the people on a record the viewer may see, to prefill an email composed from it. */
	List<Recipient> recipientsOf(RecordType type, UUID recordId, UUID viewer);

	/** Contacts the viewer may see whose name, company or address matches, for recipient autocomplete. */
	List<Recipient> recipientSuggestions(String query, UUID viewer, int max);

	record Recipient(String name, String address) {

		/** "Pat Jones <pat@globex.example>", as typed into an address field. */
		public String display() {
			if (this.name == null || this.name.isBlank()) {
				return this.address;
			}
			boolean quote = this.name.matches(".*[,;<>@\"()\\[\\]:].*");
			return (quote ? "\"" + this.name.replace("\\", "").replace("\"", "") + "\"" : this.name) + " <" + this.address
					+ ">";
		}

	}

}
