package com.mailtrail.mail;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

public interface EmailRepository extends Repository<Email, UUID> {

	/*
	 * The one definition of "visible to viewer V" (SPEC 5). It is written as uncorrelated sub-selects so that
	 * PostgreSQL computes each viewer-specific set once (a hashed sub-plan) and tests every email against it with a
	 * hash probe; the Public grant reads only the email's own link flags and its owner. Hibernate adds the tenant to
	 * every entity below. SharingModel in the tests states the same rules in plain Java; a test checks they agree.
	 */

	String TO_OR_CC = "(com.mailtrail.mail.ParticipantRole.TO, com.mailtrail.mail.ParticipantRole.CC,"
			+ " com.mailtrail.mail.ParticipantRole.ORIGINAL_TO, com.mailtrail.mail.ParticipantRole.ORIGINAL_CC)";

	/**
	 * Who may always read an email: its owner, the users it is explicitly shared with, and colleagues who are
	 * themselves in its To or Cc (or the original's, for a forward) with their login or a secondary address.
	 */
	String OWNED_OR_SHARED = "(e.ownerId = :viewer"
			+ " or e.id in (select s.emailId from EmailShare s where s.userId = :viewer)"
			+ " or e.id in (select p.email.id from EmailParticipant p where p.role in " + TO_OR_CC
			+ "     and lower(p.address) in (select lower(u.email) from UserAccount u where u.id = :viewer))"
			+ " or e.id in (select p.email.id from EmailParticipant p where p.role in " + TO_OR_CC
			+ "     and lower(p.address) in (select lower(x.email) from SecondaryEmail x where x.user.id = :viewer)))";

	/** The owners whose policy for a module (appended, with a closing bracket) is Public. */
	String PUBLIC_OWNERS = "(select sp.userId from EmailSharingPolicy sp where sp.level = com.mailtrail.sharing.SharingLevel.PUBLIC"
			+ " and sp.module = com.mailtrail.sharing.SharingModule.";

	/** The owners whose policy for a module (appended, with a closing bracket) is teammates and owner, or Public. */
	String TEAM_OR_PUBLIC_OWNERS = "(select sp.userId from EmailSharingPolicy sp where sp.level in"
			+ " (com.mailtrail.sharing.SharingLevel.TEAM, com.mailtrail.sharing.SharingLevel.PUBLIC)"
			+ " and sp.module = com.mailtrail.sharing.SharingModule.";

	/** True unless an admin restricted the CRM module (appended, with a closing bracket) to owners and followers. */
	String UNRESTRICTED = "not exists (select 1 from RecordVisibilitySetting v"
			+ " where v.scope = com.mailtrail.crm.VisibilityScope.OWNER_AND_FOLLOWERS and v.module = com.mailtrail.crm.CrmModule.";

	/** Opens "the email's link to record (:type, :recordId) exists and ..."; the caller closes the bracket. */
	String THIS_LINK = "exists (select 1 from EmailLink l where l.emailId = e.id and l.recordType = :type"
			+ " and l.recordId = :recordId and ";

	/*
	 * Per module, the grants through the owner's policy. Public lets in everyone who can see the record: when the
	 * module is not restricted to owners and followers that is everyone, so only whether the email is linked in the
	 * module matters (the flag kept by triggers). Teammates and owner, or Public in a restricted module, let in the
	 * owner and the followers of the linked record. *_PUBLIC_GRANT and *_TEAM_GRANT count any link of the email
	 * (opened directly); *_GRANTS_ON_RECORD only the link to record (:type, :recordId) (on that record's timeline).
	 */

	/** Link {@code l} is to a deal the viewer owns. */
	String DEAL_OWNED_BY_VIEWER = "l.recordType = com.mailtrail.mail.RecordType.DEAL"
			+ " and l.recordId in (select r.id from Deal r where r.ownerId = :viewer)";

	/** Link {@code l} is to a deal the viewer follows. */
	String DEAL_FOLLOWED_BY_VIEWER = "l.recordType = com.mailtrail.mail.RecordType.DEAL"
			+ " and l.recordId in (select f.deal.id from DealFollower f where f.userId = :viewer)";

	String DEAL_PUBLIC_GRANT = "(e.ownerId in " + PUBLIC_OWNERS + "DEALS) and e.linkedToDeal = true and " + UNRESTRICTED
			+ "DEALS))";

	String DEAL_TEAM_GRANT = "(e.ownerId in " + TEAM_OR_PUBLIC_OWNERS + "DEALS)"
			+ " and (e.id in (select l.emailId from EmailLink l where " + DEAL_OWNED_BY_VIEWER + ")"
			+ " or e.id in (select l.emailId from EmailLink l where " + DEAL_FOLLOWED_BY_VIEWER + ")))";

	String DEAL_GRANTS_ON_RECORD = "((e.ownerId in " + PUBLIC_OWNERS + "DEALS) and " + THIS_LINK
			+ "l.recordType = com.mailtrail.mail.RecordType.DEAL) and " + UNRESTRICTED + "DEALS))"
			+ " or (e.ownerId in " + TEAM_OR_PUBLIC_OWNERS + "DEALS) and " + THIS_LINK + "(("
			+ DEAL_OWNED_BY_VIEWER + ") or (" + DEAL_FOLLOWED_BY_VIEWER + ")))))";

	/** Link {@code l} is to a contact the viewer owns. */
	String CONTACT_OWNED_BY_VIEWER = "l.recordType = com.mailtrail.mail.RecordType.CONTACT"
			+ " and l.recordId in (select r.id from Contact r where r.ownerId = :viewer)";

	/** Link {@code l} is to a contact the viewer follows. */
	String CONTACT_FOLLOWED_BY_VIEWER = "l.recordType = com.mailtrail.mail.RecordType.CONTACT"
			+ " and l.recordId in (select f.contact.id from ContactFollower f where f.userId = :viewer)";

	String CONTACT_PUBLIC_GRANT = "(e.ownerId in " + PUBLIC_OWNERS + "CONTACTS) and e.linkedToContact = true and " + UNRESTRICTED
			+ "CONTACTS))";

	String CONTACT_TEAM_GRANT = "(e.ownerId in " + TEAM_OR_PUBLIC_OWNERS + "CONTACTS)"
			+ " and (e.id in (select l.emailId from EmailLink l where " + CONTACT_OWNED_BY_VIEWER + ")"
			+ " or e.id in (select l.emailId from EmailLink l where " + CONTACT_FOLLOWED_BY_VIEWER + ")))";

	String CONTACT_GRANTS_ON_RECORD = "((e.ownerId in " + PUBLIC_OWNERS + "CONTACTS) and " + THIS_LINK
			+ "l.recordType = com.mailtrail.mail.RecordType.CONTACT) and " + UNRESTRICTED + "CONTACTS))"
			+ " or (e.ownerId in " + TEAM_OR_PUBLIC_OWNERS + "CONTACTS) and " + THIS_LINK + "(("
			+ CONTACT_OWNED_BY_VIEWER + ") or (" + CONTACT_FOLLOWED_BY_VIEWER + ")))))";

	/** Link {@code l} is to an activity the viewer owns. */
	String ACTIVITY_OWNED_BY_VIEWER = "l.recordType = com.mailtrail.mail.RecordType.ACTIVITY"
			+ " and l.recordId in (select r.id from Activity r where r.ownerId = :viewer)";

	/** Link {@code l} is to an activity the viewer follows. */
	String ACTIVITY_FOLLOWED_BY_VIEWER = "l.recordType = com.mailtrail.mail.RecordType.ACTIVITY"
			+ " and l.recordId in (select f.activity.id from ActivityFollower f where f.userId = :viewer)";

	String ACTIVITY_PUBLIC_GRANT = "(e.ownerId in " + PUBLIC_OWNERS + "ACTIVITIES) and e.linkedToActivity = true and " + UNRESTRICTED
			+ "ACTIVITIES))";

	String ACTIVITY_TEAM_GRANT = "(e.ownerId in " + TEAM_OR_PUBLIC_OWNERS + "ACTIVITIES)"
			+ " and (e.id in (select l.emailId from EmailLink l where " + ACTIVITY_OWNED_BY_VIEWER + ")"
			+ " or e.id in (select l.emailId from EmailLink l where " + ACTIVITY_FOLLOWED_BY_VIEWER + ")))";

	String ACTIVITY_GRANTS_ON_RECORD = "((e.ownerId in " + PUBLIC_OWNERS + "ACTIVITIES) and " + THIS_LINK
			+ "l.recordType = com.mailtrail.mail.RecordType.ACTIVITY) and " + UNRESTRICTED + "ACTIVITIES))"
			+ " or (e.ownerId in " + TEAM_OR_PUBLIC_OWNERS + "ACTIVITIES) and " + THIS_LINK + "(("
			+ ACTIVITY_OWNED_BY_VIEWER + ") or (" + ACTIVITY_FOLLOWED_BY_VIEWER + ")))))";

	/**
	 * Visible to everyone in the company through a Public policy. {@link EmailCountQueries} states the rule again in
	 * SQL for the email page's total: over per-owner counts, and from the viewer's side for the rest.
	 */
	String PUBLIC_GRANTS = "(" + DEAL_PUBLIC_GRANT + " or " + CONTACT_PUBLIC_GRANT + " or " + ACTIVITY_PUBLIC_GRANT + ")";

	/**
	 * Opened directly (list, search, view, downloads, API): visible if anything grants it, ownership, a share, or
	 * any of its links through the owner's policy for that link's module; the least restrictive path wins.
	 */
	String VISIBLE = "(" + OWNED_OR_SHARED + " or " + PUBLIC_GRANTS + " or " + DEAL_TEAM_GRANT
			+ " or " + CONTACT_TEAM_GRANT + " or " + ACTIVITY_TEAM_GRANT + ")";

	/** On the timeline of record (:type, :recordId): only that record's own grant counts, besides ownership and shares. */
	String VISIBLE_ON_RECORD = "(" + OWNED_OR_SHARED + " or " + DEAL_GRANTS_ON_RECORD + " or " + CONTACT_GRANTS_ON_RECORD
			+ " or " + ACTIVITY_GRANTS_ON_RECORD + ")";

	Email save(Email email);

	Optional<Email> findById(UUID id);

	Optional<Email> findByDedupeKey(String dedupeKey);

	@Query("select e from Email e where e.id = :id and " + VISIBLE)
	Optional<Email> findVisible(UUID id, UUID viewer);

	/** The email page's filters: search pattern ('%%' for none), linked or not (null for both), and scope. */
	String FILTERS = """
			 and (:pattern = '%%' or lower(coalesce(e.subject, '')) like :pattern
			      or exists (select 1 from EmailParticipant p where p.email = e
			                 and (lower(p.address) like :pattern or lower(coalesce(p.name, '')) like :pattern)))
			 and (:linked is null
			      or (:linked = true and exists (select 1 from EmailLink l where l.emailId = e.id))
			      or (:linked = false and not exists (select 1 from EmailLink l where l.emailId = e.id)))
			 and (:scope = 'all' or (:scope = 'mine' and e.ownerId = :viewer)
			      or (:scope = 'shared' and e.ownerId <> :viewer))
			""";

	/**
	 * A page of the emails visible to the viewer, without its total: {@link VisibleEmails} adds that.
	 * @param scope {@code all} visible emails, {@code mine}, or {@code shared} with the viewer by others
	 */
	@Query("select e from Email e where " + VISIBLE + FILTERS)
	List<Email> findVisible(String pattern, Boolean linked, String scope, UUID viewer, Pageable pageable);

	@Query("select count(e) from Email e where " + VISIBLE + FILTERS)
	long countVisible(String pattern, Boolean linked, String scope, UUID viewer);

	/** Like {@link #findVisible} without its filters, but only emails linked to this record. */
	@Query("""
			select e from Email e where """ + VISIBLE_ON_RECORD + """
			 and (:pattern = '%%' or lower(coalesce(e.subject, '')) like :pattern
			      or exists (select 1 from EmailParticipant p where p.email = e
			                 and (lower(p.address) like :pattern or lower(coalesce(p.name, '')) like :pattern)))
			 and exists (select 1 from EmailLink l where l.emailId = e.id and l.recordType = :type and l.recordId = :recordId)
			""")
	Page<Email> searchVisibleLinkedTo(String pattern, RecordType type, UUID recordId, UUID viewer, Pageable pageable);

	@Query("select e from Email e where " + VISIBLE_ON_RECORD + " and exists (select 1 from EmailLink l where l.emailId = e.id "
			+ "and l.recordType = :type and l.recordId = :recordId) order by e.sentAt desc nulls last, e.createdAt desc")
	List<Email> findVisibleLinkedTo(RecordType type, UUID recordId, UUID viewer);

	/** Mail sent from Mailtrail with one of these Message-IDs (compared case-insensitively), e.g. for a bounce. */
	@Query("select e from Email e where lower(e.messageId) in :messageIds and e.direction = com.mailtrail.mail.Direction.OUTBOUND")
	List<Email> findSentByMessageIds(Collection<String> messageIds);

	/** The conversations of emails whose Message-ID is one of these. */
	@Query("select distinct e.conversation from Email e where e.messageId in :messageIds")
	List<Conversation> findConversationsByMessageIds(Collection<String> messageIds);

	/** The conversations of emails that refer to this Message-ID: they arrived before the message they answer. */
	@Query("select distinct r.email.conversation from EmailReference r where r.messageId = :messageId")
	List<Conversation> findConversationsReferring(String messageId);

	@Query("select e from Email e where e.conversation = :conversation and e.id <> :exclude order by e.sentAt")
	List<Email> findOthersInConversation(Conversation conversation, UUID exclude);

}
