package com.mailtrail.tools;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import com.mailtrail.mail.inbound.SmartBccSmtpServer;
import com.mailtrail.support.MailtrailIntegrationTest;
import com.mailtrail.support.TestTenants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's DeliverEml command against the running app, on a folder of messages written here. */
@MailtrailIntegrationTest
class DeliverEmlIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	SmartBccSmtpServer smtp;

	@Autowired
	TestTenants tenants;

	@TempDir
	Path folder;

	@Test
	void deliversEveryFilePrintsWhatWasUnderstoodAndScoresItAgainstAManifest() throws Exception {
		var acme = this.tenants.create("Deliver Co");
		String marker = UUID.randomUUID().toString().substring(0, 8);
		Files.createDirectories(this.folder.resolve("forwarded"));
		// Bare LF line endings and a leading dot: the tool must send them as a mail server would.
		Files.writeString(this.folder.resolve("plain.eml"), "From: Pat <pat@globex.example>\nTo: "
				+ acme.rep().email() + "\nSubject: Plain " + marker + "\nMessage-ID: <" + marker
				+ ".1@globex.example>\n\nHello\n.hidden line\n");
		Files.writeString(this.folder.resolve("forwarded/inline.eml"), "From: " + acme.rep().email()
				+ "\nTo: someone@example.com\nSubject: Fwd: Quote " + marker + "\nMessage-ID: <" + marker
				+ ".2@acme.example>\n\nFYI\n\n---------- Forwarded message ---------\nFrom: Sam Lee <sam@globex.example>\n"
				+ "Date: Mon, 30 Nov 2026 at 09:15\nSubject: Quote " + marker + "\nTo: " + acme.rep().email() + "\n\nPrices?\n");
		Path manifest = this.folder.resolve("MANIFEST.tsv");
		Files.writeString(manifest, "file\texpected_from\texpected_subject\texpected_original_sender_if_forwarded\t"
				+ "expected_attachment_count\n" + "plain.eml\tPat <pat@globex.example>\tPlain " + marker + "\t\t0\n"
				+ "forwarded/inline.eml\t" + acme.rep().email() + "\tFwd: Quote " + marker
				+ "\tSam Lee <sam@globex.example>\t0\n");

		ByteArrayOutputStream output = new ByteArrayOutputStream();
		DeliverEml tool = new DeliverEml("127.0.0.1", this.smtp.port(), "http://localhost:" + this.port,
				new PrintStream(output, true, StandardCharsets.UTF_8));
		int notAccepted = tool.run(this.folder, acme.rep().email(), TestTenants.PASSWORD, manifest);

		String report = output.toString(StandardCharsets.UTF_8);
		assertThat(notAccepted).as(report).isZero();
		assertThat(report).contains("== plain.eml", "SMTP: 250 2.0.0 Ok: stored as", "sender: Pat <pat@globex.example>")
			.contains("== forwarded/inline.eml", "original sender: Sam Lee <sam@globex.example>")
			.contains("2 files, 2 accepted, 0 not accepted")
			.contains("overall             7 /    7  100.0%")
			.doesNotContain("MISMATCH");
	}

}
