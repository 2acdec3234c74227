package com.mailtrail.mail.outbound;

import java.util.UUID;

/**
 * The HTML part of one outgoing email, handed to {@link OutgoingHtmlRewriter}s just before the MIME message is built.
 * The tenant of the email is bound in the {@code TenantContext} while rewriters run.
 *
 * @param emailId the stored email being sent
 * @param ownerId the user who sends it
 * @param tracked whether the sender left open and click tracking on for this email
 * @param html the sanitised HTML body with signature and disclaimer already appended
 */
public record OutgoingHtml(UUID emailId, UUID ownerId, boolean tracked, String html) {
}
