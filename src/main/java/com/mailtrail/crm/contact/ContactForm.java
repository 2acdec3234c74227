package com.mailtrail.crm.contact;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

class ContactForm {

	private static final String ADDRESS = "^[^@\\s,;<>]+@[^@\\s,;<>]+\\.[^@\\s,;<>]+$";

	@Size(max = 100, message = "Keep the first name under 100 characters.")
	private String firstName;

	@NotBlank(message = "Enter a last name (or the name the contact goes by).")
	@Size(max = 100, message = "Keep the last name under 100 characters.")
	private String lastName;

	@Size(max = 200, message = "Keep the company under 200 characters.")
	private String company;

	@Size(max = 50, message = "Keep the phone number under 50 characters.")
	private String phone;

	/** One address per line or separated by commas; the first is the primary address. */
	@Size(max = 4000, message = "Too many addresses.")
	private String emails = "";

	@NotNull(message = "Choose an owner.")
	private UUID ownerId;

	private Set<UUID> followerIds = new LinkedHashSet<>();

	static ContactForm of(ContactView contact) {
		ContactForm form = new ContactForm();
		form.firstName = contact.firstName();
		form.lastName = contact.lastName();
		form.company = contact.company();
		form.phone = contact.phone();
		form.emails = String.join("\n", contact.emails());
		form.ownerId = contact.ownerId();
		form.followerIds = new LinkedHashSet<>(contact.followerIds());
		return form;
	}

	List<String> emailList() {
		return Arrays.stream(this.emails == null ? new String[0] : this.emails.split("[,;\\s]+"))
			.map(String::trim)
			.filter(s -> !s.isEmpty())
			.toList();
	}

	@AssertTrue(message = "Each email address must look like name@example.com.")
	public boolean isEmailsValid() {
		return emailList().stream().allMatch(a -> a.matches(ADDRESS) && a.length() <= 320);
	}

	ContactData toData() {
		return new ContactData(this.firstName, this.lastName, this.company, this.phone, emailList(), this.ownerId,
				this.followerIds);
	}

	public String getFirstName() {
		return this.firstName;
	}

	public void setFirstName(String firstName) {
		this.firstName = firstName;
	}

	public String getLastName() {
		return this.lastName;
	}

	public void setLastName(String lastName) {
		this.lastName = lastName;
	}

	public String getCompany() {
		return this.company;
	}

	public void setCompany(String company) {
		this.company = company;
	}

	public String getPhone() {
		return this.phone;
	}

	public void setPhone(String phone) {
		this.phone = phone;
	}

	public String getEmails() {
		return this.emails;
	}

	public void setEmails(String emails) {
		this.emails = emails;
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
