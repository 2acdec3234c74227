package com.mailtrail.crm.contact;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import com.mailtrail.crm.CrmModule;
import com.mailtrail.crm.RecordAccessDeniedException;
import com.mailtrail.crm.RecordNotFoundException;
import com.mailtrail.crm.RecordPeople;
import com.mailtrail.crm.RecordVisibility;
import com.mailtrail.crm.SearchPattern;
import com.mailtrail.crm.Viewer;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class ContactService {

	private final ContactRepository contacts;

	private final RecordVisibility visibility;

	private final RecordPeople people;

	ContactService(ContactRepository contacts, RecordVisibility visibility, RecordPeople people) {
		this.contacts = contacts;
		this.visibility = visibility;
		this.people = people;
	}

	@Transactional(readOnly = true)
	public Page<ContactView> search(String query, Viewer viewer, Pageable pageable) {
		return this.contacts.search(SearchPattern.of(query), viewer.userId(), everyone(), pageable).map(ContactView::of);
	}

	@Transactional(readOnly = true)
	public ContactView get(UUID id, Viewer viewer) {
		return ContactView.of(visible(id, viewer));
	}

	/** Contacts to choose from in a form, by name. */
	@Transactional(readOnly = true)
	public List<ContactView> options(Viewer viewer) {
		return search("", viewer, PageRequest.of(0, 500, Sort.by("lastName", "firstName"))).getContent();
	}

	@Transactional(readOnly = true)
	public List<ContactView> visibleByIds(Collection<UUID> ids, Viewer viewer) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.contacts.findVisibleByIds(ids, viewer.userId(), everyone())
			.stream()
			.map(ContactView::of)
			.toList();
	}

	@Transactional
	public UUID create(ContactData data) {
		Contact contact = new Contact(this.people.requireOwner(data.ownerId()), data.firstName(), data.lastName());
		apply(contact, data);
		return this.contacts.save(contact).getId();
	}

	@Transactional
	public void update(UUID id, ContactData data, Viewer viewer) {
		Contact contact = visible(id, viewer);
		contact.changeOwner(this.people.requireOwner(data.ownerId()));
		apply(contact, data);
	}

	@Transactional
	public void delete(UUID id, Viewer viewer) {
		Contact contact = visible(id, viewer);
		if (!viewer.admin() && !contact.getOwnerId().equals(viewer.userId())) {
			throw new RecordAccessDeniedException("Only the contact's owner or an admin can delete it.");
		}
		this.contacts.delete(contact);
	}

	private void apply(Contact contact, ContactData data) {
		contact.describe(blankToNull(data.firstName()), data.lastName().trim(), blankToNull(data.company()),
				blankToNull(data.phone()));
		contact.replaceEmails(data.emails() == null ? List.of() : data.emails());
		contact.replaceFollowers(this.people.requireFollowers(data.followerIds() == null ? List.of() : data.followerIds()));
	}

	private Contact visible(UUID id, Viewer viewer) {
		return this.contacts.findVisible(id, viewer.userId(), everyone())
			.orElseThrow(() -> new RecordNotFoundException("contact", id));
	}

	private boolean everyone() {
		return this.visibility.everyoneSees(CrmModule.CONTACTS);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

}
