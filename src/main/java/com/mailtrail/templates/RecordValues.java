package com.mailtrail.templates;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.mailtrail.crm.Viewer;
import com.mailtrail.crm.activity.ActivityService;
import com.mailtrail.crm.activity.ActivityView;
import com.mailtrail.crm.contact.ContactService;
import com.mailtrail.crm.contact.ContactView;
import com.mailtrail.crm.deal.DealService;
import com.mailtrail.crm.deal.DealView;
import com.mailtrail.security.CurrentUser;
import com.mailtrail.security.UserDirectory;
import com.mailtrail.security.UserSummary;
import com.mailtrail.tenancy.TenantRepository;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The values of every whitelisted attribute for one record, read through the CRM's services as the user: a record
 * the user may not see is "not found", and a related record they may not see (or that is missing) leaves its
 * attributes empty, so the template's fallbacks apply. The result is a plain map of strings: the renderer can reach
 * nothing else.
 */
@Component
class RecordValues {

	/** Values are written for English-speaking recipients until users have a locale of their own. */
	static final Locale LOCALE = Locale.US;

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMMM d, uuuu", LOCALE);

	private final ContactService contacts;

	private final DealService deals;

	private final ActivityService activities;

	private final UserDirectory users;

	private final TenantRepository tenants;

	RecordValues(ContactService contacts, DealService deals, ActivityService activities, UserDirectory users,
			TenantRepository tenants) {
		this.contacts = contacts;
		this.deals = deals;
		this.activities = activities;
		this.users = users;
		this.tenants = tenants;
	}

	@Transactional(readOnly = true)
	Map<String, String> of(TemplateRecordType type, UUID recordId, CurrentUser me) {
		Viewer viewer = Viewer.of(me);
		Optional<ContactView> contact = Optional.empty();
		Optional<DealView> deal = Optional.empty();
		Optional<ActivityView> activity = Optional.empty();
		switch (type) {
			case CONTACT -> contact = Optional.of(this.contacts.get(recordId, viewer));
			case DEAL -> {
				deal = Optional.of(this.deals.get(recordId, viewer));
				contact = contact(deal.get().primaryContactId(), viewer);
			}
			case ACTIVITY -> {
				activity = Optional.of(this.activities.get(recordId, viewer));
				deal = activity.get().dealId() == null ? Optional.empty()
						: this.deals.find(activity.get().dealId(), viewer);
				contact = contact(activity.get().contactId(), viewer);
				if (contact.isEmpty() && deal.isPresent()) {
					contact = contact(deal.get().primaryContactId(), viewer);
				}
			}
		}
		Set<UUID> owners = new HashSet<>();
		contact.ifPresent(c -> owners.add(c.ownerId()));
		deal.ifPresent(d -> owners.add(d.ownerId()));
		Map<UUID, UserSummary> ownerNames = this.users.byIds(owners);

		Map<String, String> values = new HashMap<>();
		contact.ifPresent(c -> {
			values.put("contact.first_name", c.firstName());
			values.put("contact.last_name", c.lastName());
			values.put("contact.full_name", c.fullName());
			values.put("contact.email", c.primaryEmail());
			values.put("contact.phone", c.phone());
			values.put("contact.company", c.company());
			values.put("contact.owner", nameOf(ownerNames.get(c.ownerId())));
		});
		deal.ifPresent(d -> {
			values.put("deal.title", d.title());
			values.put("deal.value", money(d.amount(), d.currency()));
			values.put("deal.status", capitalised(d.status().name()));
			values.put("deal.expected_close_date", date(d.expectedCloseDate()));
			values.put("deal.owner", nameOf(ownerNames.get(d.ownerId())));
		});
		activity.ifPresent(a -> {
			values.put("activity.title", a.title());
			values.put("activity.due_date", date(a.dueDate()));
			values.put("activity.type", capitalised(a.type().name()));
		});
		this.users.profile(me.userId()).ifPresent(u -> {
			values.put("user.name", u.displayName());
			values.put("user.email", u.email());
			values.put("user.phone", u.phone());
			values.put("user.title", u.jobTitle());
		});
		this.tenants.findById(me.tenantId().value()).ifPresent(t -> values.put("company.name", t.getName()));
		values.values().removeIf(java.util.Objects::isNull);
		return values;
	}

	private Optional<ContactView> contact(UUID id, Viewer viewer) {
		return id == null ? Optional.empty() : this.contacts.visibleByIds(Set.of(id), viewer).stream().findFirst();
	}

	/** e.g. "$12,500.00", "€9,900.00", "¥1,200,000"; an unknown currency code is shown before the number. */
	static String money(BigDecimal amount, String currencyCode) {
		if (amount == null) {
			return null;
		}
		try {
			Currency currency = Currency.getInstance(currencyCode);
			NumberFormat format = NumberFormat.getCurrencyInstance(LOCALE);
			format.setCurrency(currency);
			int digits = Math.max(currency.getDefaultFractionDigits(), 0);
			format.setMinimumFractionDigits(digits);
			format.setMaximumFractionDigits(digits);
			return format.format(amount);
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			return (currencyCode == null ? "" : currencyCode + " ")
					+ NumberFormat.getNumberInstance(LOCALE).format(amount);
		}
	}

	private static String date(LocalDate date) {
		return date == null ? null : DATE.format(date);
	}

	private static String capitalised(String constant) {
		String lower = constant.toLowerCase(Locale.ROOT).replace('_', ' ');
		return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
	}

	private static String nameOf(UserSummary user) {
		return user == null ? null : user.displayName();
	}

}
