package com.mailtrail.mail.outbound;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import java.util.List;

import javax.net.ssl.SSLException;

import com.mailtrail.mail.outbound.ConnectionTestResult.Problem;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import org.eclipse.angus.mail.smtp.SMTPTransport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import org.springframework.stereotype.Component;

/**
 * Connects and signs in for real, and says in one sentence what went wrong: the cause chain of a Jakarta Mail
 * failure tells an unknown host from a refused connection, a timeout, a TLS failure or rejected credentials.
 */
@Component
class SmtpConnectionTester {

	private final SmtpMailSenders senders;

	private final SmtpEndpointPolicy endpoints;

	@Autowired
	SmtpConnectionTester(SmtpMailSenders senders, SmtpEndpointPolicy endpoints) {
		this.senders = senders;
		this.endpoints = endpoints;
	}

	SmtpConnectionTester(SmtpMailSenders senders, OutboundSettings settings) {
		this(senders, new SmtpEndpointPolicy(settings, List.of()));
	}

	ConnectionTestResult test(SmtpAccountSettings account, String password) {
		String refusal = this.endpoints.refusal(account.host(), account.port());
		if (refusal != null) {
			return ConnectionTestResult.failed(Problem.REFUSED, refusal);
		}
		boolean authenticate = account.username() != null && !account.username().isBlank();
		try {
			JavaMailSenderImpl sender = this.senders.create(account, password);
			try (Transport transport = sender.getSession().getTransport("smtp")) {
				transport.connect(account.host(), account.port(), authenticate ? account.username() : null,
						authenticate ? password : null);
				// Jakarta Mail skips AUTH silently when the server does not offer it: "connected" would then claim
				// a sign-in that never happened.
				if (authenticate && transport instanceof SMTPTransport smtp && !smtp.supportsExtension("AUTH")) {
					return ConnectionTestResult.failed(Problem.AUTHENTICATION, "The server at " + account.host() + ":"
							+ account.port() + " does not offer sign-in (AUTH) on this connection, so the username "
							+ "and password were not checked. Check the port and security setting.");
				}
			}
			return authenticate ? ConnectionTestResult.ok(account.host())
					: ConnectionTestResult.connectedWithoutSignIn(account.host());
		}
		catch (AuthenticationFailedException ex) {
			return ConnectionTestResult.failed(Problem.AUTHENTICATION,
					"The server rejected the username or password. Check them, or create an app password if your "
							+ "provider requires one.");
		}
		catch (MessagingException ex) {
			return explain(account, ex);
		}
	}

	static ConnectionTestResult explain(SmtpAccountSettings account, Exception ex) {
		String where = account.host() + ":" + account.port();
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof AuthenticationFailedException) {
				return ConnectionTestResult.failed(Problem.AUTHENTICATION,
						"The server rejected the username or password.");
			}
			if (cause instanceof UnknownHostException) {
				return ConnectionTestResult.failed(Problem.UNKNOWN_HOST,
						"The host \"" + account.host() + "\" could not be found. Check its spelling.");
			}
			if (cause instanceof ConnectException) {
				return ConnectionTestResult.failed(Problem.REFUSED, "The server at " + where
						+ " refused the connection. Check the port; the server may not accept mail on it.");
			}
			if (cause instanceof SocketTimeoutException) {
				return ConnectionTestResult.failed(Problem.TIMED_OUT, "The server at " + where
						+ " did not answer in time. Check the host and port, and whether a firewall is in the way.");
			}
			if (cause instanceof SSLException) {
				return ConnectionTestResult.failed(Problem.TLS, "The secure connection to " + where
						+ " failed (TLS handshake). Check the security setting: port 465 usually needs SSL/TLS, "
						+ "port 587 STARTTLS.");
			}
		}
		String text = ex.getMessage() == null ? "" : ex.getMessage();
		if (text.toLowerCase().contains("starttls")) {
			return ConnectionTestResult.failed(Problem.TLS,
					"The server at " + where + " does not offer STARTTLS. Choose SSL/TLS or ask your provider.");
		}
		return ConnectionTestResult.failed(Problem.OTHER,
				"The server at " + where + " answered: " + firstLine(text));
	}

	private static String firstLine(String text) {
		String line = text.lines().findFirst().orElse("no answer");
		return line.length() > 200 ? line.substring(0, 200) + "…" : line;
	}

}
