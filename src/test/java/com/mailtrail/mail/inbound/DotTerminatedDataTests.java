package com.mailtrail.mail.inbound;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.subethamail.smtp.internal.io.DotTerminatedInputStream;
import org.subethamail.smtp.internal.io.DotUnstuffingInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DotTerminatedDataTests {

	private static final String NEXT_COMMAND = "RSET\r\nQUIT\r\n";

	@Test
	void endsAtTheDotLineAndLeavesPipelinedCommandsUnread() throws IOException {
		Decoded decoded = decode("Subject: hi\r\n\r\nHello\r\n.\r\n" + NEXT_COMMAND, 8192);
		assertThat(decoded.message()).isEqualTo("Subject: hi\r\n\r\nHello\r\n");
		assertThat(decoded.rest()).isEqualTo(NEXT_COMMAND);
	}

	@Test
	void removesTheStuffedDotOfEveryLineTheFirstIncluded() throws IOException {
		Decoded decoded = decode("..first\r\nmiddle\r\n...\r\n..\r\n.x\r\n.\r\n", 8192);
		assertThat(decoded.message()).isEqualTo(".first\r\nmiddle\r\n..\r\n.\r\nx\r\n");
	}

	@Test
	void emptyMessage() throws IOException {
		Decoded decoded = decode(".\r\n" + NEXT_COMMAND, 8192);
		assertThat(decoded.message()).isEmpty();
		assertThat(decoded.rest()).isEqualTo(NEXT_COMMAND);
	}

	@Test
	void dotLinesEndingInBareCrOrLfAreDataNotTheEnd() throws IOException {
		// SMTP smuggling material: only CRLF.CRLF ends the data; the listener refuses these afterwards.
		Decoded decoded = decode("a\r\n.\nMAIL FROM:<x>\r\nb\n.\r\nc\r\n.\rd\r\n.\r\n" + NEXT_COMMAND, 8192);
		assertThat(decoded.message()).isEqualTo("a\r\n\nMAIL FROM:<x>\r\nb\n.\r\nc\r\n\rd\r\n");
		assertThat(decoded.rest()).isEqualTo(NEXT_COMMAND);
	}

	@Test
	void aConnectionThatEndsInsideTheDataIsAnError() {
		assertThatThrownBy(() -> decode("Subject: cut\r\n\r\nno end", 8192)).isInstanceOf(EOFException.class);
		assertThatThrownBy(() -> decode("almost\r\n.\r", 8192)).isInstanceOf(EOFException.class);
	}

	@Test
	void roundTripsRandomContentWithEveryChunkBoundary() throws IOException {
		Random random = new Random(42);
		byte[] alphabet = { '.', '\r', '\n', 'a', (byte) 0xe4 };
		for (int run = 0; run < 2000; run++) {
			ByteArrayOutputStream content = new ByteArrayOutputStream();
			int length = random.nextInt(40);
			for (int i = 0; i < length; i++) {
				content.write(alphabet[random.nextInt(alphabet.length)]);
			}
			content.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII)); // SMTP data ends with a line end
			byte[] original = content.toByteArray();
			byte[] wire = concat(stuff(original), (".\r\n" + NEXT_COMMAND).getBytes(StandardCharsets.US_ASCII));
			int chunk = 1 + random.nextInt(16);
			Decoded decoded = decode(wire, chunk);
			assertThat(decoded.bytes()).as("run %d, chunk %d", run, chunk).isEqualTo(original);
			assertThat(decoded.rest()).as("run %d, chunk %d", run, chunk).isEqualTo(NEXT_COMMAND);
		}
	}

	@Test
	void agreesWithSubEthaSmtpsStreamsBesidesTheFirstLine() throws IOException {
		Random random = new Random(7);
		byte[] alphabet = { '.', '\r', '\n', 'b' };
		for (int run = 0; run < 2000; run++) {
			ByteArrayOutputStream wire = new ByteArrayOutputStream();
			wire.write('b'); // SubEthaSMTP keeps a stuffed dot at the very start; RFC 5321 4.5.2 removes it
			int length = random.nextInt(40);
			for (int i = 0; i < length; i++) {
				wire.write(alphabet[random.nextInt(alphabet.length)]);
			}
			wire.writeBytes(("\r\n.\r\n" + NEXT_COMMAND).getBytes(StandardCharsets.US_ASCII));
			byte[] bytes = wire.toByteArray();
			InputStream reference = new DotUnstuffingInputStream(
					new DotTerminatedInputStream(new ByteArrayInputStream(bytes)));
			assertThat(decode(bytes, 1 + random.nextInt(16)).bytes()).as("run %d", run)
				.isEqualTo(reference.readAllBytes());
		}
	}

	private static Decoded decode(String wire, int chunk) throws IOException {
		return decode(wire.getBytes(StandardCharsets.ISO_8859_1), chunk);
	}

	private static Decoded decode(byte[] wire, int chunk) throws IOException {
		BufferedInputStream session = new BufferedInputStream(new TrickleInputStream(wire), chunk);
		DotTerminatedData data = new DotTerminatedData(session, chunk);
		ByteArrayOutputStream message = new ByteArrayOutputStream();
		byte[] buffer = new byte[1 + chunk / 2];
		int count;
		while ((count = data.read(buffer)) != -1) {
			message.write(buffer, 0, count);
		}
		assertThat(data.read()).isEqualTo(-1);
		return new Decoded(message.toByteArray(), new String(session.readAllBytes(), StandardCharsets.US_ASCII));
	}

	/** The client's side: every line starting with a dot gets another one. */
	private static byte[] stuff(byte[] content) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		boolean lineStart = true;
		for (int i = 0; i < content.length; i++) {
			if (lineStart && content[i] == '.') {
				out.write('.');
			}
			out.write(content[i]);
			lineStart = content[i] == '\n' && i > 0 && content[i - 1] == '\r';
		}
		return out.toByteArray();
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] both = new byte[a.length + b.length];
		System.arraycopy(a, 0, both, 0, a.length);
		System.arraycopy(b, 0, both, a.length, b.length);
		return both;
	}

	private record Decoded(byte[] bytes, String rest) {

		String message() {
			return new String(this.bytes, StandardCharsets.ISO_8859_1);
		}

	}

	/** Hands out at most three bytes a read, as a slow network would. */
	private static final class TrickleInputStream extends ByteArrayInputStream {

		TrickleInputStream(byte[] bytes) {
			super(bytes);
		}

		@Override
		public synchronized int read(byte[] b, int off, int len) {
			return super.read(b, off, Math.min(len, 3));
		}

	}

}
