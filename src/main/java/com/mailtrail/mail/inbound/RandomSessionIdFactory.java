package com.mailtrail.mail.inbound;

import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import org.subethamail.smtp.server.SessionIdFactory;

/**
 * Random session ids. SubEthaSMTP's default derives them from the clock, which repeats across
 * the several instances that run behind one load balancer.
 */
final class RandomSessionIdFactory implements SessionIdFactory {

	@Override
	public String create() {
		long bits = ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE;
		return Long.toString(bits, 36).toUpperCase(Locale.ROOT);
	}

}
