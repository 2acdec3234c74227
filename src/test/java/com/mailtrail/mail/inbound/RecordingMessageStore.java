package com.mailtrail.mail.inbound;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Records what the listener stores. Can fail the next calls (the database is down, then
 * recovers) or hold a call until a test releases it (a slow commit).
 */
final class RecordingMessageStore implements InboundMessageStore {

	private final List<StoredMessage> stored = new CopyOnWriteArrayList<>();

	private final AtomicInteger failuresToSimulate = new AtomicInteger();

	private volatile CountDownLatch entered = new CountDownLatch(0);

	private volatile CountDownLatch release = new CountDownLatch(0);

	final AtomicInteger calls = new AtomicInteger();

	void failNextStores(int count) {
		this.failuresToSimulate.set(count);
	}

	/** Makes the next store() calls wait for {@link #releaseBlockedStores()}. */
	void blockStores() {
		this.entered = new CountDownLatch(1);
		this.release = new CountDownLatch(1);
	}

	boolean awaitBlockedStore() throws InterruptedException {
		return this.entered.await(10, TimeUnit.SECONDS);
	}

	void releaseBlockedStores() {
		this.release.countDown();
	}

	@Override
	public void store(InboundEnvelope envelope, byte[] rawMessage) {
		this.calls.incrementAndGet();
		this.entered.countDown();
		try {
			if (!this.release.await(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException("Test never released the store");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		if (this.failuresToSimulate.getAndUpdate((n) -> Math.max(0, n - 1)) > 0) {
			throw new IllegalStateException("Simulated: could not commit");
		}
		this.stored.add(new StoredMessage(envelope, rawMessage));
	}

	List<StoredMessage> stored() {
		return List.copyOf(this.stored);
	}

	StoredMessage single() {
		if (this.stored.size() != 1) {
			throw new AssertionError("Expected one stored message but got " + this.stored.size());
		}
		return this.stored.get(0);
	}

	record StoredMessage(InboundEnvelope envelope, byte[] raw) {

		String text() {
			return new String(this.raw, StandardCharsets.UTF_8);
		}

	}

}
