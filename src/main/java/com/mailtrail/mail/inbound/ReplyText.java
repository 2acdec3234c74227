package com.mailtrail.mail.inbound;

/** Text that goes into an SMTP reply line. */
final class ReplyText {

	private ReplyText() {
	}

	/**
	 * An address the client gave us, quoted back in a reply: printable ASCII only and short,
	 * so that it can never break the reply line or flood the client's logs.
	 */
	static String address(String address) {
		StringBuilder out = new StringBuilder("<");
		address.codePoints()
			.limit(254)
			.map((c) -> (c > 32 && c < 127 && c != '<' && c != '>') ? c : '?')
			.forEach(out::appendCodePoint);
		return out.append('>').toString();
	}

}
