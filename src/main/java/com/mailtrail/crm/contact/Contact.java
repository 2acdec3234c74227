package com.mailtrail.crm.contact;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import com.mailtrail.crm.CrmRecord;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.hibernate.annotations.BatchSize;

@Entity
@Table(name = "contact")
public class Contact extends CrmRecord {

	@Column(name = "first_name")
	private String firstName;

	@Column(name = "last_name", nullable = false)
	private String lastName;

	private String company;

	private String phone;

	@OneToMany(mappedBy = "contact", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("primaryAddress desc, email asc")
	@BatchSize(size = 50)
	private List<ContactEmail> emails = new ArrayList<>();

	@OneToMany(mappedBy = "contact", cascade = CascadeType.ALL, orphanRemoval = true)
	@BatchSize(size = 50)
	private Set<ContactFollower> followers = new LinkedHashSet<>();

	protected Contact() {
	}

	public Contact(UUID ownerId, String firstName, String lastName) {
		super(ownerId);
		this.firstName = firstName;
		this.lastName = lastName;
	}

	public void describe(String firstName, String lastName, String company, String phone) {
		this.firstName = firstName;
		this.lastName = lastName;
		this.company = company;
		this.phone = phone;
	}

	/** Replaces the addresses; the first one becomes the primary address. */
	public void replaceEmails(List<String> addresses) {
		List<String> wanted = addresses.stream().map(a -> a.trim().toLowerCase(Locale.ROOT)).distinct().toList();
		this.emails.removeIf(e -> !wanted.contains(e.getEmail()));
		for (int i = 0; i < wanted.size(); i++) {
			String address = wanted.get(i);
			boolean primary = i == 0;
			this.emails.stream()
				.filter(e -> e.getEmail().equals(address))
				.findFirst()
				.ifPresentOrElse(e -> e.markPrimary(primary),
						() -> this.emails.add(new ContactEmail(this, address, primary)));
		}
	}

	public void replaceFollowers(Collection<UUID> userIds) {
		Set<UUID> wanted = Set.copyOf(userIds);
		this.followers.removeIf(f -> !wanted.contains(f.getUserId()));
		wanted.stream()
			.filter(id -> this.followers.stream().noneMatch(f -> f.getUserId().equals(id)))
			.forEach(id -> this.followers.add(new ContactFollower(this, id)));
	}

	public String getFirstName() {
		return this.firstName;
	}

	public String getLastName() {
		return this.lastName;
	}

	public String getFullName() {
		return (this.firstName == null || this.firstName.isBlank()) ? this.lastName
				: this.firstName + " " + this.lastName;
	}

	public String getCompany() {
		return this.company;
	}

	public String getPhone() {
		return this.phone;
	}

	public List<String> getEmailAddresses() {
		return this.emails.stream().map(ContactEmail::getEmail).toList();
	}

	public String getPrimaryEmail() {
		return this.emails.stream()
			.filter(ContactEmail::isPrimaryAddress)
			.map(ContactEmail::getEmail)
			.findFirst()
			.orElse(null);
	}

	public Set<UUID> getFollowerIds() {
		Set<UUID> ids = new LinkedHashSet<>();
		this.followers.forEach(f -> ids.add(f.getUserId()));
		return ids;
	}

}
