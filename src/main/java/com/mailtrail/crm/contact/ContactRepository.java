package com.mailtrail.crm.contact;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

public interface ContactRepository extends Repository<Contact, UUID> {

	String VISIBLE = "(:everyone = true or c.ownerId = :viewer "
			+ "or exists (select 1 from ContactFollower f where f.contact = c and f.userId = :viewer))";

	Contact save(Contact contact);

	void delete(Contact contact);

	Optional<Contact> findById(UUID id);

	@Query("select c from Contact c where c.id = :id and " + VISIBLE)
	Optional<Contact> findVisible(UUID id, UUID viewer, boolean everyone);

	@Query("select c from Contact c where " + VISIBLE + " and (:pattern = '%%' "
			+ "or lower(concat(coalesce(c.firstName, ''), ' ', c.lastName)) like :pattern "
			+ "or lower(coalesce(c.company, '')) like :pattern "
			+ "or exists (select 1 from ContactEmail e where e.contact = c and lower(e.email) like :pattern))")
	Page<Contact> search(String pattern, UUID viewer, boolean everyone, Pageable pageable);

	@Query("select c from Contact c where c.id in :ids and " + VISIBLE)
	List<Contact> findVisibleByIds(Collection<UUID> ids, UUID viewer, boolean everyone);

	/** Contacts with any of these addresses, compared case-insensitively. */
	@Query("select distinct e.contact from ContactEmail e where lower(e.email) in :addresses")
	List<Contact> findByEmailAddresses(Collection<String> addresses);

}
