package com.mailtrail.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.mailtrail.crm.activity.ActivityData;
import com.mailtrail.crm.activity.ActivityService;
import com.mailtrail.crm.activity.ActivityType;
import com.mailtrail.crm.contact.ContactData;
import com.mailtrail.crm.contact.ContactService;
import com.mailtrail.crm.deal.DealData;
import com.mailtrail.crm.deal.DealService;
import com.mailtrail.crm.deal.DealStatus;
import com.mailtrail.security.CurrentUser;
import com.mailtrail.security.Role;
import com.mailtrail.security.UserAdministration;
import com.mailtrail.templates.EmailTemplates;
import com.mailtrail.templates.TemplateData;
import com.mailtrail.templates.TemplateFolders;
import com.mailtrail.templates.TemplateRecordType;
import com.mailtrail.tenancy.TenantContext;
import com.mailtrail.tenancy.TenantId;
import com.mailtrail.mail.outbound.SmtpAccountSettings;
import com.mailtrail.mail.outbound.SmtpAccounts;
import com.mailtrail.mail.outbound.SmtpSecurity;
import com.mailtrail.security.UserDirectory;
import com.mailtrail.security.UserSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Creates the demo tenant once; a restart finds it and leaves it (and any changes made to it) alone. */
@Component
class DemoDataLoader implements ApplicationRunner {

	static final String ADMIN = "admin@acme.test";

	static final String PASSWORD = "mailtrail";

	static final Set<String> DEMO_LOGINS = Set.of(ADMIN, "alice@acme.test", "bob@acme.test");

	private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

	private final DemoMode mode;

	private final MailCatcher catcher;

	private final DemoTenantQueries tenants;

	private final SmtpAccounts smtpAccounts;

	private final UserDirectory directory;

	private final UserAdministration administration;

	private final ContactService contacts;

	private final DealService deals;

	private final ActivityService activities;

	private final EmailTemplates templates;

	private final TemplateFolders folders;

	DemoDataLoader(DemoMode mode, MailCatcher catcher, DemoTenantQueries tenants, SmtpAccounts smtpAccounts,
			UserDirectory directory, UserAdministration administration, ContactService contacts, DealService deals,
			ActivityService activities, EmailTemplates templates, TemplateFolders folders) {
		this.mode = mode;
		this.catcher = catcher;
		this.tenants = tenants;
		this.smtpAccounts = smtpAccounts;
		this.directory = directory;
		this.administration = administration;
		this.contacts = contacts;
		this.deals = deals;
		this.activities = activities;
		this.templates = templates;
		this.folders = folders;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.mode.enabled()) {
			return;
		}
		if (!this.administration.loginEmailExists(ADMIN)) {
			TenantId tenant = this.administration.signUp("Acme Inc", "Ada Admin", ADMIN, PASSWORD);
			TenantContext.runAs(tenant, this::createPipeline);
			log.info("Created the demo tenant Acme Inc: sign in as admin@acme.test, alice@acme.test or bob@acme.test "
					+ "with the password '{}'", PASSWORD);
		}
		if (this.catcher.running()) {
			this.tenants.tenantOfLogin(ADMIN).ifPresent(tenant -> TenantContext.runAs(tenant, this::pointAtCatcher));
		}
	}

	/**
	 * Demo users send through the mail catcher: their accounts are created, or moved to the catcher's port when it
	 * changed since the last start. An account a user pointed elsewhere is left alone.
	 */
	private void pointAtCatcher() {
		for (UserSummary user : this.directory.all()) {
			if (!DEMO_LOGINS.contains(user.email().toLowerCase(java.util.Locale.ROOT))) {
				continue;
			}
			boolean ours = this.smtpAccounts.of(user.id()).map(a -> MailCatcher.HOST.equals(a.getHost())).orElse(true);
			if (ours) {
				this.smtpAccounts.save(user.id(), new SmtpAccountSettings(MailCatcher.HOST, this.catcher.port(),
						SmtpSecurity.NONE, null, null, user.displayName(), user.email()));
			}
		}
	}

	private void createPipeline() {
		UUID alice = this.administration.createUser("Alice Anders", "alice@acme.test", PASSWORD, Role.USER).id();
		UUID bob = this.administration.createUser("Bob Brown", "bob@acme.test", PASSWORD, Role.USER).id();

		UUID pat = contact("Pat", "Jones", "Globex Corporation", "pat.jones@globex.example", alice, Set.of(bob));
		UUID sam = contact("Sam", "Lee", "Globex Corporation", "sam.lee@globex.example", alice, Set.of());
		UUID maria = contact("Maria", "Garcia", "Initech", "maria.garcia@initech.example", bob, Set.of(alice));
		UUID chen = contact("Wei", "Chen", "Umbrella Health", "wei.chen@umbrella.example", bob, Set.of());
		UUID olga = contact("Olga", "Petrova", "Stark Logistics", "o.petrova@stark.example", alice, Set.of());
		UUID jean = contact("Jean", "Dupont", "Soylent SA", "jean.dupont@soylent.example", bob, Set.of());

		UUID renewal = deal("Globex annual renewal", "48000", "USD", DealStatus.OPEN, pat, Set.of(sam), 30, alice,
				Set.of(bob));
		deal("Globex analytics add-on", "12500", "USD", DealStatus.OPEN, sam, Set.of(), 45, alice, Set.of());
		UUID initech = deal("Initech pilot", "9000", "EUR", DealStatus.OPEN, maria, Set.of(), 14, bob, Set.of(alice));
		deal("Umbrella Health onboarding", "22000", "USD", DealStatus.WON, chen, Set.of(), -10, bob, Set.of());
		deal("Stark Logistics fleet licences", "75000", "USD", DealStatus.LOST, olga, Set.of(), -30, alice, Set.of());
		deal("Soylent expansion", "31000", "EUR", DealStatus.OPEN, jean, Set.of(), 60, bob, Set.of());

		activity(ActivityType.CALL, "Renewal check-in with Pat", pat, renewal, 2, false, alice);
		activity(ActivityType.MEETING, "Pilot kick-off at Initech", maria, initech, 5, false, bob);
		activity(ActivityType.TASK, "Send Globex the updated quote", sam, renewal, -1, false, alice);
		activity(ActivityType.CALL, "Intro call with Olga", olga, null, -40, true, alice);
		templates(alice);
	}

	/** A shared folder with a shared deal template, and a private contact template of Alice's. */
	private void templates(UUID alice) {
		CurrentUser author = new CurrentUser(alice, TenantContext.required(), "alice@acme.test", "Alice Anders",
				Role.USER, true, null);
		UUID followUps = this.folders.create("Follow-ups", author).id();
		this.templates.create(new TemplateData(TemplateRecordType.DEAL, "Renewal check-in", followUps,
				"{{deal.title}}: next steps",
				"<p>Hi {{contact.first_name | default: \"there\"}},</p><p>Thanks for your time on {{deal.title}}. "
						+ "As discussed, the proposal comes to <b>{{deal.value}}</b>, and we are aiming to close by "
						+ "{{deal.expected_close_date | default: \"the end of the quarter\"}}.</p>"
						+ "<p>Best regards,<br>{{user.name}}<br>{{company.name}}</p>",
				true), author);
		this.templates.create(new TemplateData(TemplateRecordType.CONTACT, "First introduction", null,
				"Introducing {{company.name}}",
				"<p>Dear {{contact.first_name | default: \"Sir or Madam\"}},</p><p>I look after {{contact.company | "
						+ "default: \"your company\"}} at {{company.name}} and would love to show you what we do.</p>"
						+ "<p>{{user.name}}</p>",
				false), author);
	}

	private UUID contact(String first, String last, String company, String email, UUID owner, Set<UUID> followers) {
		return this.contacts.create(new ContactData(first, last, company, "+1 555 0100", List.of(email), owner,
				followers));
	}

	private UUID deal(String title, String amount, String currency, DealStatus status, UUID primary,
			Set<UUID> participants, int closesInDays, UUID owner, Set<UUID> followers) {
		return this.deals.create(new DealData(title, new BigDecimal(amount), currency, status, primary, participants,
				LocalDate.now().plusDays(closesInDays), owner, followers));
	}

	private void activity(ActivityType type, String title, UUID contact, UUID deal, int dueInDays, boolean done,
			UUID owner) {
		this.activities.create(new ActivityData(type, title, null, LocalDate.now().plusDays(dueInDays), done, contact,
				deal, owner, Set.of()));
	}

}
