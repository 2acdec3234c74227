package com.mailtrail.mail.inbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.server.SMTPServer;

import org.springframework.context.SmartLifecycle;

/**
 * The Smart BCC SMTP listener. Starts with the application context (last) and stops with it
 * (first, so that the database is still there for messages being stored).
 * <p>
 * SubEthaSMTP's server cannot be started twice, so every {@link #start()} builds a new one.
 * {@link #stop()} first refuses new transactions with 421 and waits, up to the grace period,
 * for the messages being received or stored to be answered; only then it closes connections.
 */
public class SmartBccSmtpServer implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SmartBccSmtpServer.class);

	/**
	 * Connections SubEthaSMTP accepts beyond its limit only to answer 421 to them; their
	 * sessions need threads too.
	 */
	private static final int REFUSAL_HEADROOM = 10;

	private final InboundSmtpSettings settings;

	private final RecipientRouter router;

	private final InboundMessageStore store;

	private final Clock clock;

	private final Object lifecycleMonitor = new Object();

	private @Nullable Running running;

	public SmartBccSmtpServer(InboundSmtpSettings settings, RecipientRouter router, InboundMessageStore store) {
		this(settings, router, store, Clock.systemUTC());
	}

	SmartBccSmtpServer(InboundSmtpSettings settings, RecipientRouter router, InboundMessageStore store, Clock clock) {
		this.settings = settings;
		this.router = router;
		this.store = store;
		this.clock = clock;
	}

	@Override
	public void start() {
		synchronized (this.lifecycleMonitor) {
			if (this.running != null) {
				return;
			}
			IntakeGate intakeGate = new IntakeGate();
			ScheduledThreadPoolExecutor dataDeadlines = new ScheduledThreadPoolExecutor(1, (runnable) -> {
				Thread thread = new Thread(runnable, "smtp-data-deadline");
				thread.setDaemon(true);
				return thread;
			});
			// Nearly every deadline is cancelled; without this they would wait out their delay in the queue.
			dataDeadlines.setRemoveOnCancelPolicy(true);
			SMTPServer server = newServer(intakeGate, dataDeadlines);
			try {
				server.start();
			}
			catch (RuntimeException ex) {
				dataDeadlines.shutdownNow();
				throw ex;
			}
			this.running = new Running(server, intakeGate, dataDeadlines);
			log.info("Smart BCC SMTP listener on {}:{}", this.settings.bindAddress(), server.getPortAllocated());
		}
	}

	private SMTPServer newServer(IntakeGate intakeGate, ScheduledExecutorService dataDeadlines) {
		// This limiter answers "421 4.7.0" to the first connection over the limit; SubEthaSMTP's own
		// check (without a status code) sits one higher, for bursts while refused sessions wind down.
		int subethaMaxConnections = this.settings.maxConnections() + 1;
		SMTPServer.Builder builder = SMTPServer.port(this.settings.port())
			.bindAddress(bindAddress())
			.hostName(this.settings.hostName())
			.softwareName("Mailtrail")
			.messageHandlerFactory(new SmartBccMessageHandlerFactory(this.router, this.store, this.settings,
					intakeGate, dataDeadlines, this.clock))
			.maxMessageSize((int) this.settings.maxMessageSize().toBytes())
			// The handler counts recipients itself, so that a repeated address counts once.
			.maxRecipients(-1)
			.maxConnections(subethaMaxConnections)
			.sessionHandler(new ConnectionLimiter(this.settings.maxConnections()))
			.connectionTimeoutMs((int) this.settings.connectionTimeout().toMillis())
			.executorService(sessionExecutor(subethaMaxConnections + REFUSAL_HEADROOM))
			.sessionIdFactory(new RandomSessionIdFactory())
			.insertReceivedHeaders(false)
			.serverThreadName("smtp-listener");
		if (this.settings.tls() != null) {
			builder.enableTLS(true).startTlsSocketFactory(StartTlsSocketCreator.fromKeyStore(this.settings.tls()));
		}
		SMTPServer server = builder.build();
		BulkDataCommand.install(server);
		return server;
	}

	/**
	 * One blocking session per thread, so the pool is as large as the connections SubEthaSMTP
	 * lets in (it stops accepting beyond that), and no larger; idle threads go away. The queue
	 * is not a backlog: SubEthaSMTP gives a session's place back a moment before its thread is
	 * free, and a new session waits in the queue for that moment instead of being refused.
	 */
	private static ThreadPoolExecutor sessionExecutor(int threads) {
		AtomicInteger count = new AtomicInteger();
		ThreadFactory threadFactory = (runnable) -> {
			Thread thread = new Thread(runnable, "smtp-session-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
		ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
				new LinkedBlockingQueue<>(), threadFactory);
		executor.allowCoreThreadTimeOut(true);
		return executor;
	}

	private InetAddress bindAddress() {
		try {
			return InetAddress.getByName(this.settings.bindAddress());
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException("Unknown mailtrail.smtp.bind-address " + this.settings.bindAddress(), ex);
		}
	}

	@Override
	public void stop() {
		Running stopping;
		synchronized (this.lifecycleMonitor) {
			stopping = this.running;
			this.running = null;
		}
		if (stopping == null) {
			return;
		}
		try {
			if (!stopping.intakeGate().closeAndAwaitIdle(this.settings.shutdownGracePeriod())) {
				log.warn("SMTP shutdown grace period ran out with messages in flight; their senders will retry");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		// Closes every connection and waits for the session threads to end.
		stopping.server().stop();
		stopping.dataDeadlines().shutdownNow();
	}

	@Override
	public boolean isRunning() {
		synchronized (this.lifecycleMonitor) {
			return this.running != null;
		}
	}

	/**
	 * The port the listener accepts connections on, also when it was configured as 0.
	 * @throws IllegalStateException if the listener is not running
	 */
	public int port() {
		synchronized (this.lifecycleMonitor) {
			if (this.running == null) {
				throw new IllegalStateException("The SMTP listener is not running");
			}
			return this.running.server().getPortAllocated();
		}
	}

	private record Running(SMTPServer server, IntakeGate intakeGate, ScheduledExecutorService dataDeadlines) {
	}

}
