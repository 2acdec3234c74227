package com.mailtrail.mail;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.mailtrail.mail.LinkableRecords.Relation;
import com.mailtrail.security.UserDirectory;
import com.mailtrail.security.UserSummary;
import com.mailtrail.sharing.SharingLevel;
import com.mailtrail.sharing.SharingModule;
import com.mailtrail.sharing.SharingPolicies;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Who can see this?": the colleagues who can open an email and, for each, the rule that lets them. Whether a
 * colleague sees it is the visibility query's answer; the reasons only explain that answer.
 */
@Service
public class EmailAudience {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private final EmailRepository emails;

	private final EmailShareRepository shares;

	private final EmailLinks links;

	private final LinkableRecords records;

	private final SharingPolicies policies;

	private final UserDirectory users;

	EmailAudience(EmailRepository emails, EmailShareRepository shares, EmailLinks links, LinkableRecords records,
			SharingPolicies policies, UserDirectory users) {
		this.emails = emails;
		this.shares = shares;
		this.links = links;
		this.records = records;
		this.policies = policies;
		this.users = users;
	}

	public record Member(String name, List<String> reasons) {
	}

	@Transactional(readOnly = true)
	public List<Member> of(UUID emailId, UUID ownerId) {
		Email email = this.emails.findById(emailId).orElseThrow();
		Map<SharingModule, SharingLevel> policy = this.policies.of(ownerId);
		Map<UUID, UserSummary> byId = new java.util.HashMap<>();
		this.users.all().forEach(u -> byId.put(u.id(), u));
		List<Member> members = new ArrayList<>();
		for (UserSummary colleague : this.users.active()) {
			if (colleague.id().equals(ownerId) || this.emails.findVisible(emailId, colleague.id()).isEmpty()) {
				continue;
			}
			List<String> reasons = new ArrayList<>();
			this.shares.findByEmailIdOrderByCreatedAt(emailId)
				.stream()
				.filter(s -> s.getUserId().equals(colleague.id()))
				.forEach(s -> reasons.add(s.getReason() == EmailShare.Reason.SMART_BCC ? "BCC'd it too"
						: "shared by " + name(byId, s.getSharedBy()) + " on " + DAY.format(s.getCreatedAt())));
			Set<String> own = this.users.addressesOf(colleague.id());
			email.getParticipants()
				.stream()
				.filter(p -> own.contains(p.getAddress()))
				.filter(p -> p.getRole() == ParticipantRole.TO || p.getRole() == ParticipantRole.CC
						|| p.getRole() == ParticipantRole.ORIGINAL_TO || p.getRole() == ParticipantRole.ORIGINAL_CC)
				.findFirst()
				.ifPresent(p -> reasons.add("in " + (p.getRole().name().endsWith("CC") ? "Cc" : "To")));
			for (EmailLink link : this.links.of(emailId)) {
				SharingModule module = module(link.getRecordType());
				SharingLevel level = policy.get(module);
				if (level == SharingLevel.PRIVATE) {
					continue;
				}
				Relation relation = this.records.relation(link.getRecordType(), link.getRecordId(), colleague.id());
				boolean grants = (relation == Relation.OWNER || relation == Relation.FOLLOWER)
						|| (level == SharingLevel.PUBLIC && relation == Relation.SEES);
				if (grants) {
					String name = this.records.names(link.getRecordType(), Set.of(link.getRecordId()), ownerId)
						.getOrDefault(link.getRecordId(), "a record");
					String how = switch (relation) {
						case OWNER -> "owner of ";
						case FOLLOWER -> "follower of ";
						default -> "can see ";
					};
					reasons.add(how + link.getRecordType().name().toLowerCase(Locale.ROOT) + " " + name + ", "
							+ module.label() + " policy: " + level.label());
				}
			}
			members.add(new Member(colleague.displayName(), reasons));
		}
		return members;
	}

	private static SharingModule module(RecordType type) {
		return switch (type) {
			case CONTACT -> SharingModule.CONTACTS;
			case DEAL -> SharingModule.DEALS;
			case ACTIVITY -> SharingModule.ACTIVITIES;
		};
	}

	private static String name(Map<UUID, UserSummary> byId, UUID id) {
		UserSummary user = id == null ? null : byId.get(id);
		return user == null ? "a former colleague" : user.displayName();
	}

}
