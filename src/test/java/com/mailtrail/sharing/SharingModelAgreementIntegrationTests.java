package com.mailtrail.sharing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import com.mailtrail.crm.CrmModule;
import com.mailtrail.crm.RecordVisibility;
import com.mailtrail.crm.VisibilityScope;
import com.mailtrail.crm.activity.ActivityData;
import com.mailtrail.crm.activity.ActivityService;
import com.mailtrail.crm.activity.ActivityType;
import com.mailtrail.crm.contact.ContactData;
import com.mailtrail.crm.contact.ContactService;
import com.mailtrail.crm.deal.DealData;
import com.mailtrail.crm.deal.DealService;
import com.mailtrail.crm.deal.DealStatus;
import com.mailtrail.mail.Conversation;
import com.mailtrail.mail.ConversationRepository;
import com.mailtrail.mail.Direction;
import com.mailtrail.mail.Email;
import com.mailtrail.mail.EmailCountCompactor;
import com.mailtrail.mail.EmailLinks;
import com.mailtrail.mail.EmailRepository;
import com.mailtrail.mail.EmailShares;
import com.mailtrail.mail.ParticipantRole;
import com.mailtrail.mail.RecordType;
import com.mailtrail.mail.VisibleEmails;
import com.mailtrail.security.Role;
import com.mailtrail.security.UserAdministration;
import com.mailtrail.sharing.SharingModel.Mail;
import com.mailtrail.sharing.SharingModel.Rec;
import com.mailtrail.support.MailtrailIntegrationTest;
import com.mailtrail.support.TestTenants;
import com.mailtrail.support.TestTenants.TestTenant;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random companies (users, records, follows, links, shares, Cc, policies, restricted modules): for every viewer the
 * database's answer must equal the plain-Java model's, both on each record's timeline and opened directly.
 */
@MailtrailIntegrationTest
class SharingModelAgreementIntegrationTests {

	private static final int TENANTS = 4;

	@Autowired
	TestTenants tenants;

	@Autowired
	UserAdministration administration;

	@Autowired
	ContactService contacts;

	@Autowired
	DealService deals;

	@Autowired
	ActivityService activities;

	@Autowired
	EmailRepository emails;

	@Autowired
	VisibleEmails visibleEmails;

	@Autowired
	EmailCountCompactor countCompactor;

	@Autowired
	ConversationRepository conversations;

	@Autowired
	EmailLinks links;

	@Autowired
	EmailShares shares;

	@Autowired
	SharingPolicies policies;

	@Autowired
	RecordVisibility recordVisibility;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void theDatabaseAndTheModelAgreeForEveryViewerOnRandomCompanies() {
		long seed = System.nanoTime();
		Random random = new Random(seed);
		int checks = 0;
		for (int t = 0; t < TENANTS; t++) {
			checks += checkRandomTenant(random, seed);
		}
		assertThat(checks).isGreaterThan(500);
	}

	private int checkRandomTenant(Random random, long seed) {
		TestTenant tenant = this.tenants.create("Random Co");
		SharingModel model = new SharingModel();
		List<UUID> users = new ArrayList<>(List.of(tenant.admin().id(), tenant.rep().id(), tenant.other().id()));
		List<String> addresses = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			String address = "u" + i + "-" + UUID.randomUUID().toString().substring(0, 6) + "@random.example";
			users.add(tenant.as(() -> this.administration.createUser("U" + users.size(), address,
					TestTenants.PASSWORD, Role.USER).id()));
		}
		for (UUID user : users) {
			addresses.add(tenant.as(() -> this.administration.get(user).getEmail()));
		}
		List<Rec> records = new ArrayList<>();
		tenant.as(() -> {
			for (RecordType type : RecordType.values()) {
				if (random.nextInt(3) == 0) {
					this.recordVisibility.change(module(type), VisibilityScope.OWNER_AND_FOLLOWERS);
					model.restricted.add(type);
				}
				for (int i = 0; i < 3; i++) {
					UUID owner = pick(random, users);
					Set<UUID> followers = someOf(random, users, 2);
					followers.remove(owner);
					records.add(new Rec(type, create(type, owner, followers), owner, followers));
				}
			}
			for (UUID user : users) {
				for (RecordType type : RecordType.values()) {
					SharingLevel level = SharingLevel.values()[random.nextInt(3)];
					this.policies.change(user, user, sharingModule(type), level);
					model.policies.computeIfAbsent(user, u -> new java.util.HashMap<>()).put(type, level);
				}
			}
			return null;
		});
		List<Mail> mails = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			UUID owner = pick(random, users);
			Set<UUID> cc = someOf(random, users, 1);
			Set<UUID> shared = someOf(random, users, 1);
			shared.remove(owner);
			List<Rec> linked = new ArrayList<>(someOf(random, records, 2));
			// The tenant is bound before the transaction starts: Hibernate fixes a session's tenant when it opens.
			UUID emailId = tenant.as(() -> this.transactions.execute(s -> {
				Conversation conversation = this.conversations.save(new Conversation());
				Email email = new Email(owner, Direction.INBOUND, null, "random:" + UUID.randomUUID(), "x",
						conversation);
				email.describe("Random " + seed, null, "someone@random.example", java.time.Instant.now());
				cc.forEach(u -> email.addParticipant(ParticipantRole.CC, null, addresses.get(users.indexOf(u)), false));
				return this.emails.save(email).getId();
			}));
			tenant.as(() -> {
				linked.forEach(r -> this.links.link(emailId, r.type(), r.id(), "random", owner));
				if (!shared.isEmpty()) {
					this.shares.share(emailId, shared, owner);
				}
				return null;
			});
			mails.add(new Mail(emailId, owner, shared, cc, linked));
		}
		int checks = 0;
		// Totals come from per-owner counts plus deltas not yet folded in: both states must give the same answer.
		checks += checkTotals(tenant, users, mails, model, seed);
		this.countCompactor.compact();
		checks += checkTotals(tenant, users, mails, model, seed);
		// Unlinking changes the email's flags and, through triggers, the copies on its remaining links.
		for (int i = 0; i < mails.size(); i++) {
			Mail mail = mails.get(i);
			if (!mail.links().isEmpty() && random.nextBoolean()) {
				Rec gone = pick(random, mail.links());
				assertThat(tenant.as(() -> this.links.unlink(mail.id(), gone.type(), gone.id()))).isTrue();
				List<Rec> left = new ArrayList<>(mail.links());
				left.remove(gone);
				mails.set(i, new Mail(mail.id(), mail.owner(), mail.sharedWith(), mail.inToOrCc(), left));
			}
		}
		checks += checkTotals(tenant, users, mails, model, seed);
		for (UUID viewer : users) {
			for (Mail mail : mails) {
				boolean direct = tenant.as(() -> this.emails.findVisible(mail.id(), viewer)).isPresent();
				assertThat(direct).as("seed %d: email %s opened by %s", seed, mail, viewer)
					.isEqualTo(model.visibleDirectly(mail, viewer));
				checks++;
			}
			for (Rec record : records) {
				Set<UUID> onTimeline = new HashSet<>();
				tenant.as(() -> this.emails.findVisibleLinkedTo(record.type(), record.id(), viewer))
					.forEach(e -> onTimeline.add(e.getId()));
				for (Mail mail : mails) {
					assertThat(onTimeline.contains(mail.id()))
						.as("seed %d: email %s on the timeline of %s for %s", seed, mail, record, viewer)
						.isEqualTo(model.visibleOnTimeline(mail, record, viewer));
					checks++;
				}
			}
		}
		return checks;
	}

	private int checkTotals(TestTenant tenant, List<UUID> users, List<Mail> mails, SharingModel model, long seed) {
		int checks = 0;
		for (UUID viewer : users) {
			List<Mail> visible = mails.stream().filter(m -> model.visibleDirectly(m, viewer)).toList();
			assertThat(total(tenant, null, "all", viewer)).as("seed %d: total for %s", seed, viewer)
				.isEqualTo(visible.size());
			assertThat(total(tenant, null, "shared", viewer)).as("seed %d: shared total for %s", seed, viewer)
				.isEqualTo(visible.stream().filter(m -> !m.owner().equals(viewer)).count());
			assertThat(total(tenant, true, "all", viewer)).as("seed %d: linked total for %s", seed, viewer)
				.isEqualTo(visible.stream().filter(m -> !m.links().isEmpty()).count());
			assertThat(total(tenant, false, "all", viewer)).as("seed %d: unlinked total for %s", seed, viewer)
				.isEqualTo(visible.stream().filter(m -> m.links().isEmpty()).count());
			checks++;
		}
		return checks;
	}

	/** The email page's total, which counts Public grants from per-owner counts; a page of one forces the count. */
	private long total(TestTenant tenant, Boolean linked, String scope, UUID viewer) {
		return tenant.as(() -> this.visibleEmails.search("%%", linked, scope, viewer, PageRequest.of(0, 1)))
			.getTotalElements();
	}

	private UUID create(RecordType type, UUID owner, Set<UUID> followers) {
		return switch (type) {
			case CONTACT -> this.contacts.create(new ContactData(null, "Random", null, null, List.of(), owner, followers));
			case DEAL -> this.deals.create(new DealData("Random", BigDecimal.ONE, "USD", DealStatus.OPEN, null, Set.of(),
					null, owner, followers));
			case ACTIVITY -> this.activities.create(new ActivityData(ActivityType.TASK, "Random", null, null, false, null,
					null, owner, followers));
		};
	}

	private static CrmModule module(RecordType type) {
		return switch (type) {
			case CONTACT -> CrmModule.CONTACTS;
			case DEAL -> CrmModule.DEALS;
			case ACTIVITY -> CrmModule.ACTIVITIES;
		};
	}

	private static SharingModule sharingModule(RecordType type) {
		return switch (type) {
			case CONTACT -> SharingModule.CONTACTS;
			case DEAL -> SharingModule.DEALS;
			case ACTIVITY -> SharingModule.ACTIVITIES;
		};
	}

	private static <T> T pick(Random random, List<T> values) {
		return values.get(random.nextInt(values.size()));
	}

	private static <T> Set<T> someOf(Random random, List<T> values, int max) {
		Set<T> chosen = new LinkedHashSet<>();
		int count = random.nextInt(max + 1);
		for (int i = 0; i < count; i++) {
			chosen.add(pick(random, values));
		}
		return chosen;
	}

}
