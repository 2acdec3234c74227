package com.mailtrail.mail;

import java.util.UUID;

import com.mailtrail.tenancy.TenantContext;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of email_count: how many emails of the current tenant a viewer owns or sees through a colleague's Public policy:
 * {@link EmailRepository#PUBLIC_GRANTS} applied to the per-owner counts kept by triggers (email_count plus the deltas not yet folded in), so that the
 * email page's total needs no pass over every email. The sharing model test checks the totals against the rules.
 */
@Component
class EmailCountQueries {

	private static final long LOCK = 0x6d61696c636f756eL;

	/** The Public grant of the owner {@code %1$s} of an email linked in module {@code %2$s} (flag {@code %3$s}). */
	private static final String PUBLIC_GRANT = """
			(%3$s
			 and %1$s in (select p.user_id from email_sharing_policy p
			              where p.tenant_id = :tenant and p.module = '%2$s' and p.level = 'PUBLIC')
			 and not exists (select 1 from crm_record_visibility v
			                 where v.tenant_id = :tenant and v.module = '%2$s' and v.scope = 'OWNER_AND_FOLLOWERS'))""";

	/** Whether an email with these owner and flag columns is visible to everyone through a Public policy. */
	private static String publicGrants(String owner, String contactFlag, String dealFlag, String activityFlag) {
		return "(" + PUBLIC_GRANT.formatted(owner, "DEALS", dealFlag) + "\n or "
				+ PUBLIC_GRANT.formatted(owner, "CONTACTS", contactFlag) + "\n or "
				+ PUBLIC_GRANT.formatted(owner, "ACTIVITIES", activityFlag) + ")";
	}

	private static final String SQL = """
			select coalesce(sum(x.emails), 0) from (
			    select owner_id, linked_to_contact, linked_to_deal, linked_to_activity, emails
			    from email_count where tenant_id = :tenant
			    union all
			    select owner_id, linked_to_contact, linked_to_deal, linked_to_activity, delta
			    from email_count_delta where tenant_id = :tenant
			) x
			where (cast(:linked as boolean) is null
			       or (x.linked_to_contact or x.linked_to_deal or x.linked_to_activity) = cast(:linked as boolean))
			  and ((:includeOwn and x.owner_id = :viewer)
			       or (x.owner_id <> :viewer and %s))
			""".formatted(publicGrants("x.owner_id", "x.linked_to_contact", "x.linked_to_deal", "x.linked_to_activity"));

	/**
	 * Emails linked to a record of one module that the viewer owns or follows, whose owner's policy for the module
	 * lets the record's owner and followers in, and that no Public policy shows to everyone anyway (%1$s: the record
	 * type, %2$s the record table, its followers in %2$s_follower with the record in column %3$s, %4$s the sharing
	 * module, %5$s the Public grants over the link's copies). Read from email_link_grant_idx alone.
	 */
	private static final String THROUGH_VIEWERS_RECORDS = """
			select l.email_id from email_link l
			where l.tenant_id = :tenant and l.record_type = '%1$s' and l.email_owner_id <> :viewer
			  and cast(:linked as boolean) is distinct from false
			  and l.record_id in (select r.id from %2$s r where r.tenant_id = :tenant and r.owner_id = :viewer
			                      union all
			                      select f.%3$s from %2$s_follower f where f.tenant_id = :tenant and f.user_id = :viewer)
			  and l.email_owner_id in (select p.user_id from email_sharing_policy p
			                           where p.tenant_id = :tenant and p.module = '%4$s' and p.level in ('TEAM', 'PUBLIC'))
			  and not %5$s
			""";

	/**
	 * The colleagues' emails visible to the viewer other than through a Public policy: shared with the viewer, with
	 * the viewer in To or Cc, or linked to the viewer's records under a policy of teammates and owner (or Public in a
	 * module restricted to owners and followers). The same rule as EmailRepository.VISIBLE minus PUBLIC_GRANTS and
	 * ownership, read from the viewer's side; the sharing model test checks that the totals agree.
	 */
	private static final String BESIDES_PUBLIC_AND_OWN = """
			select count(*) from (
			%s
			    union
			%s
			    union
			%s
			    union
			    select e.id from email e
			    where e.tenant_id = :tenant and e.owner_id <> :viewer
			      and e.id in (select s.email_id from email_share s where s.tenant_id = :tenant and s.user_id = :viewer
			                   union all
			                   select p.email_id from email_participant p
			                   where p.tenant_id = :tenant and p.role in ('TO', 'CC', 'ORIGINAL_TO', 'ORIGINAL_CC')
			                     and lower(p.address) in (select lower(u.email) from user_account u
			                                              where u.tenant_id = :tenant and u.id = :viewer
			                                              union all
			                                              select lower(x.email) from user_secondary_email x
			                                              where x.tenant_id = :tenant and x.user_id = :viewer))
			      and (cast(:linked as boolean) is null
			           or (e.linked_to_contact or e.linked_to_deal or e.linked_to_activity) = cast(:linked as boolean))
			      and not %s
			) visible
			""".formatted(throughViewersRecords("DEAL", "deal", "deal_id", "DEALS"),
			throughViewersRecords("CONTACT", "contact", "contact_id", "CONTACTS"),
			throughViewersRecords("ACTIVITY", "activity", "activity_id", "ACTIVITIES"),
			publicGrants("e.owner_id", "e.linked_to_contact", "e.linked_to_deal", "e.linked_to_activity"));

	private static String throughViewersRecords(String recordType, String table, String followerColumn,
			String module) {
		return THROUGH_VIEWERS_RECORDS.formatted(recordType, table, followerColumn, module, publicGrants(
				"l.email_owner_id", "l.email_linked_to_contact", "l.email_linked_to_deal", "l.email_linked_to_activity"));
	}

	private static final String FOLD = """
			with moved as (
			    delete from email_count_delta
			    where id in (select id from email_count_delta order by id limit 50000)
			    returning tenant_id, owner_id, linked_to_contact, linked_to_deal, linked_to_activity, delta
			)
			insert into email_count (tenant_id, owner_id, linked_to_contact, linked_to_deal, linked_to_activity, emails)
			select tenant_id, owner_id, linked_to_contact, linked_to_deal, linked_to_activity, sum(delta)
			from moved
			group by tenant_id, owner_id, linked_to_contact, linked_to_deal, linked_to_activity
			on conflict (tenant_id, owner_id, linked_to_contact, linked_to_deal, linked_to_activity)
			do update set emails = email_count.emails + excluded.emails
			""";

	private final JdbcClient jdbc;

	EmailCountQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * How many colleagues' emails the viewer sees other than through a Public policy (see
	 * {@link #BESIDES_PUBLIC_AND_OWN}); with {@link #publicOrOwn} it makes the email page's total.
	 * @param linked only emails with links (true), without (false), or both (null)
	 */
	long besidesPublicAndOwn(Boolean linked, UUID viewer) {
		// A plan made for this viewer's numbers: a generic plan, made without them, joins the policies against every
		// link of the viewer's records instead of probing them (50 times slower in the sharing benchmark).
		this.jdbc.sql("select set_config('plan_cache_mode', 'force_custom_plan', true)").query().listOfRows();
		return this.jdbc.sql(BESIDES_PUBLIC_AND_OWN)
			.param("tenant", TenantContext.required().value())
			.param("linked", linked)
			.param("viewer", viewer)
			.query(Long.class)
			.single();
	}

	/**
	 * Colleagues' emails visible through a Public policy, and the viewer's own if asked.
	 * @param linked only emails with links (true), without (false), or both (null)
	 */
	long publicOrOwn(Boolean linked, UUID viewer, boolean includeOwn) {
		return this.jdbc.sql(SQL)
			.param("tenant", TenantContext.required().value())
			.param("linked", linked)
			.param("viewer", viewer)
			.param("includeOwn", includeOwn)
			.query(Long.class)
			.single();
	}

	/**
	 * Folds waiting deltas into the counts, unless another instance is doing it (advisory lock); call inside a
	 * transaction. Each row keeps its tenant: nothing moves between tenants.
	 * @return how many counts changed
	 */
	int foldDeltas() {
		boolean locked = this.jdbc.sql("select pg_try_advisory_xact_lock(?)").param(LOCK).query(Boolean.class).single();
		return locked ? this.jdbc.sql(FOLD).update() : 0;
	}

}
