package com.mailtrail.mail.inbound;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A tiny line-based SMTP client for tests: writes exactly the bytes a test asks for, so that
 * tests can also write what no well-behaved client would.
 */
final class SmtpTestClient implements Closeable {

	private Socket socket;

	private InputStream in;

	private OutputStream out;

	private SmtpTestClient(Socket socket) throws IOException {
		use(socket);
	}

	static SmtpTestClient connect(int port) throws IOException {
		Socket socket = new Socket("127.0.0.1", port);
		socket.setSoTimeout(10_000);
		return new SmtpTestClient(socket);
	}

	/** Connects and reads the greeting, then says EHLO. */
	static SmtpTestClient connectAndGreet(int port) throws IOException {
		SmtpTestClient client = connect(port);
		client.expect("220");
		client.command("EHLO client.example").expectCode("250");
		return client;
	}

	void use(Socket socket) throws IOException {
		this.socket = socket;
		this.in = socket.getInputStream();
		this.out = socket.getOutputStream();
	}

	Socket socket() {
		return this.socket;
	}

	void setReadTimeout(int millis) throws IOException {
		this.socket.setSoTimeout(millis);
	}

	SmtpTestClient send(String line) throws IOException {
		return sendRaw((line + "\r\n").getBytes(StandardCharsets.UTF_8));
	}

	SmtpTestClient sendRaw(String data) throws IOException {
		return sendRaw(data.getBytes(StandardCharsets.UTF_8));
	}

	SmtpTestClient sendRaw(byte[] data) throws IOException {
		this.out.write(data);
		this.out.flush();
		return this;
	}

	/** Sends a command and returns its reply. */
	Reply command(String line) throws IOException {
		send(line);
		return reply();
	}

	/** Reads one reply, all of its lines. */
	Reply reply() throws IOException {
		List<String> lines = new ArrayList<>();
		while (true) {
			String line = readLine();
			if (line == null) {
				throw new IOException("Connection closed; reply so far: " + lines);
			}
			lines.add(line);
			if (line.length() < 4 || line.charAt(3) != '-') {
				return new Reply(lines);
			}
		}
	}

	/** Reads a reply and checks that it starts with the expected code. */
	Reply expect(String codePrefix) throws IOException {
		Reply reply = reply();
		if (!reply.last().startsWith(codePrefix)) {
			throw new AssertionError("Expected " + codePrefix + " but got " + reply.lines());
		}
		return reply;
	}

	/** Sends one complete message transaction and returns the reply to the end of data. */
	Reply sendMessage(String mailFrom, List<String> recipients, String message) throws IOException {
		command("MAIL FROM:<" + mailFrom + ">").expectCode("250");
		for (String recipient : recipients) {
			command("RCPT TO:<" + recipient + ">").expectCode("250");
		}
		command("DATA").expectCode("354");
		sendRaw(message.replace("\r\n", "\n").replace("\n", "\r\n"));
		if (!message.endsWith("\n")) {
			sendRaw("\r\n");
		}
		send(".");
		return reply();
	}

	/** Whether the server closed the connection (end of stream within the read timeout). */
	boolean isClosedByServer() throws IOException {
		try {
			return this.in.read() == -1;
		}
		catch (SocketTimeoutException ex) {
			return false;
		}
		catch (IOException ex) {
			// A reset is a close too.
			return true;
		}
	}

	private String readLine() throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int b;
		while ((b = this.in.read()) != -1) {
			if (b == '\n') {
				String text = line.toString(StandardCharsets.UTF_8);
				return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
			}
			line.write(b);
		}
		return (line.size() > 0) ? line.toString(StandardCharsets.UTF_8) : null;
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

	record Reply(List<String> lines) {

		String last() {
			return this.lines.get(this.lines.size() - 1);
		}

		int code() {
			return Integer.parseInt(last().substring(0, 3));
		}

		Reply expectCode(String codePrefix) {
			if (!last().startsWith(codePrefix)) {
				throw new AssertionError("Expected " + codePrefix + " but got " + this.lines);
			}
			return this;
		}

		@Override
		public String toString() {
			return String.join("\n", this.lines);
		}

	}

}
