package com.mailtrail.mail.outbound;

/** The outcome of "Test connection", in a sentence a rep understands. */
public record ConnectionTestResult(boolean succeeded, Problem problem, String message) {

	public enum Problem {

		NONE, UNKNOWN_HOST, REFUSED, TIMED_OUT, TLS, AUTHENTICATION, OTHER

	}

	static ConnectionTestResult ok(String host) {
		return new ConnectionTestResult(true, Problem.NONE,
				"Connected to " + host + " and signed in. Mailtrail can send through this account.");
	}

	static ConnectionTestResult connectedWithoutSignIn(String host) {
		return new ConnectionTestResult(true, Problem.NONE,
				"Connected to " + host + ". No username is set, so Mailtrail sends without signing in.");
	}

	static ConnectionTestResult failed(Problem problem, String message) {
		return new ConnectionTestResult(false, problem, message);
	}

}
