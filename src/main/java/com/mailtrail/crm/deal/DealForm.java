package com.mailtrail.crm.deal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

class DealForm {

	@NotBlank(message = "Give the deal a title.")
	@Size(max = 200, message = "Keep the title under 200 characters.")
	private String title;

	@DecimalMin(value = "0", message = "The value cannot be negative.")
	@Digits(integer = 17, fraction = 2, message = "Enter the value with at most two decimals.")
	private BigDecimal amount;

	@Pattern(regexp = "^[A-Za-z]{3}$", message = "Use a three-letter currency code such as USD or EUR.")
	private String currency = "USD";

	@NotNull(message = "Choose a status.")
	private DealStatus status = DealStatus.OPEN;

	private UUID primaryContactId;

	private Set<UUID> participantIds = new LinkedHashSet<>();

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate expectedCloseDate;

	@NotNull(message = "Choose an owner.")
	private UUID ownerId;

	private Set<UUID> followerIds = new LinkedHashSet<>();

	static DealForm of(DealView deal) {
		DealForm form = new DealForm();
		form.title = deal.title();
		form.amount = deal.amount();
		form.currency = deal.currency();
		form.status = deal.status();
		form.primaryContactId = deal.primaryContactId();
		form.participantIds = new LinkedHashSet<>(deal.participantIds());
		form.expectedCloseDate = deal.expectedCloseDate();
		form.ownerId = deal.ownerId();
		form.followerIds = new LinkedHashSet<>(deal.followerIds());
		return form;
	}

	DealData toData() {
		return new DealData(this.title, this.amount, this.currency, this.status, this.primaryContactId,
				this.participantIds, this.expectedCloseDate, this.ownerId, this.followerIds);
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public BigDecimal getAmount() {
		return this.amount;
	}

	public void setAmount(BigDecimal amount) {
		this.amount = amount;
	}

	public String getCurrency() {
		return this.currency;
	}

	public void setCurrency(String currency) {
		this.currency = currency;
	}

	public DealStatus getStatus() {
		return this.status;
	}

	public void setStatus(DealStatus status) {
		this.status = status;
	}

	public UUID getPrimaryContactId() {
		return this.primaryContactId;
	}

	public void setPrimaryContactId(UUID primaryContactId) {
		this.primaryContactId = primaryContactId;
	}

	public Set<UUID> getParticipantIds() {
		return this.participantIds;
	}

	public void setParticipantIds(Set<UUID> participantIds) {
		this.participantIds = participantIds == null ? new LinkedHashSet<>() : participantIds;
	}

	public LocalDate getExpectedCloseDate() {
		return this.expectedCloseDate;
	}

	public void setExpectedCloseDate(LocalDate expectedCloseDate) {
		this.expectedCloseDate = expectedCloseDate;
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
