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

	private static final String PUBLIC_GRANT = """
			(x.owner_id in (select p.user_id from email_sharing_policy p
			                where p.tenant_id = :tenant and p.module = '%1$s' and p.level = 'PUBLIC')
			 and not exists (select 1 from crm_record_visibility v
			                 where v.tenant_id = :tenant and v.module = '%1$s' and v.scope = 'OWNER_AND_FOLLOWERS'))""";

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
			       or (x.owner_id <> :viewer
			           and ((x.linked_to_deal and %s) or (x.linked_to_contact and %s) or (x.linked_to_activity and %s))))
			""".formatted(PUBLIC_GRANT.formatted("DEALS"), PUBLIC_GRANT.formatted("CONTACTS"),
			PUBLIC_GRANT.formatted("ACTIVITIES"));

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
	 * Makes the rest of the transaction look emails up one by one through their index. The colleagues' emails a
	 * viewer may see besides Public ones are found from the viewer's side (a few thousand at most); PostgreSQL
	 * underestimates how selective that is and would rather hash-join them against every email of the company,
	 * and a generic plan for the prepared statement, made without the viewer's numbers, is worse still.
	 */
	void preferIndexLookups() {
		// One round trip; set_config(..., true) is SET LOCAL: it ends with the transaction.
		this.jdbc.sql("""
				select set_config('plan_cache_mode', 'force_custom_plan', true),
				       set_config('enable_hashjoin', 'off', true),
				       set_config('enable_mergejoin', 'off', true),
				       set_config('max_parallel_workers_per_gather', '0', true)
				""").query().listOfRows();
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
