package com.mailtrail.linking;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.mailtrail.crm.Viewer;
import com.mailtrail.crm.activity.ActivityService;
import com.mailtrail.crm.activity.ActivityView;
import com.mailtrail.crm.contact.ContactService;
import com.mailtrail.crm.contact.ContactView;
import com.mailtrail.crm.deal.DealRepository;
import com.mailtrail.crm.deal.DealService;
import com.mailtrail.crm.deal.DealStatus;
import com.mailtrail.crm.deal.DealView;
import com.mailtrail.mail.EmailLink;
import com.mailtrail.mail.EmailLinks;
import com.mailtrail.mail.LinkableRecords;
import com.mailtrail.mail.RecordType;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class CrmLinkableRecords implements LinkableRecords {

	private final ContactService contacts;

	private final DealService deals;

	private final ActivityService activities;

	private final DealRepository dealRepository;

	private final EmailLinks links;

	CrmLinkableRecords(ContactService contacts, DealService deals, ActivityService activities,
			DealRepository dealRepository, EmailLinks links) {
		this.contacts = contacts;
		this.deals = deals;
		this.activities = activities;
		this.dealRepository = dealRepository;
		this.links = links;
	}

	@Override
	@Transactional(readOnly = true)
	public Map<UUID, String> names(RecordType type, Collection<UUID> ids, UUID viewer) {
		Map<UUID, String> names = new LinkedHashMap<>();
		Viewer v = new Viewer(viewer, false);
		switch (type) {
			case CONTACT -> this.contacts.visibleByIds(ids, v).forEach(c -> names.put(c.id(), label(c)));
			case DEAL -> ids.forEach(id -> this.deals.find(id, v).ifPresent(d -> names.put(id, d.title())));
			case ACTIVITY -> ids.forEach(id -> {
				try {
					names.put(id, this.activities.get(id, v).title());
				}
				catch (RuntimeException hidden) {
					// not visible to this viewer: left out
				}
			});
		}
		return names;
	}

	@Override
	@Transactional(readOnly = true)
	public List<RecordOption> options(RecordType type, UUID viewer) {
		Viewer v = new Viewer(viewer, false);
		return switch (type) {
			case CONTACT -> this.contacts.options(v).stream().map(c -> new RecordOption(c.id(), label(c))).toList();
			case DEAL -> this.deals.options(v).stream().map(d -> new RecordOption(d.id(), dealLabel(d))).toList();
			case ACTIVITY -> this.activities.search("", false, v, PageRequest.of(0, 200, Sort.by("dueDate")))
				.map(a -> new RecordOption(a.id(), activityLabel(a)))
				.getContent();
		};
	}

	@Override
	public boolean visible(RecordType type, UUID id, UUID viewer) {
		return names(type, Set.of(id), viewer).containsKey(id);
	}

	@Override
	@Transactional(readOnly = true)
	public List<RecordOption> dealCandidates(UUID emailId, UUID viewer) {
		List<EmailLink> emailLinks = this.links.of(emailId);
		if (emailLinks.stream().anyMatch(l -> l.getRecordType() == RecordType.DEAL)) {
			return List.of();
		}
		Set<UUID> contactIds = emailLinks.stream()
			.filter(l -> l.getRecordType() == RecordType.CONTACT)
			.map(EmailLink::getRecordId)
			.collect(Collectors.toSet());
		if (contactIds.isEmpty()) {
			return List.of();
		}
		Viewer v = new Viewer(viewer, false);
		return this.dealRepository.findByStatusWithAnyContact(DealStatus.OPEN, contactIds)
			.stream()
			.map(d -> this.deals.find(d.getId(), v))
			.flatMap(java.util.Optional::stream)
			.map(d -> new RecordOption(d.id(), dealLabel(d)))
			.toList();
	}

	@Override
	@Transactional(readOnly = true)
	public Relation relation(RecordType type, UUID recordId, UUID userId) {
		Viewer v = new Viewer(userId, false);
		UUID owner;
		Set<UUID> followers;
		try {
			switch (type) {
				case CONTACT -> {
					var c = this.contacts.get(recordId, v);
					owner = c.ownerId();
					followers = c.followerIds();
				}
				case DEAL -> {
					var d = this.deals.get(recordId, v);
					owner = d.ownerId();
					followers = d.followerIds();
				}
				default -> {
					var a = this.activities.get(recordId, v);
					owner = a.ownerId();
					followers = a.followerIds();
				}
			}
		}
		catch (RuntimeException hidden) {
			return Relation.NONE;
		}
		return owner.equals(userId) ? Relation.OWNER : followers.contains(userId) ? Relation.FOLLOWER : Relation.SEES;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Recipient> recipientsOf(RecordType type, UUID recordId, UUID viewer) {
		Viewer v = new Viewer(viewer, false);
		List<UUID> contactIds = new java.util.ArrayList<>();
		try {
			switch (type) {
				case CONTACT -> contactIds.add(recordId);
				case DEAL -> {
					DealView deal = this.deals.get(recordId, v);
					if (deal.primaryContactId() != null) {
						contactIds.add(deal.primaryContactId());
					}
					deal.participantIds().stream().filter(id -> !contactIds.contains(id)).forEach(contactIds::add);
				}
				case ACTIVITY -> {
					ActivityView activity = this.activities.get(recordId, v);
					if (activity.contactId() != null) {
						contactIds.add(activity.contactId());
					}
				}
			}
		}
		catch (RuntimeException hidden) {
			return List.of();
		}
		Map<UUID, ContactView> visible = this.contacts.visibleByIds(contactIds, v)
			.stream()
			.collect(Collectors.toMap(ContactView::id, c -> c));
		return contactIds.stream()
			.map(visible::get)
			.filter(c -> c != null && c.primaryEmail() != null)
			.map(c -> new Recipient(c.fullName(), c.primaryEmail()))
			.toList();
	}

	@Override
	@Transactional(readOnly = true)
	public List<Recipient> recipientSuggestions(String query, UUID viewer, int max) {
		List<Recipient> found = new java.util.ArrayList<>();
		for (ContactView c : this.contacts.search(query, new Viewer(viewer, false),
				PageRequest.of(0, max, Sort.by("lastName", "firstName")))) {
			c.emails().forEach(address -> found.add(new Recipient(c.fullName(), address)));
		}
		return found.size() > max ? found.subList(0, max) : found;
	}

	private static String label(ContactView c) {
		return c.primaryEmail() == null ? c.fullName() : c.fullName() + " <" + c.primaryEmail() + ">";
	}

	private static String dealLabel(DealView d) {
		return d.title() + " (" + d.status() + ")";
	}

	private static String activityLabel(ActivityView a) {
		return a.title() + (a.dueDate() == null ? "" : " · " + a.dueDate());
	}

}
