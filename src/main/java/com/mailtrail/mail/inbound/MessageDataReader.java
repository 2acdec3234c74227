package com.mailtrail.mail.inbound;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

import org.subethamail.smtp.RejectException;

/**
 * Reads the whole {@code DATA} stream inside the handler call (the stream dies when the call
 * returns), within the size limit.
 * <p>
 * An oversized message is read to its end and discarded before we answer 552: SubEthaSMTP
 * answers a rejection at once and would then run the rest of the message as SMTP commands.
 */
final class MessageDataReader {

	private final long maxBytes;

	MessageDataReader(long maxBytes) {
		this.maxBytes = maxBytes;
	}

	byte[] read(InputStream data) throws IOException, RejectException {
		ByteArrayOutputStream content = new ByteArrayOutputStream(16 * 1024);
		byte[] buffer = new byte[8192];
		long size = 0;
		int count;
		while ((count = data.read(buffer)) != -1) {
			long kept = Math.max(0, Math.min(count, this.maxBytes - size));
			content.write(buffer, 0, (int) kept);
			size += count;
		}
		if (size > this.maxBytes) {
			throw new RejectException(552,
					"5.3.4 Message too big: this server accepts at most " + this.maxBytes + " bytes");
		}
		return content.toByteArray();
	}

}
