package com.mailtrail.mail.inbound;

import org.springframework.stereotype.Component;

/**
 * Commits the raw message, one row per recipient user, and only then lets the listener answer 250. Any failure
 * propagates, so the listener answers 451 and the sender retries; nothing partial remains.
 */
@Component
class DatabaseInboundMessageStore implements InboundMessageStore {

	private final BatchingInboundWriter writer;

	private final InboundProcessingJob processing;

	DatabaseInboundMessageStore(BatchingInboundWriter writer, InboundProcessingJob processing) {
		this.writer = writer;
		this.processing = processing;
	}

	@Override
	public void store(InboundEnvelope envelope, byte[] rawMessage) {
		this.writer.write(envelope, rawMessage);
		this.processing.wakeUp();
	}

}
