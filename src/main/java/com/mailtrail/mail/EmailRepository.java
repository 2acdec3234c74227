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

	/**
	 * Who may always read an email: its owner, the users it is explicitly shared with, and colleagues who are
	 * themselves in its To or Cc (or the original's, for a forward) with their login or a secondary address.
	 */
	String OWNED_OR_SHARED = "(e.ownerId = :viewer"
			+ " or exists (select 1 from EmailShare s where s.emailId = e.id and s.userId = :viewer)"
			+ " or exists (select 1 from EmailParticipant p where p.email = e"
			+ "     and p.role in (com.mailtrail.mail.ParticipantRole.TO, com.mailtrail.mail.ParticipantRole.CC,"
			+ "                    com.mailtrail.mail.ParticipantRole.ORIGINAL_TO, com.mailtrail.mail.ParticipantRole.ORIGINAL_CC)"
			+ "     and (p.address in (select u.email from UserAccount u where u.id = :viewer)"
			+ "          or p.address in (select x.email from SecondaryEmail x where x.user.id = :viewer))))";

	/** The viewer owns or follows the deal of link {@code l}. */
	String DEAL_TEAM = "(exists (select 1 from Deal d where d.id = l.recordId and d.ownerId = :viewer)"
			+ " or exists (select 1 from DealFollower f where f.deal.id = l.recordId and f.userId = :viewer))";

	String CONTACT_TEAM = "(exists (select 1 from Contact c where c.id = l.recordId and c.ownerId = :viewer)"
			+ " or exists (select 1 from ContactFollower f where f.contact.id = l.recordId and f.userId = :viewer))";

	String ACTIVITY_TEAM = "(exists (select 1 from Activity a where a.id = l.recordId and a.ownerId = :viewer)"
			+ " or exists (select 1 from ActivityFollower f where f.activity.id = l.recordId and f.userId = :viewer))";

	/** Whether the link {@code l} of the email grants the viewer through the owner's policy for its module. */
	String LINK_GRANTS = "((l.recordType = com.mailtrail.mail.RecordType.DEAL and "
			+ "exists (select 1 from EmailSharingPolicy sp where sp.userId = e.ownerId"
			+ " and sp.module = com.mailtrail.sharing.SharingModule.DEALS and ("
			+ "   (sp.level = com.mailtrail.sharing.SharingLevel.TEAM and " + DEAL_TEAM + ")"
			+ "   or (sp.level = com.mailtrail.sharing.SharingLevel.PUBLIC and (" + DEAL_TEAM + " or "
			+ "not exists (select 1 from RecordVisibilitySetting v where v.module = com.mailtrail.crm.CrmModule.DEALS"
			+ " and v.scope = com.mailtrail.crm.VisibilityScope.OWNER_AND_FOLLOWERS))))))"
			+ " or (l.recordType = com.mailtrail.mail.RecordType.CONTACT and "
			+ "exists (select 1 from EmailSharingPolicy sp where sp.userId = e.ownerId"
			+ " and sp.module = com.mailtrail.sharing.SharingModule.CONTACTS and ("
			+ "   (sp.level = com.mailtrail.sharing.SharingLevel.TEAM and " + CONTACT_TEAM + ")"
			+ "   or (sp.level = com.mailtrail.sharing.SharingLevel.PUBLIC and (" + CONTACT_TEAM + " or "
			+ "not exists (select 1 from RecordVisibilitySetting v where v.module = com.mailtrail.crm.CrmModule.CONTACTS"
			+ " and v.scope = com.mailtrail.crm.VisibilityScope.OWNER_AND_FOLLOWERS))))))"
			+ " or (l.recordType = com.mailtrail.mail.RecordType.ACTIVITY and "
			+ "exists (select 1 from EmailSharingPolicy sp where sp.userId = e.ownerId"
			+ " and sp.module = com.mailtrail.sharing.SharingModule.ACTIVITIES and ("
			+ "   (sp.level = com.mailtrail.sharing.SharingLevel.TEAM and " + ACTIVITY_TEAM + ")"
			+ "   or (sp.level = com.mailtrail.sharing.SharingLevel.PUBLIC and (" + ACTIVITY_TEAM + " or "
			+ "not exists (select 1 from RecordVisibilitySetting v where v.module = com.mailtrail.crm.CrmModule.ACTIVITIES"
			+ " and v.scope = com.mailtrail.crm.VisibilityScope.OWNER_AND_FOLLOWERS)))))))";

	/**
	 * Opened directly (list, search, view, downloads, API): visible if anything grants it, ownership, a share, or
	 * any of its links through the owner's policy for that link's module; the least restrictive path wins.
	 */
	String VISIBLE = "(" + OWNED_OR_SHARED
			+ " or exists (select 1 from EmailLink l where l.emailId = e.id and " + LINK_GRANTS + "))";

	/** On the timeline of record (:type, :recordId): only that record's own grant counts, besides ownership and shares. */
	String VISIBLE_ON_RECORD = "(" + OWNED_OR_SHARED + " or exists (select 1 from EmailLink l where l.emailId = e.id"
			+ " and l.recordType = :type and l.recordId = :recordId and " + LINK_GRANTS + "))";

	Email save(Email email);

	Optional<Email> findById(UUID id);

	Optional<Email> findByDedupeKey(String dedupeKey);

	@Query("select e from Email e where e.id = :id and " + VISIBLE)
	Optional<Email> findVisible(UUID id, UUID viewer);

	@Query("""
			select e from Email e where """ + VISIBLE + """
			 and (:pattern = '%%' or lower(coalesce(e.subject, '')) like :pattern
			      or exists (select 1 from EmailParticipant p where p.email = e
			                 and (lower(p.address) like :pattern or lower(coalesce(p.name, '')) like :pattern)))
			 and (:linked is null
			      or (:linked = true and exists (select 1 from EmailLink l where l.emailId = e.id))
			      or (:linked = false and not exists (select 1 from EmailLink l where l.emailId = e.id)))
			 and (:scope = 'all' or (:scope = 'mine' and e.ownerId = :viewer)
			      or (:scope = 'shared' and e.ownerId <> :viewer))
			""")
	/** @param scope {@code all} visible emails, {@code mine}, or {@code shared} with the viewer by others */
	Page<Email> searchVisible(String pattern, Boolean linked, String scope, UUID viewer, Pageable pageable);

	/** Like {@link #searchVisible} without its filters, but only emails linked to this record. */
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
