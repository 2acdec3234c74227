package com.mailtrail.mail.inbound;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds the whole {@code DATA} transfer. The socket timeout only bounds each read, so a client
 * trickling one byte a minute could hold a connection for ever; when the deadline passes this
 * shuts the connection's input, the blocked read ends, and the handler answers 421.
 * <p>
 * A watchdog instead of a clock check between reads: a read that blocks cannot check
 * anything.
 */
final class DataDeadline implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(DataDeadline.class);

	private final ScheduledFuture<?> watchdog;

	private volatile boolean passed;

	private DataDeadline(ScheduledExecutorService scheduler, Socket socket, Duration timeout) {
		this.watchdog = scheduler.schedule(() -> expire(socket), timeout.toNanos(), TimeUnit.NANOSECONDS);
	}

	static DataDeadline start(ScheduledExecutorService scheduler, Socket socket, Duration timeout) {
		return new DataDeadline(scheduler, socket, timeout);
	}

	private void expire(Socket socket) {
		this.passed = true;
		try {
			socket.shutdownInput();
		}
		catch (IOException | UnsupportedOperationException ex) {
			// TLS sockets may refuse a half close; then the whole connection goes.
			log.debug("Could not shut the input down, closing the connection", ex);
			try {
				socket.close();
			}
			catch (IOException closeFailure) {
				log.debug("Could not close the connection", closeFailure);
			}
		}
	}

	/** Whether the deadline passed, so that the connection's input is gone. */
	boolean hasPassed() {
		return this.passed;
	}

	@Override
	public void close() {
		this.watchdog.cancel(false);
	}

}
