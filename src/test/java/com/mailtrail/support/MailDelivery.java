package com.mailtrail.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.mailtrail.mail.inbound.SmartBccSmtpServer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Delivers mail to the running app's Smart BCC listener over a real socket, as a mail server would, and waits for
 * the processing queue to finish with it.
 */
@Component
public class MailDelivery {

	private final SmartBccSmtpServer server;

	private final JdbcClient jdbc;

	public MailDelivery(SmartBccSmtpServer server, DataSource dataSource) {
		this.server = server;
		this.jdbc = JdbcClient.create(dataSource);
	}

	public int port() {
		return this.server.port();
	}

	/** One SMTP transaction; returns the final reply line of each step (RCPT replies in order, then DATA's end). */
	public Replies send(String mailFrom, List<String> recipients, String message) {
		try (Socket socket = new Socket("127.0.0.1", port())) {
			socket.setSoTimeout(30_000);
			var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
			OutputStream out = socket.getOutputStream();
			read(in);
			command(out, in, "EHLO test.example");
			String mail = command(out, in, "MAIL FROM:<" + (mailFrom == null ? "" : mailFrom) + ">");
			List<String> rcpt = new ArrayList<>();
			for (String recipient : recipients) {
				rcpt.add(command(out, in, "RCPT TO:<" + recipient + ">"));
			}
			String data = null;
			if (rcpt.stream().anyMatch(r -> r.startsWith("250"))) {
				String go = command(out, in, "DATA");
				if (go.startsWith("354")) {
					String body = message.replace("\r\n", "\n").replace("\n", "\r\n");
					StringBuilder stuffed = new StringBuilder();
					for (String line : body.split("\r\n", -1)) {
						stuffed.append(line.startsWith(".") ? "." + line : line).append("\r\n");
					}
					out.write(stuffed.toString().getBytes(StandardCharsets.UTF_8));
					data = command(out, in, ".");
				}
				else {
					data = go;
				}
			}
			command(out, in, "QUIT");
			return new Replies(mail, rcpt, data);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public Replies send(String mailFrom, String recipient, String message) {
		return send(mailFrom, List.of(recipient), message);
	}

	/** Waits until every accepted message has been processed (or the timeout passes). */
	public void awaitProcessed() {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (Instant.now().isBefore(deadline)) {
			Integer pending = this.jdbc
				// A message retried soon (a concurrent duplicate is retried after a second) counts as pending too;
				// one backing off for longer, from a test about failures, does not hold everyone up.
				.sql("select count(*) from inbound_message where status = 'RECEIVED'"
						+ " and (attempts = 0 or next_attempt_at < now() + interval '5 seconds')")
				.query(Integer.class)
				.single();
			if (pending == 0) {
				return;
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		throw new IllegalStateException("Inbound messages still unprocessed after 30 s");
	}

	private static String command(OutputStream out, BufferedReader in, String line) throws IOException {
		out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
		out.flush();
		return read(in);
	}

	private static String read(BufferedReader in) throws IOException {
		String line;
		do {
			line = in.readLine();
			if (line == null) {
				return "(connection closed)";
			}
		}
		while (line.length() > 3 && line.charAt(3) == '-');
		return line;
	}

	public record Replies(String mail, List<String> rcpt, String data) {
	}

	/** A plain-text message with the headers a mail client writes. */
	public static String message(String from, String to, String cc, String subject, String messageId, String body) {
		StringBuilder m = new StringBuilder();
		m.append("From: ").append(from).append("\r\n");
		m.append("To: ").append(to).append("\r\n");
		if (cc != null) {
			m.append("Cc: ").append(cc).append("\r\n");
		}
		m.append("Subject: ").append(subject).append("\r\n");
		m.append("Date: Thu, 03 Dec 2026 10:00:00 +0000\r\n");
		if (messageId != null) {
			m.append("Message-ID: <").append(messageId).append(">\r\n");
		}
		m.append("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n").append(body).append("\r\n");
		return m.toString();
	}

}
