package com.mailtrail.mail.inbound;

import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;

import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.MessageHandlerFactory;

/**
 * Creates one {@link SmartBccMessageHandler} per mail transaction. It holds only what all
 * transactions share and never changes; the state of a transaction lives on its handler.
 */
final class SmartBccMessageHandlerFactory implements MessageHandlerFactory {

	private final RecipientRouter router;

	private final InboundMessageStore store;

	private final InboundSmtpSettings settings;

	private final IntakeGate intakeGate;

	private final ScheduledExecutorService dataDeadlines;

	private final Clock clock;

	SmartBccMessageHandlerFactory(RecipientRouter router, InboundMessageStore store, InboundSmtpSettings settings,
			IntakeGate intakeGate, ScheduledExecutorService dataDeadlines, Clock clock) {
		this.router = router;
		this.store = store;
		this.settings = settings;
		this.intakeGate = intakeGate;
		this.dataDeadlines = dataDeadlines;
		this.clock = clock;
	}

	@Override
	public MessageHandler create(MessageContext context) {
		return new SmartBccMessageHandler(context, this.router, this.store, this.settings, this.intakeGate,
				this.dataDeadlines, this.clock);
	}

}
