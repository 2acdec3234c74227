package com.mailtrail.crm.activity;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import com.mailtrail.crm.CrmRecord;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import org.hibernate.annotations.BatchSize;

@Entity
@Table(name = "activity")
public class Activity extends CrmRecord {

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private ActivityType type;

	@Column(nullable = false)
	private String title;

	private String notes;

	@Column(name = "due_date")
	private LocalDate dueDate;

	@Column(nullable = false)
	private boolean done;

	@Column(name = "contact_id")
	private UUID contactId;

	@Column(name = "deal_id")
	private UUID dealId;

	@OneToMany(mappedBy = "activity", cascade = CascadeType.ALL, orphanRemoval = true)
	@BatchSize(size = 50)
	private Set<ActivityFollower> followers = new LinkedHashSet<>();

	protected Activity() {
	}

	public Activity(UUID ownerId, ActivityType type, String title) {
		super(ownerId);
		this.type = type;
		this.title = title;
	}

	public void describe(ActivityType type, String title, String notes, LocalDate dueDate, boolean done) {
		this.type = type;
		this.title = title;
		this.notes = notes;
		this.dueDate = dueDate;
		this.done = done;
	}

	public void linkTo(UUID contactId, UUID dealId) {
		this.contactId = contactId;
		this.dealId = dealId;
	}

	public void replaceFollowers(Collection<UUID> userIds) {
		Set<UUID> wanted = Set.copyOf(userIds);
		this.followers.removeIf(f -> !wanted.contains(f.getUserId()));
		wanted.stream()
			.filter(id -> this.followers.stream().noneMatch(f -> f.getUserId().equals(id)))
			.forEach(id -> this.followers.add(new ActivityFollower(this, id)));
	}

	public ActivityType getType() {
		return this.type;
	}

	public String getTitle() {
		return this.title;
	}

	public String getNotes() {
		return this.notes;
	}

	public LocalDate getDueDate() {
		return this.dueDate;
	}

	public boolean isDone() {
		return this.done;
	}

	public UUID getContactId() {
		return this.contactId;
	}

	public UUID getDealId() {
		return this.dealId;
	}

	public Set<UUID> getFollowerIds() {
		Set<UUID> ids = new LinkedHashSet<>();
		this.followers.forEach(f -> ids.add(f.getUserId()));
		return ids;
	}

}
