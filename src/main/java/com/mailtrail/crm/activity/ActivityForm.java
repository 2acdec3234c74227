package com.mailtrail.crm.activity;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

class ActivityForm {

	@NotNull(message = "Choose call, meeting or task.")
	private ActivityType type = ActivityType.TASK;

	@NotBlank(message = "Give the activity a title.")
	@Size(max = 200, message = "Keep the title under 200 characters.")
	private String title;

	@Size(max = 10000, message = "Keep the notes under 10,000 characters.")
	private String notes;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate dueDate;

	private boolean done;

	private UUID contactId;

	private UUID dealId;

	@NotNull(message = "Choose an owner.")
	private UUID ownerId;

	private Set<UUID> followerIds = new LinkedHashSet<>();

	static ActivityForm of(ActivityView activity) {
		ActivityForm form = new ActivityForm();
		form.type = activity.type();
		form.title = activity.title();
		form.notes = activity.notes();
		form.dueDate = activity.dueDate();
		form.done = activity.done();
		form.contactId = activity.contactId();
		form.dealId = activity.dealId();
		form.ownerId = activity.ownerId();
		form.followerIds = new LinkedHashSet<>(activity.followerIds());
		return form;
	}

	ActivityData toData() {
		return new ActivityData(this.type, this.title, this.notes, this.dueDate, this.done, this.contactId,
				this.dealId, this.ownerId, this.followerIds);
	}

	public ActivityType getType() {
		return this.type;
	}

	public void setType(ActivityType type) {
		this.type = type;
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getNotes() {
		return this.notes;
	}

	public void setNotes(String notes) {
		this.notes = notes;
	}

	public LocalDate getDueDate() {
		return this.dueDate;
	}

	public void setDueDate(LocalDate dueDate) {
		this.dueDate = dueDate;
	}

	public boolean isDone() {
		return this.done;
	}

	public void setDone(boolean done) {
		this.done = done;
	}

	public UUID getContactId() {
		return this.contactId;
	}

	public void setContactId(UUID contactId) {
		this.contactId = contactId;
	}

	public UUID getDealId() {
		return this.dealId;
	}

	public void setDealId(UUID dealId) {
		this.dealId = dealId;
	}

	public UUID getOwnerId() {
		return this.ownerId;
	}

	public void setOwnerId(UUID ownerId) {
		this.ownerId = ownerId;
	}

	public Set<UUID> getFollowerIds() {
		return this.followerIds;
	}

	public void setFollowerIds(Set<UUID> followerIds) {
		this.followerIds = followerIds == null ? new LinkedHashSet<>() : followerIds;
	}

}
