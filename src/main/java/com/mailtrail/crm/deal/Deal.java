package com.mailtrail.crm.deal;

import java.math.BigDecimal;
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
@Table(name = "deal")
public class Deal extends CrmRecord {

	@Column(nullable = false)
	private String title;

	private BigDecimal amount;

	@Column(nullable = false)
	private String currency = "USD";

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private DealStatus status = DealStatus.OPEN;

	@Column(name = "primary_contact_id")
	private UUID primaryContactId;

	@Column(name = "expected_close_date")
	private LocalDate expectedCloseDate;

	@OneToMany(mappedBy = "deal", cascade = CascadeType.ALL, orphanRemoval = true)
	@BatchSize(size = 50)
	private Set<DealParticipant> participants = new LinkedHashSet<>();

	@OneToMany(mappedBy = "deal", cascade = CascadeType.ALL, orphanRemoval = true)
	@BatchSize(size = 50)
	private Set<DealFollower> followers = new LinkedHashSet<>();

	protected Deal() {
	}

	public Deal(UUID ownerId, String title) {
		super(ownerId);
		this.title = title;
	}

	public void describe(String title, BigDecimal amount, String currency, DealStatus status, LocalDate expectedClose) {
		this.title = title;
		this.amount = amount;
		this.currency = currency;
		this.status = status;
		this.expectedCloseDate = expectedClose;
	}

	public void changeContacts(UUID primaryContactId, Collection<UUID> participantIds) {
		this.primaryContactId = primaryContactId;
		Set<UUID> wanted = new LinkedHashSet<>(participantIds);
		if (primaryContactId != null) {
			wanted.remove(primaryContactId);
		}
		this.participants.removeIf(p -> !wanted.contains(p.getContactId()));
		wanted.stream()
			.filter(id -> this.participants.stream().noneMatch(p -> p.getContactId().equals(id)))
			.forEach(id -> this.participants.add(new DealParticipant(this, id)));
	}

	public void replaceFollowers(Collection<UUID> userIds) {
		Set<UUID> wanted = Set.copyOf(userIds);
		this.followers.removeIf(f -> !wanted.contains(f.getUserId()));
		wanted.stream()
			.filter(id -> this.followers.stream().noneMatch(f -> f.getUserId().equals(id)))
			.forEach(id -> this.followers.add(new DealFollower(this, id)));
	}

	public String getTitle() {
		return this.title;
	}

	public BigDecimal getAmount() {
		return this.amount;
	}

	public String getCurrency() {
		return this.currency;
	}

	public DealStatus getStatus() {
		return this.status;
	}

	public UUID getPrimaryContactId() {
		return this.primaryContactId;
	}

	public LocalDate getExpectedCloseDate() {
		return this.expectedCloseDate;
	}

	public Set<UUID> getParticipantIds() {
		Set<UUID> ids = new LinkedHashSet<>();
		this.participants.forEach(p -> ids.add(p.getContactId()));
		return ids;
	}

	public Set<UUID> getFollowerIds() {
		Set<UUID> ids = new LinkedHashSet<>();
		this.followers.forEach(f -> ids.add(f.getUserId()));
		return ids;
	}

}
