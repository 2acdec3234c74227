/**
 * The embedded SMTP listener for Smart BCC addresses: it decides each recipient during the
 * dialogue and hands the raw message to an {@link com.mailtrail.mail.inbound.InboundMessageStore}
 * before answering 250; parsing and linking happen later, elsewhere.
 */
@NullMarked
package com.mailtrail.mail.inbound;

import org.jspecify.annotations.NullMarked;
