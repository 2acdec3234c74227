package com.mailtrail.mail.inbound.parsing;

import java.util.ArrayList;
import java.util.List;

/**
 * What a walk over the MIME tree found: the body texts, the attachments, the attached messages and the
 * machine-readable parts of a delivery report.
 */
final class MessageParts {

	final List<String> texts = new ArrayList<>();

	final List<String> htmls = new ArrayList<>();

	final List<ParsedAttachment> attachments = new ArrayList<>();

	/** Raw bytes of each attached message/rfc822, in order. */
	final List<AttachedMessage> messages = new ArrayList<>();

	/** Text of message/delivery-status and text/rfc822-headers parts (bounces). */
	final List<String> reportTexts = new ArrayList<>();

	boolean report;

	record AttachedMessage(byte[] raw, boolean insideReport) {
	}

}
