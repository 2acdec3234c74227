package com.mailtrail.mail.inbound.parsing;

/**
 * A part that is not a body: a file, an inline image, a calendar invite, a {@code winmail.dat}
 * container or a whole attached message.
 *
 * @param filename the decoded file name, or a name derived from the part (never blank)
 * @param contentType the lower-cased MIME type without parameters
 * @param contentId the Content-ID without angle brackets, or {@code null}
 * @param inline whether the part is meant to be shown inside the body (for example a cid image)
 * @param content the decoded bytes
 */
public record ParsedAttachment(String filename, String contentType, String contentId, boolean inline,
		byte[] content) {

	public ParsedAttachment {
		content = content == null ? new byte[0] : content;
	}

	public int size() {
		return this.content.length;
	}

	/** Leaves the bytes out: attachments are customer data and must not end up in logs. */
	@Override
	public String toString() {
		return "ParsedAttachment[filename=" + this.filename + ", contentType=" + this.contentType + ", contentId="
				+ this.contentId + ", inline=" + this.inline + ", size=" + size() + "]";
	}

}
