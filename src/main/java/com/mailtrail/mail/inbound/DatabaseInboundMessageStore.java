package com.mailtrail.mail.inbound;

import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Commits the raw message, one row per recipient user, in one transaction, and only then lets the listener answer
 * 250. Any failure propagates, so the listener answers 451 and the sender retries; nothing partial remains.
 */
@Component
class DatabaseInboundMessageStore implements InboundMessageStore {

	private final InboundMessageQueries queries;

	private final TransactionTemplate transactions;

	private final InboundProcessingJob processing;

	DatabaseInboundMessageStore(InboundMessageQueries queries, TransactionTemplate transactions,
			InboundProcessingJob processing) {
		this.queries = queries;
		this.transactions = transactions;
		this.processing = processing;
	}

	@Override
	public void store(InboundEnvelope envelope, byte[] rawMessage) {
		this.transactions.executeWithoutResult(status -> {
			for (RecipientRoute route : envelope.recipients()) {
				this.queries.insert(UUID.randomUUID(), route, envelope, rawMessage);
			}
		});
		this.processing.wakeUp();
	}

}
