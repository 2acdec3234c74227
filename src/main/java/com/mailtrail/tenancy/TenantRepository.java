package com.mailtrail.tenancy;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.Repository;

public interface TenantRepository extends Repository<Tenant, UUID> {

	Tenant save(Tenant tenant);

	Optional<Tenant> findById(UUID id);

	Optional<Tenant> findFirstByName(String name);

}
