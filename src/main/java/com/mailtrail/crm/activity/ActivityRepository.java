package com.mailtrail.crm.activity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

public interface ActivityRepository extends Repository<Activity, UUID> {

	String VISIBLE = "(:everyone = true or a.ownerId = :viewer "
			+ "or exists (select 1 from ActivityFollower f where f.activity = a and f.userId = :viewer))";

	Activity save(Activity activity);

	void delete(Activity activity);

	Optional<Activity> findById(UUID id);

	@Query("select a from Activity a where a.id = :id and " + VISIBLE)
	Optional<Activity> findVisible(UUID id, UUID viewer, boolean everyone);

	@Query("select a from Activity a where " + VISIBLE + " and (:done is null or a.done = :done) "
			+ "and (:pattern = '%%' or lower(a.title) like :pattern)")
	Page<Activity> search(String pattern, Boolean done, UUID viewer, boolean everyone, Pageable pageable);

	@Query("select a from Activity a where " + VISIBLE + " and a.contactId = :contactId order by a.done, a.dueDate")
	List<Activity> findVisibleForContact(UUID contactId, UUID viewer, boolean everyone);

	@Query("select a from Activity a where " + VISIBLE + " and a.dealId = :dealId order by a.done, a.dueDate")
	List<Activity> findVisibleForDeal(UUID dealId, UUID viewer, boolean everyone);

}
