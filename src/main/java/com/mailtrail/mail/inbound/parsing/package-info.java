/**
 * Parsing of raw inbound messages into {@link com.mailtrail.mail.inbound.parsing.ParsedEmail}: a pure, tolerant
 * function that never throws, including recovery of forwarded originals and recognition of machine-sent mail.
 */
package com.mailtrail.mail.inbound.parsing;
