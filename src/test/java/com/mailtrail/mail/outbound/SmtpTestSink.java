package com.mailtrail.mail.outbound;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.ssl.SSLContext;

import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.SMTPServer;

/**
 * A receiving SMTP server for what GreenMail cannot play: a server that answers with a chosen 4xx/5xx code, or one
 * that requires STARTTLS (GreenMail 2.1 offers SMTPS but no STARTTLS).
 */
final class SmtpTestSink implements AutoCloseable {

	private final SMTPServer server;

	final List<byte[]> received = new CopyOnWriteArrayList<>();

	private volatile RejectException rejectRecipients;

	private SmtpTestSink(SSLContext startTls) {
		SMTPServer.Builder builder = SMTPServer.port(0)
			.bindAddress(loopback())
			.hostName("sink.test")
			.messageHandlerFactory(context -> new Handler());
		if (startTls != null) {
			builder.enableTLS(true).requireTLS(true).startTlsSocketFactory(startTls);
		}
		this.server = builder.build();
		this.server.start();
	}

	static SmtpTestSink plain() {
		return new SmtpTestSink(null);
	}

	static SmtpTestSink requiringStartTls(SSLContext context) {
		return new SmtpTestSink(context);
	}

	/** From now on every RCPT TO gets this reply. */
	void rejectRecipients(int code, String text) {
		this.rejectRecipients = new RejectException(code, text);
	}

	void acceptAgain() {
		this.rejectRecipients = null;
	}

	int port() {
		return this.server.getPortAllocated();
	}

	@Override
	public void close() {
		this.server.stop();
	}

	private static InetAddress loopback() {
		try {
			return InetAddress.getByName("127.0.0.1");
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private final class Handler implements MessageHandler {

		@Override
		public void from(String from) {
		}

		@Override
		public void recipient(String recipient) throws RejectException {
			RejectException reject = SmtpTestSink.this.rejectRecipients;
			if (reject != null) {
				throw new RejectException(reject.getCode(), reject.getMessage());
			}
		}

		@Override
		public String data(InputStream data) throws IOException {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			data.transferTo(bytes);
			SmtpTestSink.this.received.add(bytes.toByteArray());
			return null;
		}

		@Override
		public void done() {
		}

	}

}
