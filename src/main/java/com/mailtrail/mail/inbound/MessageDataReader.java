package com.mailtrail.mail.inbound;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

import org.subethamail.smtp.DropConnectionException;
import org.subethamail.smtp.RejectException;

/**
 * Reads the whole {@code DATA} stream inside the handler call (the stream dies when the call
 * returns), within the size limit and the data deadline.
 * <p>
 * An oversized message is read to its end and discarded before we answer 552: SubEthaSMTP
 * answers a rejection at once and would then run the rest of the message as SMTP commands.
 */
final class MessageDataReader {

	private final long maxBytes;

	private final Duration dataTimeout;

	MessageDataReader(long maxBytes, Duration dataTimeout) {
		this.maxBytes = maxBytes;
		this.dataTimeout = dataTimeout;
	}

	byte[] read(InputStream data) throws IOException, RejectException {
		long deadline = System.nanoTime() + this.dataTimeout.toNanos();
		ByteArrayOutputStream content = new ByteArrayOutputStream(8192);
		long size = 0;
		int b;
		// Byte by byte: SubEthaSMTP's dot-terminated stream is byte by byte underneath anyway, and
		// a bulk read would block until its buffer is full, long past the deadline for a trickle.
		while ((b = data.read()) != -1) {
			if (System.nanoTime() - deadline > 0) {
				throw new DropConnectionException(421,
						"4.4.2 Data transfer took longer than " + this.dataTimeout.toSeconds() + " seconds, closing");
			}
			size++;
			if (size <= this.maxBytes) {
				content.write(b);
			}
		}
		if (size > this.maxBytes) {
			throw new RejectException(552,
					"5.3.4 Message too big: this server accepts at most " + this.maxBytes + " bytes");
		}
		return content.toByteArray();
	}

}
