package com.mailtrail.security.internal;

import java.time.Instant;
import java.util.UUID;

/** A token as its owner sees it in the list: never the token itself. */
public record ApiTokenSummary(UUID id, String name, String tokenHint, Instant createdAt, Instant lastUsedAt) {

	static ApiTokenSummary of(ApiToken token) {
		return new ApiTokenSummary(token.getId(), token.getName(), token.getTokenHint(), token.getCreatedAt(),
				token.getLastUsedAt());
	}

}
