package com.mailtrail.mail.inbound.parsing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether a message is a forward and recovers the original messages: attached ones (message/rfc822) first,
 * then a forwarded-header block in the body.
 */
final class Forwards {

	/**
	 * Own text up to this length next to an attached message counts as a cover note ("FYI", "see below"), which
	 * makes the message a forward even without a Fwd: subject.
	 */
	private static final int COVER_NOTE_CHARS = 200;

	private Forwards() {
	}

	static List<ForwardedMessage> find(String subject, String text, String html, MessageParts parts,
			List<MessageReader> attached) {
		String note = ownText(text);
		if (!parts.report) {
			List<ForwardedMessage> originals = new ArrayList<>();
			for (int i = 0; i < attached.size(); i++) {
				if (!parts.messages.get(i).insideReport()) {
					originals.addAll(originalsOf(attached.get(i).result(), attached.get(i).writtenDate(), note));
				}
			}
			if (!originals.isEmpty() && (Subjects.isForward(subject) || note.length() <= COVER_NOTE_CHARS)) {
				return originals;
			}
		}
		Optional<ForwardedMessage> inline = InlineForwards.find(text, subject);
		if (inline.isEmpty() && html != null) {
			inline = InlineForwards.find(HtmlText.toText(html), subject);
		}
		return inline.map(List::of).orElse(List.of());
	}

	/**
	 * The original behind an attached message. When the attached message is itself a forward ("Re: Fwd:"), the
	 * people that matter are those of the innermost original.
	 */
	private static List<ForwardedMessage> originalsOf(ParsedEmail inner, String writtenDate, String note) {
		if (!inner.forwardedMessages().isEmpty() && Subjects.isForward(inner.subject())) {
			List<ForwardedMessage> innermost = new ArrayList<>();
			for (ForwardedMessage original : inner.forwardedMessages()) {
				innermost.add(new ForwardedMessage(ForwardedMessage.Kind.ATTACHED, original.from(), original.to(),
						original.cc(), original.subject(), original.date(), original.parsedDate(), note,
						original.messageId()));
			}
			return innermost;
		}
		if (inner.from() == null && inner.subject() == null && inner.to().isEmpty()) {
			return List.of(); // an empty or destroyed attachment tells nothing about the original
		}
		return List.of(new ForwardedMessage(ForwardedMessage.Kind.ATTACHED, inner.from(), inner.to(), inner.cc(),
				inner.subject(), writtenDate, inner.date(), note, inner.messageId()));
	}

	/** The sender's own words: without quoted lines and signature. */
	static String ownText(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder own = new StringBuilder();
		for (String line : text.replace("\r\n", "\n").split("\n")) {
			if (line.equals("-- ") || line.equals("--")) {
				break;
			}
			if (!line.startsWith(">")) {
				own.append(line).append('\n');
			}
		}
		return own.toString().strip();
	}

}
