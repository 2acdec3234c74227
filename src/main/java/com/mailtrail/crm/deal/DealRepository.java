package com.mailtrail.crm.deal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

public interface DealRepository extends Repository<Deal, UUID> {

	String VISIBLE = "(:everyone = true or d.ownerId = :viewer "
			+ "or exists (select 1 from DealFollower f where f.deal = d and f.userId = :viewer))";

	Deal save(Deal deal);

	void delete(Deal deal);

	Optional<Deal> findById(UUID id);

	@Query("select d from Deal d where d.id = :id and " + VISIBLE)
	Optional<Deal> findVisible(UUID id, UUID viewer, boolean everyone);

	@Query("select d from Deal d where " + VISIBLE + " and (:status is null or d.status = :status) "
			+ "and (:pattern = '%%' or lower(d.title) like :pattern)")
	Page<Deal> search(String pattern, DealStatus status, UUID viewer, boolean everyone, Pageable pageable);

	@Query("select d from Deal d where " + VISIBLE + " and (d.primaryContactId = :contactId "
			+ "or exists (select 1 from DealParticipant p where p.deal = d and p.contactId = :contactId)) "
			+ "order by d.status, d.updatedAt desc")
	List<Deal> findVisibleForContact(UUID contactId, UUID viewer, boolean everyone);

	/** Deals with the given status in which any of the contacts is the primary contact or a participant. */
	@Query("select d from Deal d where d.status = :status and (d.primaryContactId in :contactIds "
			+ "or exists (select 1 from DealParticipant p where p.deal = d and p.contactId in :contactIds))")
	List<Deal> findByStatusWithAnyContact(DealStatus status, Collection<UUID> contactIds);

}
