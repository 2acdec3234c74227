package com.mailtrail.mail.inbound;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * The message of a {@code DATA} command, read from the session's buffered input a buffer at a time: ends at
 * {@code CRLF.CRLF} (the start of the data counts as a line start), removes the leading dot of every line that has
 * one (RFC 5321 4.5.2), and leaves every byte after the terminator unread for the session's next command, also when
 * the client pipelined it.
 * <p>
 * The same framing as SubEthaSMTP's {@code DotTerminatedInputStream} and {@code DotUnstuffingInputStream}, which
 * take each byte through three streams with a virtual call and a lock apiece: in the application, where many other
 * streams share those call sites, that byte-by-byte path was most of the listener's CPU time (SMTP intake
 * benchmark). Bare CR and LF are data, exactly as there; the listener refuses dot lines ending in them afterwards
 * ({@link SmtpSmugglingDetector}).
 */
final class DotTerminatedData extends InputStream {

	private static final int LINE_START = 0;

	private static final int TEXT = 1;

	private static final int CR = 2;

	private static final int LINE_START_DOT = 3;

	private static final int LINE_START_DOT_CR = 4;

	private final BufferedInputStream input;

	private final int chunkSize;

	private final byte[] chunk;

	/** Decoded bytes not yet returned: at most a chunk, plus the CR a dot line kept pending across chunks. */
	private final byte[] decoded;

	private int decodedPosition;

	private int decodedLength;

	private int state = LINE_START;

	private boolean ended;

	/**
	 * @param input the session's input, positioned at the first byte of the data; its buffer must hold
	 * {@code chunkSize} bytes, so that a chunk read after a mark can always be reset
	 */
	DotTerminatedData(BufferedInputStream input, int chunkSize) {
		this.input = input;
		this.chunkSize = chunkSize;
		this.chunk = new byte[chunkSize];
		this.decoded = new byte[chunkSize + 2];
	}

	@Override
	public int read() throws IOException {
		while (this.decodedPosition == this.decodedLength) {
			if (this.ended) {
				return -1;
			}
			decodeNextChunk();
		}
		return this.decoded[this.decodedPosition++] & 0xff;
	}

	@Override
	public int read(byte[] target, int offset, int length) throws IOException {
		Objects.checkFromIndexSize(offset, length, target.length);
		if (length == 0) {
			return 0;
		}
		while (this.decodedPosition == this.decodedLength) {
			if (this.ended) {
				return -1;
			}
			decodeNextChunk();
		}
		int count = Math.min(length, this.decodedLength - this.decodedPosition);
		System.arraycopy(this.decoded, this.decodedPosition, target, offset, count);
		this.decodedPosition += count;
		return count;
	}

	/** Whether the terminator has been read; bytes decoded before it may still be waiting. */
	boolean terminated() {
		return this.ended;
	}

	private void decodeNextChunk() throws IOException {
		this.input.mark(this.chunkSize);
		int read = this.input.read(this.chunk, 0, this.chunkSize);
		if (read == -1) {
			throw new EOFException("The connection ended inside the message data, before <CRLF>.<CRLF>");
		}
		byte[] in = this.chunk;
		byte[] out = this.decoded;
		int written = 0;
		int state = this.state;
		int i = 0;
		while (i < read) {
			if (state == TEXT) {
				// Most bytes: copy the run up to the next CR at once.
				int start = i;
				while (i < read && in[i] != '\r') {
					i++;
				}
				System.arraycopy(in, start, out, written, i - start);
				written += i - start;
				if (i == read) {
					break;
				}
			}
			byte b = in[i++];
			switch (state) {
				case TEXT -> {
					out[written++] = b;
					if (b == '\r') {
						state = CR;
					}
				}
				case CR -> {
					out[written++] = b;
					state = b == '\n' ? LINE_START : b == '\r' ? CR : TEXT;
				}
				case LINE_START -> {
					if (b == '.') {
						state = LINE_START_DOT;
					}
					else {
						out[written++] = b;
						state = b == '\r' ? CR : TEXT;
					}
				}
				case LINE_START_DOT -> {
					if (b == '\r') {
						state = LINE_START_DOT_CR;
					}
					else {
						// A stuffed dot: dropped, the rest of the line is data.
						out[written++] = b;
						state = TEXT;
					}
				}
				default -> { // LINE_START_DOT_CR
					if (b == '\n') {
						this.ended = true;
						// Hand the bytes after the terminator back to the session.
						this.input.reset();
						this.input.skipNBytes(i);
						i = read;
					}
					else {
						// ".\r" without LF is not the end: the dot was stuffed, the CR and this byte are data.
						out[written++] = '\r';
						out[written++] = b;
						state = b == '\r' ? CR : TEXT;
					}
				}
			}
		}
		this.state = state;
		this.decodedPosition = 0;
		this.decodedLength = written;
	}

}
