package com.mailtrail.mail.inbound;

import java.util.concurrent.atomic.AtomicInteger;

import org.subethamail.smtp.server.Session;
import org.subethamail.smtp.server.SessionHandler;

/**
 * Answers {@code 421 4.7.0} to the connection after the last one allowed. SubEthaSMTP has its
 * own limit, but its reply carries no enhanced status code; the server sets that one a notch
 * higher so that this limiter speaks first.
 */
final class ConnectionLimiter implements SessionHandler {

	private final int maxConnections;

	private final AtomicInteger activeSessions = new AtomicInteger();

	ConnectionLimiter(int maxConnections) {
		this.maxConnections = maxConnections;
	}

	@Override
	public SessionAcceptance accept(Session session) {
		if (this.activeSessions.incrementAndGet() > this.maxConnections) {
			// A refused session never reaches onSessionEnd, so it gives its place back here.
			this.activeSessions.decrementAndGet();
			return SessionAcceptance.failure(421, "4.7.0 Too many connections, try again later");
		}
		return SessionAcceptance.success();
	}

	@Override
	public void onSessionEnd(Session session) {
		this.activeSessions.decrementAndGet();
	}

}
