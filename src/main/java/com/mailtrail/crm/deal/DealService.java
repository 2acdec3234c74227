package com.mailtrail.crm.deal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import com.mailtrail.crm.CrmModule;
import com.mailtrail.crm.InvalidRecordException;
import com.mailtrail.crm.RecordAccessDeniedException;
import com.mailtrail.crm.RecordNotFoundException;
import com.mailtrail.crm.RecordDates;
import com.mailtrail.crm.RecordPeople;
import com.mailtrail.crm.RecordVisibility;
import com.mailtrail.crm.SearchPattern;
import com.mailtrail.crm.Viewer;
import com.mailtrail.crm.contact.ContactRepository;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class DealService {

	private final DealRepository deals;

	private final ContactRepository contacts;

	private final RecordVisibility visibility;

	private final RecordPeople people;

	DealService(DealRepository deals, ContactRepository contacts, RecordVisibility visibility, RecordPeople people) {
		this.deals = deals;
		this.contacts = contacts;
		this.visibility = visibility;
		this.people = people;
	}

	@Transactional(readOnly = true)
	public Page<DealView> search(String query, DealStatus status, Viewer viewer, Pageable pageable) {
		return this.deals.search(SearchPattern.of(query), status, viewer.userId(), everyone(), pageable).map(DealView::of);
	}

	@Transactional(readOnly = true)
	public DealView get(UUID id, Viewer viewer) {
		return DealView.of(visible(id, viewer));
	}

	@Transactional(readOnly = true)
	public java.util.Optional<DealView> find(UUID id, Viewer viewer) {
		return this.deals.findVisible(id, viewer.userId(), everyone()).map(DealView::of);
	}

	@Transactional(readOnly = true)
	public List<DealView> forContact(UUID contactId, Viewer viewer) {
		return this.deals.findVisibleForContact(contactId, viewer.userId(), everyone())
			.stream()
			.map(DealView::of)
			.toList();
	}

	@Transactional(readOnly = true)
	public List<DealView> options(Viewer viewer) {
		return search("", null, viewer, PageRequest.of(0, 500, Sort.by("title"))).getContent();
	}

	/** Creates the deal acting as its owner. */
	@Transactional
	public UUID create(DealData data) {
		return create(data, new Viewer(data.ownerId(), false));
	}

	/** Creates the deal acting as {@code actor}, who must be able to see the contacts it names. */
	@Transactional
	public UUID create(DealData data, Viewer actor) {
		Deal deal = new Deal(this.people.requireOwner(data.ownerId()), data.title());
		apply(deal, data, actor);
		return this.deals.save(deal).getId();
	}

	@Transactional
	public void update(UUID id, DealData data, Viewer viewer) {
		Deal deal = visible(id, viewer);
		deal.changeOwner(this.people.requireOwner(data.ownerId()));
		apply(deal, data, viewer);
	}

	@Transactional
	public void delete(UUID id, Viewer viewer) {
		Deal deal = visible(id, viewer);
		if (!viewer.admin() && !deal.getOwnerId().equals(viewer.userId())) {
			throw new RecordAccessDeniedException("Only the deal's owner or an admin can delete it.");
		}
		this.deals.delete(deal);
	}

	private void apply(Deal deal, DealData data, Viewer actor) {
		RecordDates.requireReasonable("expectedCloseDate", data.expectedCloseDate());
		String currency = data.currency() == null || data.currency().isBlank() ? "USD"
				: data.currency().trim().toUpperCase(Locale.ROOT);
		deal.describe(data.title().trim(), data.amount(), currency,
				data.status() == null ? DealStatus.OPEN : data.status(), data.expectedCloseDate());
		Set<UUID> participants = new LinkedHashSet<>(data.participantIds() == null ? Set.of() : data.participantIds());
		requireContacts(data.primaryContactId(), participants, actor);
		deal.changeContacts(data.primaryContactId(), participants);
		deal.replaceFollowers(this.people.requireFollowers(data.followerIds() == null ? Set.of() : data.followerIds()));
	}

	/** A contact the actor may not see is reported like one that does not exist, so nothing leaks. */
	private void requireContacts(UUID primary, Set<UUID> participants, Viewer actor) {
		boolean everyone = this.visibility.everyoneSees(CrmModule.CONTACTS);
		if (primary != null && this.contacts.findVisible(primary, actor.userId(), everyone).isEmpty()) {
			throw new InvalidRecordException("primaryContactId", "The primary contact does not exist.");
		}
		for (UUID id : participants) {
			if (this.contacts.findVisible(id, actor.userId(), everyone).isEmpty()) {
				throw new InvalidRecordException("participantIds", "A participant contact does not exist.");
			}
		}
	}

	private Deal visible(UUID id, Viewer viewer) {
		return this.deals.findVisible(id, viewer.userId(), everyone())
			.orElseThrow(() -> new RecordNotFoundException("deal", id));
	}

	private boolean everyone() {
		return this.visibility.everyoneSees(CrmModule.DEALS);
	}

}
