-- How many emails each owner has per combination of link flags. The email page's total is mostly "emails visible
-- through a Public policy", which depends only on the owner and the flags: summing these rows answers it without
-- reading a million emails (SPEC 5, sharing benchmark).
--
-- Writers never update a shared counter: triggers append +1/-1 rows to email_count_delta, and EmailCountCompactor
-- folds them into email_count now and then. A reader sums both tables in one statement, so the total is exact at
-- every moment and no insert ever waits for another.
create table email_count (
    tenant_id          uuid    not null references tenant (id),
    owner_id           uuid    not null,
    linked_to_contact  boolean not null,
    linked_to_deal     boolean not null,
    linked_to_activity boolean not null,
    emails             bigint  not null,
    primary key (tenant_id, owner_id, linked_to_contact, linked_to_deal, linked_to_activity)
);

create table email_count_delta (
    id                 bigint generated always as identity primary key,
    tenant_id          uuid    not null,
    owner_id           uuid    not null,
    linked_to_contact  boolean not null,
    linked_to_deal     boolean not null,
    linked_to_activity boolean not null,
    delta              integer not null
);

create index email_count_delta_tenant_idx on email_count_delta (tenant_id);

create function email_count_track() returns trigger
    language plpgsql as
$$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        insert into email_count_delta (tenant_id, owner_id, linked_to_contact, linked_to_deal, linked_to_activity, delta)
        values (old.tenant_id, old.owner_id, old.linked_to_contact, old.linked_to_deal, old.linked_to_activity, -1);
    end if;
    if tg_op in ('UPDATE', 'INSERT') then
        insert into email_count_delta (tenant_id, owner_id, linked_to_contact, linked_to_deal, linked_to_activity, delta)
        values (new.tenant_id, new.owner_id, new.linked_to_contact, new.linked_to_deal, new.linked_to_activity, 1);
    end if;
    return null;
end;
$$;

create trigger email_count_after_insert_or_delete
    after insert or delete on email
    for each row execute function email_count_track();

create trigger email_count_after_update
    after update of tenant_id, owner_id, linked_to_contact, linked_to_deal, linked_to_activity on email
    for each row
    when ((old.tenant_id, old.owner_id, old.linked_to_contact, old.linked_to_deal, old.linked_to_activity)
        is distinct from (new.tenant_id, new.owner_id, new.linked_to_contact, new.linked_to_deal, new.linked_to_activity))
    execute function email_count_track();

insert into email_count (tenant_id, owner_id, linked_to_contact, linked_to_deal, linked_to_activity, emails)
select tenant_id, owner_id, linked_to_contact, linked_to_deal, linked_to_activity, count(*)
from email
group by tenant_id, owner_id, linked_to_contact, linked_to_deal, linked_to_activity;
