package com.mailtrail.mail.inbound;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.subethamail.smtp.DropConnectionException;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.Session;

/**
 * One mail transaction, from {@code MAIL FROM} to the end of {@code DATA}: decides each
 * recipient during the dialogue, then reads, checks and stores the message. SubEthaSMTP calls
 * it from the session's thread only, in the order from, recipient..., data, done.
 */
final class SmartBccMessageHandler implements MessageHandler {

	private static final Logger log = LoggerFactory.getLogger(SmartBccMessageHandler.class);

	static final String MDC_SESSION_ID = "smtpSessionId";

	private final MessageContext context;

	private final RecipientRouter router;

	private final InboundMessageStore store;

	private final InboundSmtpSettings settings;

	private final IntakeGate intakeGate;

	private final ScheduledExecutorService dataDeadlines;

	private final Clock clock;

	private @Nullable String mailFrom;

	/** Accepted routes by lower-case address: the same address twice counts once. */
	private final Map<String, RecipientRoute> routes = new LinkedHashMap<>();

	private int unknownRecipients;

	private boolean inIntakeGate;

	SmartBccMessageHandler(MessageContext context, RecipientRouter router, InboundMessageStore store,
			InboundSmtpSettings settings, IntakeGate intakeGate, ScheduledExecutorService dataDeadlines, Clock clock) {
		this.context = context;
		this.router = router;
		this.store = store;
		this.settings = settings;
		this.intakeGate = intakeGate;
		this.dataDeadlines = dataDeadlines;
		this.clock = clock;
	}

	@Override
	public void from(String from) throws RejectException {
		try (MDC.MDCCloseable mdc = sessionMdc()) {
			refuseWhenShuttingDown();
			if (this.context.getHelo().isEmpty()) {
				// RFC 5321 4.1.4: a client greets before a transaction, as every real mail server does.
				throw new RejectException(503, "5.5.1 Send EHLO or HELO first");
			}
			this.mailFrom = from.isBlank() ? null : from.trim();
		}
	}

	@Override
	public void recipient(String recipient) throws RejectException {
		try (MDC.MDCCloseable mdc = sessionMdc()) {
			refuseWhenShuttingDown();
			String key = recipient.trim().toLowerCase(Locale.ROOT);
			if (this.routes.containsKey(key)) {
				return;
			}
			if (this.routes.size() >= this.settings.maxRecipients()) {
				throw new RejectException(452, "4.5.3 Too many recipients: at most " + this.settings.maxRecipients()
						+ " per message, send the rest in another transaction");
			}
			RecipientRoute route = route(recipient.trim()).orElseThrow(this::unknownRecipient);
			if (route.strictForwarding() && this.mailFrom != null && !route.allowsSender(this.mailFrom)) {
				log.info("Refused recipient: strict forwarding, envelope sender is not the owner");
				throw new RejectException(550,
						"5.7.1 This Smart BCC address only accepts mail sent from its owner's own addresses; "
								+ ReplyText.address(this.mailFrom) + " is not one of them");
			}
			this.routes.put(key, route);
		}
	}

	private Optional<RecipientRoute> route(String recipient) throws RejectException {
		try {
			return this.router.route(recipient);
		}
		catch (RuntimeException ex) {
			// The exception's message may quote the address: keep it out of the WARN line.
			log.warn("Recipient lookup failed ({}); answering 451 so the sender retries", ex.getClass().getName());
			log.debug("Recipient lookup failure", ex);
			throw new RejectException(451, "4.3.0 Temporary lookup failure, please retry");
		}
	}

	private RejectException unknownRecipient() {
		this.unknownRecipients++;
		log.info("Refused unknown recipient");
		if (this.unknownRecipients > this.settings.maxRecipients()) {
			// Someone is guessing addresses; each guess costs a database lookup.
			return new DropConnectionException(421, "4.7.0 Too many unknown recipients, closing connection");
		}
		return new RejectException(550,
				"5.1.1 Unknown recipient: this is not an active Smart BCC address (it may have been regenerated);"
						+ " copy the current one from Mailtrail's email settings");
	}

	@Override
	public String data(InputStream data) throws RejectException, IOException {
		try (MDC.MDCCloseable mdc = sessionMdc()) {
			if (!this.intakeGate.tryEnter()) {
				throw shuttingDown();
			}
			// Left in done(), after the reply is written: a shutdown waits for the sender to hear that its message
			// was stored, not only for the commit, or the sender would retry a message that arrived.
			this.inIntakeGate = true;
			try {
				return receive(data);
			}
			catch (DropConnectionException ex) {
				throw ex;
			}
			catch (RejectException ex) {
				endTransaction();
				throw ex;
			}
		}
	}

	private String receive(InputStream data) throws RejectException, IOException {
		byte[] content = readWithinDeadline(data);
		Instant receivedAt = this.clock.instant();
		if (SmtpSmugglingDetector.containsBareLineEndingDotLine(content)) {
			log.info("Refused message: a dot line with a bare CR or LF (SMTP smuggling signature)");
			throw new RejectException(550, "5.5.2 Message refused: a line holding only a dot ends with a bare CR or LF,"
					+ " which can smuggle SMTP commands; send lines ending in CRLF");
		}
		HeaderSection headers = HeaderSection.of(content);
		if (headers.isTooLarge()) {
			throw new RejectException(552, "5.3.4 Message header section is larger than "
					+ HeaderSection.MAX_SECTION_SIZE / 1024 + " KB or has no end");
		}
		checkFromHeaderForStrictRecipients(headers);
		InboundEnvelope envelope = new InboundEnvelope(this.context.getSessionId(), this.mailFrom,
				new ArrayList<>(this.routes.values()), this.context.getHelo().orElse(null), remoteAddress(),
				receivedAt);
		byte[] raw = withReceivedHeader(envelope, content);
		try {
			this.store.store(envelope, raw);
		}
		catch (RuntimeException ex) {
			log.warn("Storing the message failed ({}); answering 451 so the sender retries", ex.getClass().getName());
			log.debug("Storage failure", ex);
			throw new RejectException(451, "4.3.0 Temporary storage failure, please retry");
		}
		// The inbound_message row (session id, envelope sender, time, size) is the record of an accepted message, and
		// the 250 reply names the session; a line per message at INFO cost about 8% of the listener's CPU in a burst.
		log.debug("Stored message of {} bytes for {} recipient(s)", raw.length, envelope.recipients().size());
		return "2.0.0 Ok: stored as " + envelope.sessionId();
	}

	private byte[] readWithinDeadline(InputStream data) throws RejectException, IOException {
		MessageDataReader reader = new MessageDataReader(this.settings.maxMessageSize().toBytes());
		if (!(this.context instanceof Session session)) {
			return reader.read(data);
		}
		try (DataDeadline deadline = DataDeadline.start(this.dataDeadlines, session.getSocket(),
				this.settings.dataTimeout())) {
			try {
				byte[] content = reader.read(data);
				if (deadline.hasPassed()) {
					throw dataTimeout();
				}
				return content;
			}
			catch (IOException | RejectException ex) {
				if (deadline.hasPassed()) {
					throw dataTimeout();
				}
				throw ex;
			}
		}
	}

	private DropConnectionException dataTimeout() {
		log.info("Dropped connection: data transfer took longer than {}", this.settings.dataTimeout());
		return new DropConnectionException(421, "4.4.2 Data transfer took longer than "
				+ this.settings.dataTimeout().toSeconds() + " seconds, closing connection");
	}

	private void checkFromHeaderForStrictRecipients(HeaderSection headers) throws RejectException {
		boolean anyStrict = this.routes.values().stream().anyMatch(RecipientRoute::strictForwarding);
		if (!anyStrict) {
			return;
		}
		Optional<List<String>> from = headers.fromAddresses();
		for (RecipientRoute route : this.routes.values()) {
			if (!route.strictForwarding()) {
				continue;
			}
			if (from.isEmpty()) {
				log.info("Refused message: strict forwarding, From header missing or unreadable");
				throw new RejectException(550, "5.7.1 This message has no readable From header, and a Smart BCC"
						+ " address with strict forwarding only accepts mail from its owner's own addresses");
			}
			for (String sender : from.get()) {
				if (!route.allowsSender(sender)) {
					log.info("Refused message: strict forwarding, From header is not the owner");
					throw new RejectException(550,
							"5.7.1 This Smart BCC address only accepts mail sent from its owner's own addresses;"
									+ " the From address " + ReplyText.address(sender) + " is not one of them");
				}
			}
		}
	}

	private byte[] withReceivedHeader(InboundEnvelope envelope, byte[] content) {
		boolean tls = this.context instanceof Session session && session.isTLSStarted();
		byte[] header = ReceivedHeader.render(envelope.heloName(), envelope.remoteAddress(),
				this.settings.hostName(), tls, envelope.sessionId(), envelope.receivedAt());
		byte[] raw = new byte[header.length + content.length];
		System.arraycopy(header, 0, raw, 0, header.length);
		System.arraycopy(content, 0, raw, header.length, content.length);
		return raw;
	}

	private String remoteAddress() {
		if (this.context.getRemoteAddress() instanceof InetSocketAddress socketAddress
				&& socketAddress.getAddress() != null) {
			return socketAddress.getAddress().getHostAddress();
		}
		return String.valueOf(this.context.getRemoteAddress());
	}

	/**
	 * After a refused DATA, SubEthaSMTP answers but leaves the transaction open, so the
	 * client's next MAIL FROM would get "503 Sender already specified" and a second DATA would
	 * reach this handler again. RFC 5321 ends the transaction either way; so do we. The data
	 * was read to its end, so the connection stays in step.
	 */
	private void endTransaction() {
		if (this.context instanceof Session session) {
			session.resetMailTransaction();
		}
	}

	private void refuseWhenShuttingDown() throws DropConnectionException {
		if (!this.intakeGate.isOpen()) {
			throw shuttingDown();
		}
	}

	private static DropConnectionException shuttingDown() {
		return new DropConnectionException(421, "4.3.2 Service shutting down, please retry later");
	}

	private MDC.MDCCloseable sessionMdc() {
		return MDC.putCloseable(MDC_SESSION_ID, this.context.getSessionId());
	}

	/**
	 * SubEthaSMTP calls this when the transaction ends: after the reply to an accepted message is written
	 * (see {@link BulkDataCommand}), before the reply to a refused one, on RSET, or when the session ends for any
	 * reason.
	 */
	@Override
	public void done() {
		if (this.inIntakeGate) {
			this.inIntakeGate = false;
			this.intakeGate.exit();
		}
	}

}
