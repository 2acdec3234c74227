package com.mailtrail.mail.inbound;

import java.util.Optional;

/**
 * Finds the owner of a Smart BCC address. The application implements it with a lookup in the
 * tenant-agnostic routing table; this is the one deliberate cross-tenant read.
 * <p>
 * Called once per distinct {@code RCPT TO} of a transaction, on the SMTP session's thread, by
 * many sessions at once: implementations must be thread-safe and should be quick.
 */
public interface RecipientRouter {

	/**
	 * Routes one recipient address.
	 * @param recipientAddress the address from {@code RCPT TO}, without angle brackets, as the
	 * client wrote it (case preserved)
	 * @return the route, or empty when no active Smart BCC address matches (the listener then
	 * answers {@code 550 5.1.1})
	 * @throws RuntimeException when the lookup could not be made (database down); the
	 * listener answers {@code 451 4.3.0} so that the sending server retries
	 */
	Optional<RecipientRoute> route(String recipientAddress);

}
