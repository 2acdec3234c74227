package com.mailtrail.security.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.repository.Repository;

interface ApiTokenRepository extends Repository<ApiToken, UUID> {

	ApiToken save(ApiToken token);

	List<ApiToken> findByUserIdOrderByCreatedAtDesc(UUID userId);

	long deleteByIdAndUserId(UUID id, UUID userId);

}
