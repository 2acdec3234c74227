package com.mailtrail.mail.inbound;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import com.mailtrail.mail.MailSettings;
import com.mailtrail.tenancy.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works the queue of accepted messages: claims one with {@code FOR UPDATE SKIP LOCKED} (so every instance can run
 * it), binds the message's tenant and processes it in a transaction of its own, then marks it done. A crash before
 * the mark leaves the row to be processed again, which finds the stored email and changes nothing. Failures are
 * retried with exponential backoff; a message that keeps failing is stored raw and flagged for its user.
 * <p>
 * While senders queue to store their messages (a burst: several messages share each commit), each worker pauses after
 * every message for {@value #PAUSE_FACTOR} times as long as the message took (at least {@value #MIN_PAUSE_MILLIS}
 * ms), so that processing takes at most a tenth of each worker's time: answering senders quickly matters more than
 * processing at once (a sender that waits too long gives up and sends again), and a burst's backlog is worked off at
 * full speed as soon as it ends. Messages that arrive one at a time are processed at once.
 */
@Component
class InboundProcessingJob implements SmartLifecycle {

	static final int MAX_ATTEMPTS = 8;

	/** While senders queue: a worker pauses this many times as long as its last message took... */
	static final int PAUSE_FACTOR = 9;

	/** ...and at least this long: at most ten messages a second per worker, never none, however long the burst. */
	static final long MIN_PAUSE_MILLIS = 100;

	private static final Logger log = LoggerFactory.getLogger(InboundProcessingJob.class);

	private final InboundMessageQueries queries;

	private final InboundMailProcessor processor;

	private final TransactionTemplate transactions;

	private final int workerCount;

	private final BatchingInboundWriter intake;

	private final Semaphore work = new Semaphore(0);

	private final List<Thread> workers = new ArrayList<>();

	private volatile boolean running;

	InboundProcessingJob(InboundMessageQueries queries, InboundMailProcessor processor,
			TransactionTemplate transactions, MailSettings settings, BatchingInboundWriter intake) {
		this.queries = queries;
		this.processor = processor;
		this.transactions = transactions;
		this.workerCount = settings.processingWorkers();
		this.intake = intake;
	}

	/** A message was committed: process it now instead of at the next poll. */
	void wakeUp() {
		this.work.release();
	}

	/** Processes due messages until none is left; returns how many it handled. For tests and the workers. */
	int drain() {
		int handled = 0;
		while (this.running) {
			long started = System.nanoTime();
			if (!processOne()) {
				break;
			}
			handled++;
			if (this.intake.sendersQueueing()) {
				long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
				sleepQuietly(Math.max(MIN_PAUSE_MILLIS, PAUSE_FACTOR * took));
			}
		}
		return handled;
	}

	boolean processOne() {
		Boolean handled = this.transactions.execute(status -> this.queries.claimNext().map(claimed -> {
			try {
				UUID emailId = TenantContext.callAs(claimed.tenantId(),
						() -> this.processor.process(claimed.id(), claimed.tenantId(), claimed.userId()));
				this.queries.markProcessed(claimed.id(), emailId);
			}
			catch (RuntimeException ex) {
				failed(claimed, ex);
			}
			return true;
		}).orElse(false));
		return Boolean.TRUE.equals(handled);
	}

	private void failed(InboundMessageQueries.Claimed claimed, RuntimeException ex) {
		int attempts = claimed.attempts() + 1;
		String error = ex.getClass().getSimpleName() + ": " + ex.getMessage();
		if (attempts < MAX_ATTEMPTS) {
			// Two copies of one message processed at once collide on the unique key; the loser's retry just finds
			// the winner's email, so it need not wait long.
			Duration backoff = ex instanceof DataIntegrityViolationException ? Duration.ofSeconds(1)
					: Duration.ofSeconds(Math.min(3600, 5L << Math.min(attempts - 1, 10)));
			log.warn("Processing inbound message {} failed (attempt {}), retrying in {}s: {}", claimed.id(), attempts,
					backoff.toSeconds(), ex.getClass().getSimpleName());
			this.queries.markForRetry(claimed.id(), attempts, Instant.now().plus(backoff), error);
			return;
		}
		log.error("Processing inbound message {} failed {} times; storing it as unreadable", claimed.id(), attempts,
				ex);
		try {
			UUID emailId = TenantContext.callAs(claimed.tenantId(), () -> this.processor.storeUnreadable(claimed.id(),
					claimed.tenantId(), claimed.userId(), error));
			this.queries.markProcessed(claimed.id(), emailId);
		}
		catch (RuntimeException again) {
			this.queries.markFailed(claimed.id(), attempts, error);
		}
	}

	@Override
	public void start() {
		this.running = true;
		for (int i = 0; i < this.workerCount; i++) {
			Thread worker = new Thread(this::work, "inbound-processing-" + i);
			worker.setDaemon(true);
			worker.start();
			this.workers.add(worker);
		}
	}

	private void work() {
		while (this.running) {
			try {
				drain();
				this.work.tryAcquire(1, TimeUnit.SECONDS);
				this.work.drainPermits();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				// The database may be down: keep the worker alive and try again at the next poll.
				log.warn("Inbound processing could not reach the database: {}", ex.getMessage());
				sleepQuietly(1000);
			}
		}
	}

	private static void sleepQuietly(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void stop() {
		this.running = false;
		this.workers.forEach(Thread::interrupt);
		for (Thread worker : this.workers) {
			try {
				worker.join(10_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.workers.clear();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Stops after the SMTP listener (which stops first at a higher phase) and before the database goes. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 1000;
	}

}
