package com.mailtrail.mail.outbound;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.mailtrail.mail.outbound.ConnectionTestResult.Problem;
import com.mailtrail.support.HttpSession;
import com.mailtrail.support.MailtrailIntegrationTest;
import com.mailtrail.support.TestTenants;
import com.mailtrail.support.TestTenants.TestTenant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** "Test connection" against real SMTP peers: GreenMail, and sockets that refuse or never answer. */
@MailtrailIntegrationTest
class SmtpAccountIntegrationTests {

	private static final String PASSWORD = "s3cret-smtp-password";

	@LocalServerPort
	int port;

	@Autowired
	TestTenants tenants;

	@Autowired
	SmtpAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	com.mailtrail.mail.inbound.SmartBccSmtpServer smartBcc;

	GreenMail greenMail;

	TestTenant acme;

	final List<ServerSocket> sockets = new ArrayList<>();

	@BeforeEach
	void mailServer() {
		this.greenMail = new GreenMail(new ServerSetup[] { new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort(),
				new ServerSetup(0, "127.0.0.1", "smtps").dynamicPort() });
		this.greenMail.withConfiguration(GreenMailConfiguration.aConfig().withUser("rep@mail.example", "rep", PASSWORD));
		this.greenMail.start();
		this.acme = this.tenants.create("Smtp Co");
	}

	@AfterEach
	void stop() throws IOException {
		this.greenMail.stop();
		for (ServerSocket socket : this.sockets) {
			socket.close();
		}
	}

	@Test
	void signsInForRealAndSaysSo() {
		assertThat(test(settings(smtpPort(), SmtpSecurity.NONE, PASSWORD)).succeeded()).isTrue();
		assertThat(test(settings(this.greenMail.getSmtps().getPort(), SmtpSecurity.SSL, PASSWORD)).succeeded())
			.as("SSL/TLS from the first byte")
			.isTrue();
	}

	@Test
	void wrongPasswordIsAnAuthenticationProblem() {
		var result = test(settings(smtpPort(), SmtpSecurity.NONE, "wrong"));
		assertThat(result.problem()).isEqualTo(Problem.AUTHENTICATION);
		assertThat(result.message()).contains("rejected the username or password");
	}

	@Test
	void unknownHostIsNamed() {
		var result = test(new SmtpAccountSettings("no-such-host.invalid", 587, SmtpSecurity.STARTTLS, "rep", PASSWORD,
				null, "rep@mail.example"));
		assertThat(result.problem()).isEqualTo(Problem.UNKNOWN_HOST);
		assertThat(result.message()).contains("\"no-such-host.invalid\" could not be found");
	}

	@Test
	void closedPortIsARefusedConnection() throws IOException {
		int closed;
		try (ServerSocket socket = new ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		var result = test(settings(closed, SmtpSecurity.NONE, PASSWORD));
		assertThat(result.problem()).isEqualTo(Problem.REFUSED);
		assertThat(result.message()).contains("refused the connection");
	}

	@Test
	void serverThatNeverAnswersTimesOut() throws IOException {
		ServerSocket silent = new ServerSocket(0);
		this.sockets.add(silent);
		Thread acceptor = new Thread(() -> {
			try {
				Socket held = silent.accept();
				this.sockets.add(new ServerSocket(0));
				Thread.sleep(10_000);
				held.close();
			}
			catch (Exception ignored) {
				// the test is over
			}
		});
		acceptor.setDaemon(true);
		acceptor.start();
		var result = test(settings(silent.getLocalPort(), SmtpSecurity.NONE, PASSWORD));
		assertThat(result.problem()).isEqualTo(Problem.TIMED_OUT);
		assertThat(result.message()).contains("did not answer in time");
	}

	@Test
	void aServerThatOffersNoSignInIsNotReportedAsSignedIn() {
		// Mailtrail's own Smart BCC listener speaks SMTP but offers no AUTH.
		var result = test(settings(this.smartBcc.port(), SmtpSecurity.NONE, PASSWORD));
		assertThat(result.succeeded()).isFalse();
		assertThat(result.problem()).isEqualTo(Problem.AUTHENTICATION);
		assertThat(result.message()).contains("does not offer sign-in");
	}

	@Test
	void localAndPrivateAddressesAreRefusedUnlessTheDeploymentAllowsThem() {
		var strict = new OutboundSettings(java.time.Duration.ofSeconds(2), List.of(), false);
		var tester = new SmtpConnectionTester(new SmtpMailSenders(strict), strict);
		for (String host : List.of("127.0.0.1", "localhost", "10.1.2.3", "192.168.1.1", "169.254.169.254", "[::1]")) {
			var result = tester.test(new SmtpAccountSettings(host.replace("[", "").replace("]", ""), smtpPort(),
					SmtpSecurity.NONE, "rep", PASSWORD, null, "rep@mail.example"), PASSWORD);
			assertThat(result.succeeded()).as(host).isFalse();
			assertThat(result.message()).as(host).contains("local or private network");
		}
	}

	@Test
	void sslAgainstAPlainServerIsATlsProblem() {
		var result = test(settings(smtpPort(), SmtpSecurity.SSL, PASSWORD));
		assertThat(result.problem()).isEqualTo(Problem.TLS);
		assertThat(result.message()).contains("TLS");
	}

	@Test
	void passwordIsStoredEncryptedAndNeverSentBackToTheBrowser() {
		var session = new HttpSession(this.port).login(this.acme.rep().email(), TestTenants.PASSWORD);
		session.get("/settings/email");
		var saved = session.post("/settings/email/account", Map.of("host", "127.0.0.1", "port",
				String.valueOf(smtpPort()), "security", "NONE", "username", "rep", "password", PASSWORD, "senderName",
				"Rep", "senderAddress", "rep@mail.example"));
		assertThat(saved.status()).isEqualTo(302);
		String page = session.get("/settings/email").body();
		assertThat(page).contains("Outgoing email account saved").doesNotContain(PASSWORD)
			.contains("Saved; leave empty to keep it");

		byte[] stored = this.jdbc.sql("select password_ciphertext from smtp_account where user_id = :u")
			.param("u", this.acme.rep().id())
			.query(byte[].class)
			.single();
		assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(PASSWORD);

		var tested = session.post("/settings/email/account/test", Map.of("host", "127.0.0.1", "port",
				String.valueOf(smtpPort()), "security", "NONE", "username", "rep", "password", "", "senderName", "Rep",
				"senderAddress", "rep@mail.example"));
		assertThat(tested.body()).as("the stored password is used when the field is left empty")
			.contains("Mailtrail can send through this account")
			.doesNotContain(PASSWORD);
	}

	@Test
	void formErrorsSayWhatIsWrong() {
		var session = new HttpSession(this.port).login(this.acme.rep().email(), TestTenants.PASSWORD);
		session.get("/settings/email");
		var page = session.post("/settings/email/account", Map.of("host", "bad host!", "port", "70000", "security",
				"STARTTLS", "senderAddress", "Evil\r\nBcc: x@example.com"));
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("A host name has only letters, digits, dots and dashes.")
			.contains("A port is a number from 1 to 65535.")
			.contains("The address cannot contain line breaks.");
	}

	private ConnectionTestResult test(SmtpAccountSettings settings) {
		return this.acme.as(() -> this.accounts.test(this.acme.rep().id(), settings));
	}

	private int smtpPort() {
		return this.greenMail.getSmtp().getPort();
	}

	private static SmtpAccountSettings settings(int port, SmtpSecurity security, String password) {
		return new SmtpAccountSettings("127.0.0.1", port, security, "rep", password, "Rep", "rep@mail.example");
	}

}
