package com.mailtrail.mail.web;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import com.mailtrail.mail.EmailLink;
import com.mailtrail.mail.EmailLinks;
import com.mailtrail.mail.LinkableRecords;
import com.mailtrail.mail.LinkableRecords.RecordOption;
import com.mailtrail.mail.RecordType;
import com.mailtrail.mail.web.EmailViews.LinkInfo;
import com.mailtrail.security.CurrentUser;

import org.springframework.stereotype.Service;

/**
 * Linking by hand, from the email view and the API. Only a user who can see the email may change its links, and only
 * to records they can see; anything else is "not found". Deliberately not one transaction: the record lookups run in
 * the CRM's own read-only transactions, and each change is one transaction in {@link EmailLinks}.
 */
@Service
class EmailLinking {

	private final EmailReader reader;

	private final EmailLinks links;

	private final LinkableRecords records;

	EmailLinking(EmailReader reader, EmailLinks links, LinkableRecords records) {
		this.reader = reader;
		this.links = links;
		this.records = records;
	}

	/** The email's links to records the viewer may see, oldest first, each with its reason. */
	List<LinkInfo> links(UUID emailId, UUID viewer) {
		requireVisibleEmail(emailId, viewer);
		List<EmailLink> all = this.links.of(emailId);
		Map<RecordType, Map<UUID, String>> names = new EnumMap<>(RecordType.class);
		all.stream()
			.collect(Collectors.groupingBy(EmailLink::getRecordType,
					Collectors.mapping(EmailLink::getRecordId, Collectors.toSet())))
			.forEach((type, ids) -> names.put(type, this.records.names(type, ids, viewer)));
		List<LinkInfo> visible = new ArrayList<>();
		for (EmailLink link : all) {
			String name = names.getOrDefault(link.getRecordType(), Map.of()).get(link.getRecordId());
			if (name != null) {
				visible.add(new LinkInfo(link.getRecordType(), link.getRecordId(), name, link.getReason()));
			}
		}
		return visible;
	}

	/** Records of each type the viewer could link the email to. */
	Map<RecordType, List<RecordOption>> options(UUID viewer) {
		Map<RecordType, List<RecordOption>> options = new EnumMap<>(RecordType.class);
		for (RecordType type : RecordType.values()) {
			options.put(type, this.records.options(type, viewer));
		}
		return options;
	}

	/** Open deals with the email's contacts, when it has no deal yet. */
	List<RecordOption> dealCandidates(UUID emailId, UUID viewer) {
		requireVisibleEmail(emailId, viewer);
		return this.records.dealCandidates(emailId, viewer);
	}

	/** Links the email to the record; answers the link and whether it is new. */
	Linked link(UUID emailId, RecordType type, UUID recordId, CurrentUser me) {
		requireVisible(emailId, type, recordId, me.userId());
		requireOwner(emailId, me);
		boolean added = this.links.link(emailId, type, recordId, reason(me), me.userId());
		return new Linked(find(emailId, type, recordId, me.userId()).orElseThrow(), added);
	}

	/** Makes this deal the email's only deal, as the one-click choice among candidates does. */
	LinkInfo moveToDeal(UUID emailId, UUID dealId, CurrentUser me) {
		requireVisible(emailId, RecordType.DEAL, dealId, me.userId());
		requireOwner(emailId, me);
		this.links.moveToDeal(emailId, dealId, reason(me), me.userId());
		return find(emailId, RecordType.DEAL, dealId, me.userId()).orElseThrow();
	}

	void unlink(UUID emailId, RecordType type, UUID recordId, CurrentUser me) {
		requireVisible(emailId, type, recordId, me.userId());
		requireOwner(emailId, me);
		if (!this.links.unlink(emailId, type, recordId)) {
			throw new EmailNotFoundException("link");
		}
	}

	record Linked(LinkInfo link, boolean added) {
	}

	private Optional<LinkInfo> find(UUID emailId, RecordType type, UUID recordId, UUID viewer) {
		return links(emailId, viewer).stream()
			.filter(l -> l.recordType() == type && l.recordId().equals(recordId))
			.findFirst();
	}

	private void requireVisible(UUID emailId, RecordType type, UUID recordId, UUID viewer) {
		requireVisibleEmail(emailId, viewer);
		if (type == null || recordId == null || !this.records.visible(type, recordId, viewer)) {
			throw new EmailNotFoundException("record");
		}
	}

	/** Colleagues an email is shared with may read it, but its links are its owner's to change. */
	private void requireOwner(UUID emailId, CurrentUser me) {
		if (!this.reader.details(emailId, me.userId()).ownerId().equals(me.userId())) {
			throw new EmailChangeNotAllowedException();
		}
	}

	private void requireVisibleEmail(UUID emailId, UUID viewer) {
		if (!this.reader.visible(emailId, viewer)) {
			throw new EmailNotFoundException("email");
		}
	}

	private static String reason(CurrentUser me) {
		return "linked by " + me.displayName();
	}

}
