package com.mailtrail.mail.inbound;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class RawMessageCodecTests {

	private static final byte[] PROSE = ("From: Pat <pat@customer.example>\r\nSubject: Renewal\r\n\r\n"
			+ "Thanks for the call today. As discussed, the renewal covers forty seats for the next year.\r\n".repeat(60))
		.getBytes(StandardCharsets.US_ASCII);

	@Test
	void textIsCompressedAndDecodesByteForByte() {
		RawMessageCodec.Encoded encoded = RawMessageCodec.encode(PROSE);

		assertThat(encoded.encoding()).isEqualTo(RawMessageCodec.Encoding.LZ4);
		assertThat(encoded.bytes().length).isLessThan(PROSE.length / 2);
		assertThat(encoded.originalSize()).isEqualTo(PROSE.length);
		assertThat(RawMessageCodec.decode(encoded.bytes(), "LZ4", encoded.originalSize())).isEqualTo(PROSE);
	}

	@Test
	void bytesThatDoNotShrinkByAnEighthAreKeptAsTheyArrived() {
		byte[] random = new byte[6000];
		new Random(42).nextBytes(random);
		// A base64 attachment of a compressed file: LZ4 saves a little on the alphabet, not an eighth.
		byte[] attachment = Base64.getMimeEncoder().encode(random);

		for (byte[] raw : new byte[][] { random, attachment, new byte[0] }) {
			RawMessageCodec.Encoded encoded = RawMessageCodec.encode(raw);
			assertThat(encoded.encoding()).isEqualTo(RawMessageCodec.Encoding.IDENTITY);
			assertThat(encoded.bytes()).isSameAs(raw);
			assertThat(RawMessageCodec.decode(encoded.bytes(), "IDENTITY", raw.length)).isEqualTo(raw);
		}
	}

	@Test
	void rowsStoredBeforeCompressionDecodeAsTheyAre() {
		assertThat(RawMessageCodec.decode(PROSE, "IDENTITY", PROSE.length)).isEqualTo(PROSE);
	}

	@Test
	void damagedOrMislabelledBytesFailLoudlyInsteadOfGivingAnotherMessage() {
		RawMessageCodec.Encoded encoded = RawMessageCodec.encode(PROSE);
		byte[] truncated = Arrays.copyOf(encoded.bytes(), encoded.bytes().length / 2);

		assertThatIllegalStateException().isThrownBy(() -> RawMessageCodec.decode(truncated, "LZ4", PROSE.length));
		assertThatIllegalStateException()
			.isThrownBy(() -> RawMessageCodec.decode(encoded.bytes(), "LZ4", PROSE.length + 1));
		assertThatIllegalStateException().isThrownBy(() -> RawMessageCodec.decode(PROSE, "LZ4", PROSE.length));
	}

}
