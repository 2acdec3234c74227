package com.mailtrail.mail.inbound;

import org.springframework.stereotype.Component;

/**
 * Commits the raw message, one row per recipient user, with one atomic statement, and only then lets the listener
 * answer 250. Any failure propagates, so the listener answers 451 and the sender retries; nothing partial remains.
 */
@Component
class DatabaseInboundMessageStore implements InboundMessageStore {

	private final InboundMessageQueries queries;

	private final InboundProcessingJob processing;

	DatabaseInboundMessageStore(InboundMessageQueries queries, InboundProcessingJob processing) {
		this.queries = queries;
		this.processing = processing;
	}

	@Override
	public void store(InboundEnvelope envelope, byte[] rawMessage) {
		this.queries.insert(envelope, rawMessage);
		this.processing.wakeUp();
	}

}
