package com.mailtrail.crm.activity;

import java.util.List;
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
import com.mailtrail.crm.deal.DealRepository;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class ActivityService {

	private final ActivityRepository activities;

	private final ContactRepository contacts;

	private final DealRepository deals;

	private final RecordVisibility visibility;

	private final RecordPeople people;

	ActivityService(ActivityRepository activities, ContactRepository contacts, DealRepository deals,
			RecordVisibility visibility, RecordPeople people) {
		this.activities = activities;
		this.contacts = contacts;
		this.deals = deals;
		this.visibility = visibility;
		this.people = people;
	}

	@Transactional(readOnly = true)
	public Page<ActivityView> search(String query, Boolean done, Viewer viewer, Pageable pageable) {
		return this.activities.search(SearchPattern.of(query), done, viewer.userId(), everyone(), pageable)
			.map(ActivityView::of);
	}

	@Transactional(readOnly = true)
	public ActivityView get(UUID id, Viewer viewer) {
		return ActivityView.of(visible(id, viewer));
	}

	@Transactional(readOnly = true)
	public List<ActivityView> forContact(UUID contactId, Viewer viewer) {
		return this.activities.findVisibleForContact(contactId, viewer.userId(), everyone())
			.stream()
			.map(ActivityView::of)
			.toList();
	}

	@Transactional(readOnly = true)
	public List<ActivityView> forDeal(UUID dealId, Viewer viewer) {
		return this.activities.findVisibleForDeal(dealId, viewer.userId(), everyone())
			.stream()
			.map(ActivityView::of)
			.toList();
	}

	/** Creates the activity acting as its owner. */
	@Transactional
	public UUID create(ActivityData data) {
		return create(data, new Viewer(data.ownerId(), false));
	}

	/** Creates the activity acting as {@code actor}, who must be able to see the contact and deal it names. */
	@Transactional
	public UUID create(ActivityData data, Viewer actor) {
		Activity activity = new Activity(this.people.requireOwner(data.ownerId()), data.type(), data.title());
		apply(activity, data, actor);
		return this.activities.save(activity).getId();
	}

	@Transactional
	public void update(UUID id, ActivityData data, Viewer viewer) {
		Activity activity = visible(id, viewer);
		activity.changeOwner(this.people.requireOwner(data.ownerId()));
		apply(activity, data, viewer);
	}

	@Transactional
	public void delete(UUID id, Viewer viewer) {
		Activity activity = visible(id, viewer);
		if (!viewer.admin() && !activity.getOwnerId().equals(viewer.userId())) {
			throw new RecordAccessDeniedException("Only the activity's owner or an admin can delete it.");
		}
		this.activities.delete(activity);
	}

	/** A contact or deal the actor may not see is reported like one that does not exist, so nothing leaks. */
	private void apply(Activity activity, ActivityData data, Viewer actor) {
		RecordDates.requireReasonable("dueDate", data.dueDate());
		if (data.contactId() != null && this.contacts
			.findVisible(data.contactId(), actor.userId(), this.visibility.everyoneSees(CrmModule.CONTACTS))
			.isEmpty()) {
			throw new InvalidRecordException("contactId", "That contact does not exist.");
		}
		if (data.dealId() != null && this.deals
			.findVisible(data.dealId(), actor.userId(), this.visibility.everyoneSees(CrmModule.DEALS))
			.isEmpty()) {
			throw new InvalidRecordException("dealId", "That deal does not exist.");
		}
		activity.describe(data.type(), data.title().trim(),
				data.notes() == null || data.notes().isBlank() ? null : data.notes(), data.dueDate(), data.done());
		activity.linkTo(data.contactId(), data.dealId());
		activity.replaceFollowers(this.people.requireFollowers(data.followerIds() == null ? Set.of() : data.followerIds()));
	}

	private Activity visible(UUID id, Viewer viewer) {
		return this.activities.findVisible(id, viewer.userId(), everyone())
			.orElseThrow(() -> new RecordNotFoundException("activity", id));
	}

	private boolean everyone() {
		return this.visibility.everyoneSees(CrmModule.ACTIVITIES);
	}

}
