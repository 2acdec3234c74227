-- Generates the sharing benchmark's company: 200 users, 100,000 contacts, 50,000 deals (two followers each),
-- 1,000,000 emails linked to a contact each and half of them to a deal too, 5% shared with a colleague, and
-- policies spread over Private, teammates and Public. :tenant is replaced by the generator.
insert into tenant (id, name) values (':tenant', 'Sharing benchmark');

insert into user_account (id, tenant_id, email, display_name, password_hash, role)
select gen_random_uuid(), ':tenant', 'user' || i || '@sharing-bench.test', 'User ' || i, '{noop}x', 'USER'
from generate_series(1, 200) i;

create temp table bench_user as
select id, row_number() over (order by email) as n from user_account where tenant_id = ':tenant';

insert into contact (id, tenant_id, last_name, owner_id)
select gen_random_uuid(), ':tenant', 'Contact ' || i, u.id
from generate_series(1, 100000) i join bench_user u on u.n = 1 + (i % 200);

create temp table bench_contact as
select id, row_number() over (order by id) as n from contact where tenant_id = ':tenant';

insert into contact_email (id, tenant_id, contact_id, email, primary_address)
select gen_random_uuid(), ':tenant', c.id, 'contact' || c.n || '@customer.example', true from bench_contact c;

insert into deal (id, tenant_id, title, currency, status, primary_contact_id, owner_id)
select gen_random_uuid(), ':tenant', 'Deal ' || i, 'USD', case when i % 5 = 0 then 'WON' else 'OPEN' end, c.id, u.id
from generate_series(1, 50000) i
join bench_user u on u.n = 1 + (i % 200)
join bench_contact c on c.n = i;

create temp table bench_deal as
select id, owner_id, row_number() over (order by id) as n from deal where tenant_id = ':tenant';

insert into deal_follower (id, tenant_id, deal_id, user_id)
select gen_random_uuid(), ':tenant', d.id, u.id
from bench_deal d join bench_user u on u.n in (1 + ((d.n * 7) % 200), 1 + ((d.n * 13 + 1) % 200))
where u.id <> d.owner_id;

insert into conversation (id, tenant_id)
select gen_random_uuid(), ':tenant' from generate_series(1, 200000);

create temp table bench_conversation as
select id, row_number() over (order by id) as n from conversation where tenant_id = ':tenant';

-- Bulk load: the per-row triggers that keep email_count are off while emails are written; the counts are
-- computed once at the end.
alter table email disable trigger email_count_after_insert_or_delete;
alter table email disable trigger email_count_after_update;

insert into email (id, tenant_id, owner_id, direction, dedupe_key, content_sha256, conversation_id, subject,
                   from_address, sent_at)
select gen_random_uuid(), ':tenant', u.id, 'INBOUND', 'bench:' || i, 'x', c.id, 'Email ' || i,
       'contact' || (1 + i % 100000) || '@customer.example', now() - make_interval(secs => i * 30)
from generate_series(1, 1000000) i
join bench_user u on u.n = 1 + (i % 200)
join bench_conversation c on c.n = 1 + (i % 200000);

create temp table bench_email as
select id, owner_id, row_number() over (order by dedupe_key) as n from email where tenant_id = ':tenant';

insert into email_participant (id, tenant_id, email_id, role, address, counterpart, position)
select gen_random_uuid(), ':tenant', e.id, 'TO', 'contact' || (1 + e.n % 100000) || '@customer.example', true, 0
from bench_email e;

-- Bulk load: the per-row triggers that keep email.linked_to_* and the links' copies of owner and flags are off while
-- links are inserted; the links get their copies here (every email is linked to a contact, every other one to a
-- deal) and the emails their flags once afterwards.
alter table email_link disable trigger email_link_flags_after_change;
alter table email_link disable trigger email_link_copy_owner_before_write;

insert into email_link (id, tenant_id, email_id, record_type, record_id, reason, email_owner_id,
                        email_linked_to_contact, email_linked_to_deal)
select gen_random_uuid(), ':tenant', e.id, 'CONTACT', c.id, 'bench', e.owner_id, true, e.n % 2 = 0
from bench_email e join bench_contact c on c.n = 1 + (e.n % 100000);

insert into email_link (id, tenant_id, email_id, record_type, record_id, reason, email_owner_id,
                        email_linked_to_contact, email_linked_to_deal)
select gen_random_uuid(), ':tenant', e.id, 'DEAL', d.id, 'bench', e.owner_id, true, true
from bench_email e join bench_deal d on d.n = 1 + (e.n % 50000)
where e.n % 2 = 0;

update email e
set linked_to_contact = true, linked_to_deal = exists (select 1 from email_link l where l.email_id = e.id and l.record_type = 'DEAL')
where e.tenant_id = ':tenant';

alter table email_link enable trigger email_link_flags_after_change;
alter table email_link enable trigger email_link_copy_owner_before_write;

insert into email_count (tenant_id, owner_id, linked_to_contact, linked_to_deal, linked_to_activity, emails)
select tenant_id, owner_id, linked_to_contact, linked_to_deal, linked_to_activity, count(*)
from email where tenant_id = ':tenant'
group by tenant_id, owner_id, linked_to_contact, linked_to_deal, linked_to_activity;

alter table email enable trigger email_count_after_insert_or_delete;
alter table email enable trigger email_count_after_update;

insert into email_share (id, tenant_id, email_id, user_id, reason)
select gen_random_uuid(), ':tenant', e.id, u.id, 'MANUAL'
from bench_email e join bench_user u on u.n = 1 + (((e.n / 20) * 31) % 200)
where e.n % 20 = 0 and u.id <> e.owner_id;

insert into email_sharing_policy (id, tenant_id, user_id, module, level)
select gen_random_uuid(), ':tenant', u.id, m.module,
       case (u.n + m.k) % 3 when 0 then 'PRIVATE' when 1 then 'TEAM' else 'PUBLIC' end
from bench_user u cross join (values ('DEALS', 0), ('CONTACTS', 1), ('ACTIVITIES', 2)) as m(module, k);

-- Steady state, as autovacuum leaves a table: statistics, and the visibility map that index-only scans rely on.
vacuum analyze;
