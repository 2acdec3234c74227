package com.mailtrail.signatures;

import java.util.Map;

import com.mailtrail.support.HttpSession;
import com.mailtrail.support.MailtrailIntegrationTest;
import com.mailtrail.support.TestTenants;
import com.mailtrail.support.TestTenants.TestTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@MailtrailIntegrationTest
class SignatureIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestTenants tenants;

	@Autowired
	Signatures signatures;

	TestTenant acme;

	@BeforeEach
	void tenant() {
		this.acme = this.tenants.create("Signature Co");
	}

	@Test
	void everyUserStartsWithTheDefaultSignature() {
		assertThat(this.acme.as(() -> this.signatures.signatureOf(this.acme.rep().id())))
			.isEqualTo("<p>Sent from Mailtrail</p>");
		var page = new HttpSession(this.port).login(this.acme.rep().email(), TestTenants.PASSWORD)
			.get("/settings/email/signature");
		assertThat(page.body()).contains("Sent from Mailtrail").contains("aria-current=\"page\"");
	}

	@Test
	void savedSignatureIsSanitisedAndPreviewed() {
		var session = new HttpSession(this.port).login(this.acme.rep().email(), TestTenants.PASSWORD);
		session.get("/settings/email/signature");
		var posted = session.post("/settings/email/signature", Map.of("html",
				"<p><b>Rita Rep</b> · <a href=\"https://acme.example\">Acme</a></p>"
						+ "<script>alert(1)</script><img src=x onerror=alert(2)><a href=\"javascript:alert(3)\">x</a>"));
		assertThat(posted.status()).as(posted.body()).isEqualTo(302);
		String page = session.get("/settings/email/signature").body();
		assertThat(page).contains("Signature saved.").contains("<b>Rita Rep</b>")
			.doesNotContain("alert(1)", "onerror", "javascript:");
		String stored = this.acme.as(() -> this.signatures.signatureOf(this.acme.rep().id()));
		assertThat(stored).contains("<b>Rita Rep</b>").contains("https://acme.example")
			.doesNotContain("script", "onerror", "javascript");
	}

	@Test
	void adminSetsTheCompanyDisclaimerWhichUsersSeeUnderTheirSignature() {
		var admin = new HttpSession(this.port).login(this.acme.admin().email(), TestTenants.PASSWORD);
		admin.get("/admin/disclaimer");
		admin.post("/admin/disclaimer", Map.of("html", "<p>Confidential. <i>Acme Inc</i></p><iframe src=x></iframe>"));
		assertThat(admin.get("/admin/disclaimer").body()).contains("Company disclaimer saved.").doesNotContain("<iframe");

		var rep = new HttpSession(this.port).login(this.acme.rep().email(), TestTenants.PASSWORD);
		assertThat(rep.get("/settings/email/signature").body()).contains("Confidential. <i>Acme Inc</i>");
		assertThat(rep.get("/admin/disclaimer").status()).as("only admins set it").isEqualTo(403);

		TestTenant other = this.tenants.create("Other Signature Co");
		assertThat(other.as(() -> this.signatures.disclaimer())).as("the disclaimer is the company's own").isEmpty();
	}

	@Test
	void aSignatureBecomesReadableTextForThePlainPart() {
		assertThat(Signatures.asText("<p><b>Rita</b> Rep<br>Acme Inc</p><p>+1 555</p>"))
			.isEqualTo("Rita Rep\nAcme Inc\n+1 555");
	}

	@Test
	void aPastedDocumentIsRefusedWithAMessage() {
		var session = new HttpSession(this.port).login(this.acme.rep().email(), TestTenants.PASSWORD);
		session.get("/settings/email/signature");
		session.post("/settings/email/signature", Map.of("html", "<p>" + "x".repeat(25_000) + "</p>"));
		assertThat(session.get("/settings/email/signature").body()).contains("Your signature is too long.");
	}

}
