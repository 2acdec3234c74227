package com.mailtrail.mail.outbound;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.Optional;

import com.mailtrail.mail.outbound.OutboxQueries.Claimed;
import com.mailtrail.mail.outbound.OutgoingMessageLoader.Loaded;
import com.mailtrail.mail.outbound.OutgoingMimeMessages.Parts;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends a batch of one user's claimed entries through that user's account, over one SMTP connection, and records
 * each outcome. Runs with the entries' tenant bound; no database transaction is open while it talks to the server.
 */
@Component
class OutboxSender {

	private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

	private final SmtpAccounts accounts;

	private final SmtpMailSenders senders;

	private final SmtpEndpointPolicy endpoints;

	private final OutgoingMessageLoader loader;

	private final OutboxQueries queries;

	private final ObjectProvider<OutgoingHtmlRewriter> rewriters;

	private final OutboundSettings settings;

	private final TransactionTemplate transactions;

	OutboxSender(SmtpAccounts accounts, SmtpMailSenders senders, SmtpEndpointPolicy endpoints,
			OutgoingMessageLoader loader, OutboxQueries queries, ObjectProvider<OutgoingHtmlRewriter> rewriters,
			OutboundSettings settings, TransactionTemplate transactions) {
		this.accounts = accounts;
		this.senders = senders;
		this.endpoints = endpoints;
		this.loader = loader;
		this.queries = queries;
		this.rewriters = rewriters;
		this.settings = settings;
		this.transactions = transactions;
	}

	/** All entries belong to one owner, and the owner's tenant is bound. */
	void send(List<Claimed> entries) {
		Optional<SmtpAccount> found = this.accounts.of(entries.get(0).ownerId());
		if (found.isEmpty()) {
			entries.forEach(e -> failed(e, "No outgoing email account: add one under Email settings → SMTP & BCC, "
					+ "then retry."));
			return;
		}
		SmtpAccount account = found.get();
		String where = account.getHost() + ":" + account.getPort();
		String refusal = this.endpoints.refusal(account.getHost(), account.getPort());
		if (refusal != null) {
			entries.forEach(e -> failed(e, refusal));
			return;
		}
		SmtpAccountSettings connection = new SmtpAccountSettings(account.getHost(), account.getPort(),
				account.getSecurity(), account.getUsername(), null, account.getSenderName(), account.getSenderAddress());
		String password = this.accounts.passwordOf(account);
		Session session = this.senders.create(connection, password).getSession();
		boolean authenticate = account.getUsername() != null;
		Transport transport = null;
		Map<UUID, Object> loaded = this.loader.loadAll(entries);
		List<Sent> sent = new ArrayList<>();
		try {
			for (Claimed entry : entries) {
				try {
					if (loaded.get(entry.id()) instanceof RuntimeException unreadable) {
						throw unreadable;
					}
					MimeMessage message = OutgoingMimeMessages.build(session,
							rewritten(entry, (Loaded) loaded.get(entry.id())));
					if (transport == null || !transport.isConnected()) {
						transport = session.getTransport("smtp");
						transport.connect(account.getHost(), account.getPort(),
								authenticate ? account.getUsername() : null, authenticate ? password : null);
					}
					transport.sendMessage(message, message.getAllRecipients());
					String reply = transport instanceof SMTPTransport smtp && smtp.getLastServerResponse() != null
							? smtp.getLastServerResponse().strip() : "accepted";
					sent.add(new Sent(entry, reply));
				}
				catch (MessagingException | RuntimeException ex) {
					SmtpFailures.Failure failure = SmtpFailures.classify(ex, where);
					if (failure.connectionLost()) {
						close(transport);
						transport = null;
					}
					outcome(entry, failure);
				}
			}
		}
		finally {
			close(transport);
			recordSent(sent);
		}
	}

	private record Sent(Claimed entry, String reply) {
	}

	/**
	 * The batch's successes in one transaction (one commit instead of one per message). Until it commits, the
	 * entries stay claimed: only a crash in this window sends them again, after their lease.
	 */
	private void recordSent(List<Sent> sent) {
		if (sent.isEmpty()) {
			return;
		}
		List<Claimed> lost = new ArrayList<>();
		this.transactions.executeWithoutResult(status -> sent.forEach(s -> {
			if (!this.queries.markSent(s.entry(), s.reply())) {
				lost.add(s.entry());
			}
		}));
		lost.forEach(entry -> log.warn("Outbox entry {} was taken over by another sender (lease expired); its "
				+ "outcome is theirs", entry.id()));
	}

	private Parts rewritten(Claimed entry, Loaded loaded) {
		Parts parts = loaded.parts();
		String html = parts.html();
		for (OutgoingHtmlRewriter rewriter : this.rewriters.orderedStream().toList()) {
			html = rewriter.rewrite(new OutgoingHtml(entry.emailId(), entry.ownerId(), loaded.tracked(), html));
		}
		return new Parts(parts.messageId(), parts.from(), parts.to(), parts.cc(), parts.bcc(), parts.subject(),
				parts.text(), html, parts.attachments(), parts.inReplyTo(), parts.references(), parts.date());
	}

	private void outcome(Claimed entry, SmtpFailures.Failure failure) {
		if (failure.permanent()) {
			failed(entry, failure.words());
		}
		else if (entry.attempts() >= this.settings.maxAttempts()) {
			failed(entry, "Gave up after " + entry.attempts() + " attempts. Last problem: " + failure.words());
		}
		else {
			Instant next = Instant.now().plus(this.settings.backoffAfter(entry.attempts()));
			log.info("Sending email {} failed for now (attempt {}), next attempt at {}: {}", entry.emailId(),
					entry.attempts(), next, failure.words());
			record(() -> this.queries.markForRetry(entry, next, failure.words()), entry);
		}
	}

	private void failed(Claimed entry, String words) {
		log.info("Sending email {} failed: {}", entry.emailId(), words);
		record(() -> this.queries.markFailed(entry, words), entry);
	}

	private void record(java.util.function.BooleanSupplier update, Claimed entry) {
		Boolean recorded = this.transactions.execute(status -> update.getAsBoolean());
		if (!Boolean.TRUE.equals(recorded)) {
			log.warn("Outbox entry {} was taken over by another sender (lease expired); its outcome is theirs",
					entry.id());
		}
	}

	private static void close(Transport transport) {
		if (transport != null) {
			try {
				transport.close();
			}
			catch (MessagingException ex) {
				// the connection is going away anyway
			}
		}
	}

}
