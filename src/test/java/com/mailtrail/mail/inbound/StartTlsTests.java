package com.mailtrail.mail.inbound;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * STARTTLS with a key store generated for the test run (no private key is committed), and the
 * command injection that rides on it (CVE-2011-0411).
 */
class StartTlsTests {

	private static final String BCC = "bcc-alice@in.mailtrail.test";

	private static final String PASSWORD = "test-only-password";

	@TempDir
	static Path keyStoreDirectory;

	private static Path keyStore;

	private final TestRecipientRouter router = new TestRecipientRouter();

	private final RecordingMessageStore store = new RecordingMessageStore();

	private SmartBccSmtpServer server;

	@BeforeAll
	static void generateKeyStore() throws Exception {
		keyStore = keyStoreDirectory.resolve("smtp-test.p12");
		Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
		Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "smtp", "-keyalg", "EC",
				"-groupname", "secp256r1", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
				"-validity", "2", "-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass", PASSWORD)
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
	}

	@BeforeEach
	void startServer() {
		this.router.add(BCC);
		InboundSmtpSettings.Tls tls = new InboundSmtpSettings.Tls(keyStore.toString(), PASSWORD, "PKCS12");
		this.server = new SmartBccSmtpServer(TestSettings.defaults().tls(tls).build(), this.router, this.store);
		this.server.start();
	}

	@AfterEach
	void stopServer() {
		this.server.stop();
	}

	@Test
	void advertisesStartTlsWhenAKeyStoreIsConfigured() throws Exception {
		try (SmtpTestClient client = SmtpTestClient.connect(this.server.port())) {
			client.expect("220");

			assertThat(client.command("EHLO client.example").lines()).contains("250-STARTTLS");
		}
	}

	@Test
	void discardsCommandsPipelinedBehindStartTls() throws Exception {
		try (SmtpTestClient client = SmtpTestClient.connectAndGreet(this.server.port())) {
			// In one write, as an attacker in the middle would inject them into the plaintext.
			client.sendRaw("STARTTLS\r\nMAIL FROM:<mallory@evil.example>\r\nRCPT TO:<" + BCC + ">\r\n");
			client.expect("220");
			upgradeToTls(client);

			client.command("EHLO client.example").expectCode("250");

			// Had the injected MAIL FROM survived the handshake, this RCPT would be accepted.
			assertThat(client.command("RCPT TO:<" + BCC + ">").last()).startsWith("503");
			assertThat(client.sendMessage("alice@acme.example", List.of(BCC), "From: alice@acme.example\r\n\r\nHi")
				.last()).startsWith("250");
		}
		assertThat(this.store.single().envelope().mailFrom()).isEqualTo("alice@acme.example");
		assertThat(this.store.single().text()).contains(" with ESMTPS id ");
	}

	@Test
	void acceptsMessageFromJakartaMailOverStartTls() throws Exception {
		Properties properties = new Properties();
		properties.put("mail.smtp.host", "127.0.0.1");
		properties.put("mail.smtp.port", String.valueOf(this.server.port()));
		properties.put("mail.smtp.starttls.enable", "true");
		properties.put("mail.smtp.starttls.required", "true");
		properties.put("mail.smtp.ssl.trust", "127.0.0.1");
		Session session = Session.getInstance(properties);
		MimeMessage message = new MimeMessage(session);
		message.setFrom(new InternetAddress("alice@acme.example"));
		message.setSubject("Over TLS");
		message.setText("Hello");

		Transport.send(message, new InternetAddress[] { new InternetAddress(BCC) });

		assertThat(this.store.single().text()).contains("Subject: Over TLS");
	}

	private static void upgradeToTls(SmtpTestClient client) throws Exception {
		KeyStore trusted = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(keyStore)) {
			trusted.load(in, PASSWORD.toCharArray());
		}
		TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trustManagers.init(trusted);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, trustManagers.getTrustManagers(), null);
		SSLSocket socket = (SSLSocket) context.getSocketFactory()
			.createSocket(client.socket(), "localhost", client.socket().getPort(), true);
		socket.setSoTimeout(10_000);
		socket.startHandshake();
		client.use(socket);
	}

}
