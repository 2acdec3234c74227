package com.mailtrail.security;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

public interface UserAccountRepository extends Repository<UserAccount, UUID> {

	UserAccount save(UserAccount user);

	Optional<UserAccount> findById(UUID id);

	List<UserAccount> findAllByOrderByDisplayNameAsc();

	List<UserAccount> findByIdIn(Collection<UUID> ids);

	long countByRoleAndActiveTrue(Role role);

	@Query("select count(s) > 0 from SecondaryEmail s where lower(s.email) = lower(?1)")
	boolean existsSecondaryEmail(String email);

}
