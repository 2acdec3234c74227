package com.mailtrail.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;

import com.mailtrail.mail.outbound.LocalSmtpEndpoints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.server.SMTPServer;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * A local SMTP server for the demo: demo users' outgoing accounts point at it, so sending works with no setup, and
 * {@code /demo/mail-catcher} shows what it caught. It listens on loopback only, delivers nothing onwards, and keeps
 * the last messages in memory (a restart forgets them). Runs only in demo mode.
 */
@Component
class MailCatcher implements SmartLifecycle, LocalSmtpEndpoints {

	static final String HOST = "127.0.0.1";

	private static final Logger log = LoggerFactory.getLogger(MailCatcher.class);

	private final DemoMode mode;

	private final DemoSettings settings;

	private final Deque<CaughtMessage> caught = new ConcurrentLinkedDeque<>();

	private final AtomicLong numbers = new AtomicLong();

	private volatile SMTPServer server;

	MailCatcher(DemoMode mode, DemoSettings settings) {
		this.mode = mode;
		this.settings = settings;
	}

	@Override
	public synchronized void start() {
		if (!this.mode.enabled() || this.server != null) {
			return;
		}
		SMTPServer smtp;
		try {
			smtp = newServer(this.settings.mailCatcherPort());
			smtp.start();
		}
		catch (RuntimeException busy) {
			if (this.settings.mailCatcherPort() == 0) {
				throw busy;
			}
			// A demo convenience must not stop the application: another port does as well, because the demo
			// accounts are pointed at whichever port the catcher got.
			log.warn("Port {} for the demo mail catcher is not available ({}); using a free port instead",
					this.settings.mailCatcherPort(), busy.getMessage());
			smtp = newServer(0);
			smtp.start();
		}
		this.server = smtp;
		log.info("Demo mail catcher on {}:{}: demo users' email is delivered here and shown at /demo/mail-catcher",
				HOST, smtp.getPortAllocated());
	}

	private SMTPServer newServer(int port) {
		return SMTPServer.port(port)
			.bindAddress(loopback())
			.hostName("mail-catcher.localhost")
			.softwareName("Mailtrail demo mail catcher")
			.maxMessageSize(50 * 1024 * 1024)
			.messageHandlerFactory(context -> new Catch())
			.serverThreadName("demo-mail-catcher")
			.build();
	}

	@Override
	public synchronized void stop() {
		if (this.server != null) {
			this.server.stop();
			this.server = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.server != null;
	}

	/** Starts before the application's own runners, so that the demo accounts can be pointed at its port. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 2000;
	}

	/** Exactly the catcher's own address: the demo does not open the private network to anything else. */
	@Override
	public boolean allows(String host, int port) {
		SMTPServer running = this.server;
		return running != null && (HOST.equals(host) || "localhost".equalsIgnoreCase(host))
				&& port == running.getPortAllocated();
	}

	boolean running() {
		return this.server != null;
	}

	int port() {
		SMTPServer running = this.server;
		if (running == null) {
			throw new IllegalStateException("The demo mail catcher is not running");
		}
		return running.getPortAllocated();
	}

	/** Newest first. */
	List<CaughtMessage> messages() {
		return new ArrayList<>(this.caught);
	}

	Optional<CaughtMessage> message(long number) {
		return this.caught.stream().filter(m -> m.number() == number).findFirst();
	}

	private void keep(CaughtMessage message) {
		this.caught.addFirst(message);
		while (this.caught.size() > Math.max(1, this.settings.mailCatcherKeep())) {
			this.caught.pollLast();
		}
	}

	private static InetAddress loopback() {
		try {
			return InetAddress.getByName(HOST);
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private final class Catch implements MessageHandler {

		private String from;

		private final List<String> recipients = new ArrayList<>();

		@Override
		public void from(String from) {
			this.from = from;
		}

		@Override
		public void recipient(String recipient) {
			this.recipients.add(recipient);
		}

		@Override
		public String data(InputStream data) throws IOException {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			data.transferTo(bytes);
			keep(CaughtMessage.parse(MailCatcher.this.numbers.incrementAndGet(), Instant.now(), this.from,
					List.copyOf(this.recipients), bytes.toByteArray()));
			return null;
		}

		@Override
		public void done() {
		}

	}

}
