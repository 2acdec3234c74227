package com.mailtrail.security;

import java.util.Map;

/**
 * Lets other modules add what they know about the signed-in user to {@code GET /api/v1/me} (the Smart BCC address,
 * for example) without the security module depending on them.
 */
public interface AccountDetailsContributor {

	Map<String, Object> details(CurrentUser user);

}
