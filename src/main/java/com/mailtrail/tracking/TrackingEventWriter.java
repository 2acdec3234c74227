package com.mailtrail.tracking;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Group commit for tracking events: the endpoints hand events to a queue and answer at once; one thread writes
 * whatever has queued up in one insert and one commit, then notifies. After the first event of a batch the writer
 * lingers a moment ({@link #LINGER}) so that a burst of requests shares one commit instead of paying one each.
 * Nothing is dropped: a full queue makes the endpoint wait, a failed write is retried, and stopping the application
 * drains the queue after the web server has stopped taking requests.
 * <p>
 * Handing over takes no lock (a lock-free queue and a semaphore's compare-and-set for the bound): with dozens of
 * request threads on two cores, a thread preempted while holding the queue's lock made the others wait for its next
 * time slice.
 */
@Component
class TrackingEventWriter implements SmartLifecycle {

	static final int MAX_BATCH = 1000;

	static final int CAPACITY = 100_000;

	/**
	 * How long a batch gathers after its first event. Recording is asynchronous, so this delays nothing a recipient
	 * waits for; it only bounds how soon an event is in the database.
	 */
	static final Duration LINGER = Duration.ofMillis(20);

	private static final long IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

	private static final Logger log = LoggerFactory.getLogger(TrackingEventWriter.class);

	private final TrackingEventQueries queries;

	private final TrackingNotifier notifier;

	private final long lingerNanos;

	private final Queue<TrackingEvent> queue = new ConcurrentLinkedQueue<>();

	/** Free places in the queue; an endpoint waits for one when the writer is {@link #CAPACITY} events behind. */
	private final Semaphore space = new Semaphore(CAPACITY);

	private volatile Thread writer;

	private volatile boolean running;

	/** Set while the writer sleeps on an empty queue, so that only then does recording wake it. */
	private volatile boolean idle;

	@Autowired
	TrackingEventWriter(TrackingEventQueries queries, TrackingNotifier notifier) {
		this(queries, notifier, LINGER);
	}

	TrackingEventWriter(TrackingEventQueries queries, TrackingNotifier notifier, Duration linger) {
		this.queries = queries;
		this.notifier = notifier;
		this.lingerNanos = linger.toNanos();
	}

	void record(TrackingEvent event) {
		try {
			this.space.acquire();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while recording a tracking event", ex);
		}
		this.queue.offer(event);
		if (this.idle) {
			this.idle = false;
			LockSupport.unpark(this.writer);
		}
	}

	private void run() {
		List<TrackingEvent> batch = new ArrayList<>(MAX_BATCH);
		while (true) {
			if (this.queue.isEmpty()) {
				if (!this.running) {
					break;
				}
				this.idle = true;
				if (this.queue.isEmpty() && this.running) { // checked again: an event offered before idle was set
					LockSupport.parkNanos(this, IDLE_NANOS);
				}
				this.idle = false;
				continue;
			}
			// Linger only when a batch is not already waiting: behind a backlog, write at once.
			if (this.running && queued() < MAX_BATCH) {
				LockSupport.parkNanos(this, this.lingerNanos);
			}
			TrackingEvent event;
			while (batch.size() < MAX_BATCH && (event = this.queue.poll()) != null) {
				batch.add(event);
			}
			this.space.release(batch.size());
			try {
				write(batch);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				log.error("Interrupted: {} tracking event(s) not recorded", batch.size() + queued());
				break;
			}
			finally {
				batch.clear();
			}
		}
	}

	private int queued() {
		return CAPACITY - this.space.availablePermits();
	}

	private void write(List<TrackingEvent> batch) throws InterruptedException {
		List<TrackingEvent> written = batch;
		if (!insert(batch) && batch.size() > 1) {
			// One bad row (an email deleted meanwhile) must not cost the others: write them one by one.
			written = new ArrayList<>();
			for (TrackingEvent event : batch) {
				if (insert(List.of(event))) {
					written.add(event);
				}
				else {
					log.error("Could not record a tracking event of email {}", event.target().emailId());
				}
			}
		}
		for (TrackingEvent event : written) {
			try {
				this.notifier.notifyOwner(event);
			}
			catch (RuntimeException ex) {
				log.warn("Could not notify about a tracking event: {}", ex.toString());
			}
		}
	}

	private boolean insert(List<TrackingEvent> events) throws InterruptedException {
		for (int attempt = 1; attempt <= 3; attempt++) {
			try {
				this.queries.insert(events);
				return true;
			}
			catch (RuntimeException ex) {
				log.warn("Recording {} tracking event(s) failed (attempt {}): {}", events.size(), attempt,
						ex.toString());
				Thread.sleep(100L * attempt);
			}
		}
		return false;
	}

	/** Events handed over and not yet taken into a batch (for tests and the benchmark). */
	int pending() {
		return queued();
	}

	@Override
	public void start() {
		this.running = true;
		Thread thread = new Thread(this::run, "tracking-writer");
		thread.setDaemon(true);
		this.writer = thread;
		thread.start();
	}

	@Override
	public void stop() {
		this.running = false;
		Thread thread = this.writer;
		if (thread != null) {
			// no interrupt: a write under way finishes, then the loop drains the rest (without lingering) and ends
			LockSupport.unpark(thread);
			try {
				thread.join(30_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.writer = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Stops after the web server has finished its graceful shutdown and stopped (phases DEFAULT_PHASE - 1024 and
	 * - 2048; lower phases stop later), so no request adds to a stopped queue; the data source closes after that.
	 */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 4096;
	}

}
