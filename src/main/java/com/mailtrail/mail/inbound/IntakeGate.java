package com.mailtrail.mail.inbound;

import java.time.Duration;

/**
 * Lets shutdown wait for the messages that are being received or stored while refusing new
 * ones, so that no accepted message is cut off half-way. One gate per server start.
 */
final class IntakeGate {

	private final Object monitor = new Object();

	private boolean closed;

	private int messagesInFlight;

	boolean isOpen() {
		synchronized (this.monitor) {
			return !this.closed;
		}
	}

	/** Registers a message whose data is about to be read; false once shutdown began. */
	boolean tryEnter() {
		synchronized (this.monitor) {
			if (this.closed) {
				return false;
			}
			this.messagesInFlight++;
			return true;
		}
	}

	void exit() {
		synchronized (this.monitor) {
			this.messagesInFlight--;
			this.monitor.notifyAll();
		}
	}

	/**
	 * Refuses new messages and waits until those in flight are answered.
	 * @return false if some were still in flight when the grace period ran out
	 */
	boolean closeAndAwaitIdle(Duration gracePeriod) throws InterruptedException {
		long deadline = System.nanoTime() + gracePeriod.toNanos();
		synchronized (this.monitor) {
			this.closed = true;
			while (this.messagesInFlight > 0) {
				long remaining = deadline - System.nanoTime();
				if (remaining <= 0) {
					return false;
				}
				this.monitor.wait(Math.max(1, remaining / 1_000_000));
			}
			return true;
		}
	}

}
