package com.mailtrail.mail.outbound;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import com.mailtrail.mail.outbound.OutboxQueries.Claimed;
import com.mailtrail.mail.outbound.OutgoingMail.OutboxEntryQueued;
import com.mailtrail.tenancy.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works the outbox: each worker claims a batch of due entries (tenant-agnostic, FOR UPDATE SKIP LOCKED, with a
 * lease), then binds each entry's tenant and sends it through its owner's account, one connection per account per
 * batch. Safe with several workers and several instances: an entry is claimed by one sender at a time, and one
 * whose sender died mid-way is claimed again when its lease runs out. A restart loses nothing: queued entries wait
 * in the table.
 */
@Component
class OutboxSendingJob implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxSendingJob.class);

	private final OutboxQueries queries;

	private final OutboxSender sender;

	private final OutboundSettings settings;

	private final TransactionTemplate transactions;

	private final Semaphore work = new Semaphore(0);

	private final List<Thread> workers = new ArrayList<>();

	private volatile boolean running;

	OutboxSendingJob(OutboxQueries queries, OutboxSender sender, OutboundSettings settings,
			TransactionTemplate transactions) {
		this.queries = queries;
		this.sender = sender;
		this.settings = settings;
		this.transactions = transactions;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(OutboxEntryQueued queued) {
		this.work.release(Math.max(1, this.settings.workers()));
	}

	/**
	 * Claims and sends one batch; returns how many entries it handled. Public to the package for tests, which
	 * play a second sender next to the running workers.
	 */
	int sendBatch() {
		List<Claimed> claimed = this.transactions
			.execute(status -> this.queries.claim(this.settings.batchSize(), this.settings.lease()));
		if (claimed == null || claimed.isEmpty()) {
			return 0;
		}
		Map<String, List<Claimed>> byOwner = new LinkedHashMap<>();
		for (Claimed entry : claimed) {
			byOwner.computeIfAbsent(entry.tenantId() + "/" + entry.ownerId(), k -> new ArrayList<>()).add(entry);
		}
		for (List<Claimed> entries : byOwner.values()) {
			try {
				TenantContext.runAs(entries.get(0).tenantId(), () -> this.sender.send(entries));
			}
			catch (RuntimeException ex) {
				// Left SENDING: the entries are claimed again when their lease runs out.
				log.error("Sending {} outbox entries failed unexpectedly; they are retried after their lease", entries.size(), ex);
			}
		}
		return claimed.size();
	}

	/** Sends until nothing is due. */
	int drain() {
		int total = 0;
		int handled;
		while ((handled = sendBatch()) > 0) {
			total += handled;
		}
		return total;
	}

	@Override
	public void start() {
		this.running = true;
		for (int i = 0; i < this.settings.workers(); i++) {
			Thread worker = new Thread(this::work, "outbox-sender-" + i);
			worker.setDaemon(true);
			worker.start();
			this.workers.add(worker);
		}
	}

	private void work() {
		while (this.running) {
			try {
				while (this.running && sendBatch() > 0) {
					// keep going while entries are due
				}
				this.work.tryAcquire(this.settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
				this.work.drainPermits();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				log.warn("The outbox sender could not reach the database: {}", ex.getMessage());
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

	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 1000;
	}

}
