package com.mailtrail.mail.inbound;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Group commit for SMTP intake: messages that arrive while a commit is under way are written together, in one
 * statement and one commit, and each session gets its answer only when its own rows are committed. Under
 * concurrency this saves a round trip and a commit per message; alone, a message waits for nobody.
 * <p>
 * Two writers take batches from the same queue: while one waits for its commit to reach the disk, the other sends
 * the next batch. With one, the machine sat partly idle during a burst, every session waiting on that one flush.
 */
@Component
class BatchingInboundWriter implements SmartLifecycle {

	static final int MAX_BATCH = 32;

	static final int WRITERS = 2;

	private static final Logger log = LoggerFactory.getLogger(BatchingInboundWriter.class);

	private final InboundMessageQueries queries;

	private final BlockingQueue<Pending> pending = new ArrayBlockingQueue<>(1024);

	private volatile boolean running;

	private final List<Thread> writers = new ArrayList<>(WRITERS);

	private volatile long lastGroupedCommitNanos = System.nanoTime() - TimeUnit.SECONDS.toNanos(10);

	BatchingInboundWriter(InboundMessageQueries queries) {
		this.queries = queries;
	}

	/** Blocks until the message is committed; throws when it could not be. */
	void write(InboundEnvelope envelope, byte[] raw) {
		// Compressed here, on the session's thread: the sessions compress in parallel, the writers only write.
		Pending entry = new Pending(envelope, RawMessageCodec.encode(raw), new CompletableFuture<>());
		try {
			if (!this.running || !this.pending.offer(entry, 30, TimeUnit.SECONDS)) {
				throw new IllegalStateException("The intake writer is not accepting messages");
			}
			entry.committed().get(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while storing", ex);
		}
		catch (ExecutionException ex) {
			throw ex.getCause() instanceof RuntimeException runtime ? runtime
					: new IllegalStateException(ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("Storing took too long", ex);
		}
	}

	private void run() {
		List<Pending> batch = new ArrayList<>(MAX_BATCH);
		while (this.running) {
			try {
				Pending first = this.pending.poll(1, TimeUnit.SECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				this.pending.drainTo(batch, MAX_BATCH - 1);
				commit(batch);
			}
			catch (InterruptedException ex) {
				break;
			}
			finally {
				batch.clear();
			}
		}
		// Whatever is still queued at shutdown is refused, so its senders retry (451) instead of waiting.
		Pending left;
		while ((left = this.pending.poll()) != null) {
			left.committed().completeExceptionally(new IllegalStateException("Shutting down"));
		}
	}

	/**
	 * Whether senders queued to store their messages in the last moment (several messages shared a commit): a burst,
	 * during which background work leaves the machine to the senders. Messages that arrive one at a time do not count.
	 */
	boolean sendersQueueing() {
		return System.nanoTime() - this.lastGroupedCommitNanos < TimeUnit.MILLISECONDS.toNanos(100);
	}

	private void commit(List<Pending> batch) {
		try {
			this.queries.insert(batch.stream().map(p -> new InboundMessageQueries.Row(p.envelope(), p.raw())).toList());
			if (batch.size() > 1) {
				this.lastGroupedCommitNanos = System.nanoTime();
			}
			batch.forEach(p -> p.committed().complete(null));
		}
		catch (RuntimeException ex) {
			log.warn("Storing {} message(s) failed: {}", batch.size(), ex.getClass().getSimpleName());
			batch.forEach(p -> p.committed().completeExceptionally(ex));
		}
	}

	@Override
	public synchronized void start() {
		this.running = true;
		for (int i = 1; i <= WRITERS; i++) {
			Thread thread = new Thread(this::run, "inbound-writer-" + i);
			thread.setDaemon(true);
			this.writers.add(thread);
			thread.start();
		}
	}

	@Override
	public synchronized void stop() {
		this.running = false;
		this.writers.forEach(Thread::interrupt);
		try {
			for (Thread thread : this.writers) {
				thread.join(10_000);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.writers.clear();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Stops after the SMTP listener, which lets the messages it is receiving finish first. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 500;
	}

	private record Pending(InboundEnvelope envelope, RawMessageCodec.Encoded raw, CompletableFuture<Void> committed) {
	}

}
