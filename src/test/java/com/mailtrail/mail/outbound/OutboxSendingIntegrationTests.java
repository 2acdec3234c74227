package com.mailtrail.mail.outbound;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.mailtrail.mail.RecordType;
import com.mailtrail.mail.outbound.OutgoingDraft.NewAttachment;
import com.mailtrail.mail.outbound.OutgoingDraft.Recipient;
import com.mailtrail.signatures.Signatures;
import com.mailtrail.support.MailtrailIntegrationTest;
import com.mailtrail.support.TestTenants;
import com.mailtrail.support.TestTenants.TestTenant;
import com.mailtrail.tenancy.TenantContext;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The outbox sender against real receiving servers: GreenMail, and a SubEthaSMTP sink for what GreenMail lacks. */
@MailtrailIntegrationTest
class OutboxSendingIntegrationTests {

	private static final String PASSWORD = "s3cret-smtp-password";

	@Autowired
	TestTenants tenants;

	@Autowired
	SmtpAccounts accounts;

	@Autowired
	OutgoingMail outgoing;

	@Autowired
	Signatures signatures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	OutboxQueries queries;

	@Autowired
	OutboxSender sender;

	@Autowired
	OutboundSettings settings;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	OutboxSendingJob job;

	@Autowired
	jakarta.persistence.EntityManager entityManager;

	GreenMail greenMail;

	TestTenant acme;

	final List<AutoCloseable> closeables = new ArrayList<>();

	@BeforeEach
	void setUp() {
		ServerSetup smtp = new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort();
		ServerSetup smtps = new ServerSetup(0, "127.0.0.1", "smtps").dynamicPort();
		// A busy two-core machine can take longer than GreenMail's default two seconds to start SMTPS.
		smtp.setServerStartupTimeout(30_000);
		smtps.setServerStartupTimeout(30_000);
		this.greenMail = new GreenMail(new ServerSetup[] { smtp, smtps });
		this.greenMail.withConfiguration(GreenMailConfiguration.aConfig().withUser("rep@mail.example", "rep", PASSWORD));
		this.greenMail.start();
		this.acme = this.tenants.create("Outbox Co");
	}

	@AfterEach
	void tearDown() throws Exception {
		this.greenMail.stop();
		for (AutoCloseable c : this.closeables) {
			c.close();
		}
	}

	@Test
	void sendsBothPartsWithSignatureDisclaimerAttachmentsAndInternationalEncodings() throws Exception {
		account(this.greenMail.getSmtp().getPort(), SmtpSecurity.NONE, "rep", PASSWORD, "Zoë Ångström");
		this.acme.as(() -> this.signatures.saveSignature(this.acme.rep().id(), "<p>Zoë from <b>Outbox Co</b></p>"));
		this.acme.as(() -> this.signatures.saveDisclaimer("<p>Confidential: Outbox Co disclaimer.</p>",
				this.acme.admin().id()));
		byte[] pdf = "%PDF-1.4 fake".getBytes(StandardCharsets.US_ASCII);
		UUID id = submit(draft("Angebot für Müller – 東京", "<p>Hallo <b>Jürgen</b>,</p><p>anbei das Angebot.</p>"
				+ "<script>alert(1)</script>", List.of(new Recipient("Jürgen Müller", "juergen@kunde.example")),
				List.of(new NewAttachment("Angebot für Müller.pdf", "application/pdf", pdf)), true));

		awaitStatus(id, "SENT");
		MimeMessage received = this.greenMail.getReceivedMessages()[0];
		String raw = GreenMailUtil.getWholeMessage(received);
		assertThat(received.getSubject()).isEqualTo("Angebot für Müller – 東京");
		assertThat(raw).contains("Subject: =?UTF-8?").doesNotContain("Subject: Angebot für");
		InternetAddress from = (InternetAddress) received.getFrom()[0];
		assertThat(from.getPersonal()).isEqualTo("Zoë Ångström");
		assertThat(from.getAddress()).isEqualTo("rep@mail.example");
		assertThat(((InternetAddress) received.getRecipients(jakarta.mail.Message.RecipientType.TO)[0]).getPersonal())
			.isEqualTo("Jürgen Müller");
		String messageId = received.getMessageID();
		assertThat(messageId).endsWith("@mail.mailtrail.test>");
		assertThat("<" + this.jdbc.sql("select message_id from email where id = :id").param("id", id).query(String.class).single()
				+ ">").isEqualTo(messageId);

		assertThat(received.getContentType()).startsWith("multipart/mixed");
		Multipart mixed = (Multipart) received.getContent();
		Part alternativePart = mixed.getBodyPart(0);
		assertThat(alternativePart.getContentType()).startsWith("multipart/alternative");
		Multipart alternative = (Multipart) alternativePart.getContent();
		String text = (String) alternative.getBodyPart(0).getContent();
		String html = (String) alternative.getBodyPart(1).getContent();
		assertThat(alternative.getBodyPart(0).getContentType()).startsWith("text/plain");
		assertThat(alternative.getBodyPart(1).getContentType()).startsWith("text/html");
		assertThat(text).contains("Hallo Jürgen").contains("Zoë from Outbox Co")
			.contains("Confidential: Outbox Co disclaimer.");
		assertThat(text.indexOf("Zoë from")).isLessThan(text.indexOf("Confidential"));
		assertThat(html).contains("<b>Jürgen</b>").contains("Zoë from <b>Outbox Co</b>")
			.contains("Confidential: Outbox Co disclaimer.").doesNotContain("<script>");
		assertThat(html.indexOf("Zoë from")).isLessThan(html.indexOf("Confidential"));

		Part attachment = mixed.getBodyPart(1);
		assertThat(Part.ATTACHMENT).isEqualToIgnoringCase(attachment.getDisposition());
		assertThat(MimeUtility.decodeText(attachment.getFileName())).isEqualTo("Angebot für Müller.pdf");
		assertThat(raw).as("RFC 2231 parameter for a non-ASCII file name").contains("filename*=");
		try (InputStream in = attachment.getInputStream()) {
			assertThat(in.readAllBytes()).isEqualTo(pdf);
		}
		assertThat(detail(id)).as("the server's reply is kept").startsWith("250");
	}

	@Test
	void signsInOverSslAndFailsPermanentlyOnWrongPasswordUntilRetriedWithTheRightOne() {
		account(this.greenMail.getSmtps().getPort(), SmtpSecurity.SSL, "rep", PASSWORD, "Rep");
		UUID ok = submit(simpleDraft("Over SSL"));
		awaitStatus(ok, "SENT");
		assertThat(this.greenMail.getReceivedMessages()).hasSize(1);

		account(this.greenMail.getSmtp().getPort(), SmtpSecurity.NONE, "rep", "wrong-password", "Rep");
		UUID refused = submit(simpleDraft("Wrong password"));
		awaitStatus(refused, "FAILED");
		assertThat(detail(refused)).contains("rejected the sign-in");
		assertThat(this.acme.as(() -> this.outgoing.failedOf(this.acme.rep().id())))
			.extracting(OutgoingMail.FailedSend::emailId)
			.containsExactly(refused);
		assertThat(this.acme.as(() -> this.outgoing.delivery(refused)).orElseThrow().attempts())
			.as("a permanent failure is not retried").isEqualTo(1);

		account(this.greenMail.getSmtp().getPort(), SmtpSecurity.NONE, "rep", PASSWORD, "Rep");
		assertThat(this.acme.as(() -> this.outgoing.retry(refused, this.acme.other().id())))
			.as("only the owner retries").isFalse();
		assertThat(this.acme.as(() -> this.outgoing.retry(refused, this.acme.rep().id()))).isTrue();
		awaitStatus(refused, "SENT");
		assertThat(this.greenMail.getReceivedMessages()).hasSize(2);
	}

	@Test
	void sendsOverStartTls(@TempDir Path dir) throws Exception {
		SmtpTestSink sink = SmtpTestSink.requiringStartTls(sslContext(dir));
		this.closeables.add(sink);
		account(sink.port(), SmtpSecurity.STARTTLS, null, null, "Rep");
		UUID id = submit(simpleDraft("Over STARTTLS"));
		awaitStatus(id, "SENT");
		assertThat(sink.received).hasSize(1);
		assertThat(new String(sink.received.get(0), StandardCharsets.UTF_8)).contains("Subject: Over STARTTLS");

		account(sink.port(), SmtpSecurity.NONE, null, null, "Rep");
		UUID plain = submit(simpleDraft("Without TLS"));
		awaitStatus(plain, "FAILED");
		assertThat(detail(plain)).as("the server requires TLS: a 5xx, said in its words").startsWith("530");
	}

	@Test
	void retriesWhileTheServerIsDownAndSendsOnceItIsUp() throws Exception {
		int port;
		try (var socket = new java.net.ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		account(port, SmtpSecurity.NONE, null, null, "Rep");
		UUID id = submit(simpleDraft("Server down"));
		await(() -> attempts(id) >= 2, "two failed attempts");
		assertThat(status(id)).isIn("QUEUED", "SENDING");
		assertThat(detail(id)).contains("Could not reach 127.0.0.1:" + port);

		ServerSetup setup = new ServerSetup(port, "127.0.0.1", "smtp");
		setup.setServerStartupTimeout(30_000);
		GreenMail late = new GreenMail(setup);
		late.start();
		this.closeables.add(late::stop);
		awaitStatus(id, "SENT");
		assertThat(late.getReceivedMessages()).hasSize(1);
	}

	@Test
	void aTemporaryRefusalIsRetriedAndAPermanentOneFailsWithTheServersWords() {
		SmtpTestSink sink = SmtpTestSink.plain();
		this.closeables.add(sink);
		account(sink.port(), SmtpSecurity.NONE, null, null, "Rep");

		sink.rejectRecipients(451, "4.3.0 Mailbox temporarily unavailable");
		UUID later = submit(simpleDraft("Greylisted"));
		await(() -> attempts(later) >= 2, "a retry after 451");
		assertThat(detail(later)).contains("451 4.3.0 Mailbox temporarily unavailable");
		sink.acceptAgain();
		awaitStatus(later, "SENT");

		sink.rejectRecipients(550, "5.1.1 No such user here");
		UUID never = submit(simpleDraft("No such user"));
		awaitStatus(never, "FAILED");
		assertThat(detail(never)).contains("550 5.1.1 No such user here");
		assertThat(attempts(never)).isEqualTo(1);
		assertThat(sink.received).hasSize(1);
	}

	@Test
	void givesUpAfterTheLastAttempt() {
		account(1, SmtpSecurity.NONE, null, null, "Rep");
		UUID id = submit(simpleDraft("Nobody listens"));
		awaitStatus(id, "FAILED");
		assertThat(attempts(id)).isEqualTo(this.settings.maxAttempts());
		assertThat(detail(id)).startsWith("Gave up after " + this.settings.maxAttempts() + " attempts");
	}

	@Test
	void cancelledMailIsNotSentAndCanBeRetried() {
		account(1, SmtpSecurity.NONE, null, null, "Rep");
		UUID id = submit(simpleDraft("Changed my mind"));
		await(() -> attempts(id) >= 1, "a first failed attempt");
		// Refused only while a sender holds the entry (a moment between retries), so it is tried until it holds.
		await(() -> this.acme.as(() -> this.outgoing.cancel(id, this.acme.rep().id())), "a successful cancel");
		assertThat(status(id)).isEqualTo("CANCELLED");
		assertThat(this.acme.as(() -> this.outgoing.cancel(id, this.acme.rep().id())))
			.as("already cancelled").isFalse();

		account(this.greenMail.getSmtp().getPort(), SmtpSecurity.NONE, "rep", PASSWORD, "Rep");
		assertThat(this.acme.as(() -> this.outgoing.retry(id, this.acme.rep().id()))).isTrue();
		awaitStatus(id, "SENT");
	}

	@Test
	void twoSendersWorkingTheSameOutboxSendEachEmailOnce() throws Exception {
		account(this.greenMail.getSmtp().getPort(), SmtpSecurity.NONE, "rep", PASSWORD, "Rep");
		int count = 40;
		List<UUID> ids = new ArrayList<>();
		// Queued in one transaction, so the background workers and the two extra senders start on a full outbox.
		TenantContext.runAs(this.acme.id(), () -> this.transactions.executeWithoutResult(s -> {
			for (int i = 0; i < count; i++) {
				ids.add(this.outgoing.submit(simpleDraft("Parallel " + i)));
			}
		}));
		OutboxSendingJob second = new OutboxSendingJob(this.queries, this.sender, this.settings, this.transactions);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<Integer>> sent = List.of(pool.submit(this.job::drain), pool.submit(second::drain));
			for (Future<Integer> f : sent) {
				f.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		for (UUID id : ids) {
			awaitStatus(id, "SENT");
		}
		MimeMessage[] received = this.greenMail.getReceivedMessages();
		assertThat(received).hasSize(count);
		Set<String> messageIds = new HashSet<>();
		for (MimeMessage m : received) {
			messageIds.add(m.getMessageID());
		}
		assertThat(messageIds).as("no message twice").hasSize(count);
	}

	@Test
	void anEntryLeftSendingByACrashedSenderIsSentAgainOnceItsLeaseRunsOut() throws Exception {
		account(this.greenMail.getSmtp().getPort(), SmtpSecurity.NONE, "rep", PASSWORD, "Rep");
		// As if a sender claimed the entry and died: SENDING, with a lease still running.
		UUID id = TenantContext.callAs(this.acme.id(), () -> this.transactions.execute(s -> {
			UUID emailId = this.outgoing.submit(simpleDraft("Crashed mid-queue"));
			this.entityManager.flush();
			this.jdbc.sql("update outbox_entry set status = 'SENDING', attempts = 1, claim_token = :t, "
					+ "lease_until = now() + interval '1 hour' where email_id = :id")
				.param("t", UUID.randomUUID())
				.param("id", emailId)
				.update();
			return emailId;
		}));
		OutboxSendingJob restarted = new OutboxSendingJob(this.queries, this.sender, this.settings, this.transactions);
		restarted.drain();
		assertThat(status(id)).as("a running lease is respected").isEqualTo("QUEUED");
		assertThat(this.greenMail.getReceivedMessages()).isEmpty();

		this.jdbc.sql("update outbox_entry set lease_until = now() - interval '1 second' where email_id = :id")
			.param("id", id)
			.update();
		restarted.drain();
		awaitStatus(id, "SENT");
		assertThat(this.greenMail.getReceivedMessages()).hasSize(1);
		assertThat(attempts(id)).isEqualTo(2);
	}

	@Test
	void headerInjectionNeverReachesTheWire() {
		Session session = Session.getInstance(new java.util.Properties());
		var parts = new OutgoingMimeMessages.Parts("<x@mail.mailtrail.test>",
				new OutgoingMimeMessages.Address("Rep", "rep@mail.example"),
				List.of(new OutgoingMimeMessages.Address("Pat", "pat@globex.example")), List.of(), List.of(),
				"Hello\r\nBcc: victim@evil.example", "text", "<p>html</p>", List.of(), null, null, Instant.now());
		assertThatThrownBy(() -> OutgoingMimeMessages.build(session, parts))
			.isInstanceOf(OutgoingMimeMessages.HeaderInjectionException.class);
		var name = new OutgoingMimeMessages.Parts("<x@mail.mailtrail.test>",
				new OutgoingMimeMessages.Address("Rep\nBcc: victim@evil.example", "rep@mail.example"), List.of(),
				List.of(), List.of(), "Hello", "text", "<p>html</p>", List.of(), null, null, Instant.now());
		assertThatThrownBy(() -> OutgoingMimeMessages.build(session, name))
			.isInstanceOf(OutgoingMimeMessages.HeaderInjectionException.class);
	}

	@Test
	void anotherTenantSeesNothingOfTheOutbox() {
		account(1, SmtpSecurity.NONE, null, null, "Rep");
		UUID id = submit(simpleDraft("Private"));
		TestTenant other = this.tenants.create("Other Outbox Co");
		assertThat(other.as(() -> this.outgoing.delivery(id))).isEmpty();
		assertThat(other.as(() -> this.outgoing.cancel(id, other.rep().id()))).isFalse();
		assertThat(other.as(() -> this.outgoing.retry(id, other.rep().id()))).isFalse();
		assertThat(other.as(() -> this.outgoing.failedOf(other.rep().id()))).isEmpty();
	}

	private void account(int port, SmtpSecurity security, String username, String password, String name) {
		this.acme.as(() -> this.accounts.save(this.acme.rep().id(), new SmtpAccountSettings("127.0.0.1", port, security,
				username, password, name, "rep@mail.example")));
	}

	private UUID submit(OutgoingDraft draft) {
		return this.acme.as(() -> this.outgoing.submit(draft));
	}

	private OutgoingDraft simpleDraft(String subject) {
		return draft(subject, "<p>Hello</p>", List.of(new Recipient("Pat Jones", "pat@globex.example")), List.of(),
				false);
	}

	private OutgoingDraft draft(String subject, String html, List<Recipient> to, List<NewAttachment> attachments,
			boolean tracked) {
		return new OutgoingDraft(this.acme.rep().id(), to, List.of(), List.of(), subject, html, tracked, attachments,
				null, null, null, null);
	}

	private String status(UUID id) {
		return this.jdbc.sql("select delivery_status from email where id = :id").param("id", id).query(String.class).single();
	}

	private String detail(UUID id) {
		return this.jdbc.sql("select delivery_detail from email where id = :id").param("id", id).query(String.class).single();
	}

	private int attempts(UUID id) {
		return this.jdbc.sql("select attempts from outbox_entry where email_id = :id").param("id", id).query(Integer.class).single();
	}

	private void awaitStatus(UUID id, String expected) {
		await(() -> expected.equals(status(id)), "status " + expected + " of " + id);
	}

	static void await(BooleanSupplier condition, String what) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (!condition.getAsBoolean()) {
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("Timed out waiting for " + what);
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

	/** A throwaway certificate for 127.0.0.1, made with the JDK's keytool for this run only. */
	static SSLContext sslContext(Path dir) throws Exception {
		Path store = dir.resolve("sink.p12");
		Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
		Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "smtp", "-keyalg", "EC",
				"-groupname", "secp256r1", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
				"-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit")
			.redirectErrorStream(true)
			.start();
		process.getInputStream().readAllBytes();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		KeyStore keyStore = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(store)) {
			keyStore.load(in, "changeit".toCharArray());
		}
		KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keys.init(keyStore, "changeit".toCharArray());
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(keys.getKeyManagers(), null, null);
		return context;
	}

	static MimeMessage parse(byte[] raw) throws Exception {
		return new MimeMessage(Session.getInstance(new java.util.Properties()), new ByteArrayInputStream(raw));
	}

}
