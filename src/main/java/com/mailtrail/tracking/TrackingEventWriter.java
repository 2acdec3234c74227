package com.mailtrail.tracking;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Group commit for tracking events: the endpoints hand events to a queue and answer at once; one thread writes
 * whatever has queued up in one multi-row insert and one commit, then notifies. Nothing is dropped: a full queue
 * makes the endpoint wait, a failed write is retried, and stopping the application drains the queue after the web
 * server has stopped taking requests.
 */
@Component
class TrackingEventWriter implements SmartLifecycle {

	static final int MAX_BATCH = 500;

	private static final Logger log = LoggerFactory.getLogger(TrackingEventWriter.class);

	private final TrackingEventQueries queries;

	private final TrackingNotifier notifier;

	private final BlockingQueue<TrackingEvent> queue = new LinkedBlockingQueue<>(100_000);

	private volatile Thread writer;

	private volatile boolean running;

	TrackingEventWriter(TrackingEventQueries queries, TrackingNotifier notifier) {
		this.queries = queries;
		this.notifier = notifier;
	}

	void record(TrackingEvent event) {
		try {
			this.queue.put(event);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while recording a tracking event", ex);
		}
	}

	private void run() {
		List<TrackingEvent> batch = new ArrayList<>(MAX_BATCH);
		while (this.running || !this.queue.isEmpty()) {
			try {
				TrackingEvent first = this.queue.poll(200, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				this.queue.drainTo(batch, MAX_BATCH - 1);
				write(batch);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			finally {
				batch.clear();
			}
		}
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

	/** Events queued and not yet written (for tests and the benchmark). */
	int pending() {
		return this.queue.size();
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
			// no interrupt: a write under way finishes, then the loop drains the rest and ends
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
