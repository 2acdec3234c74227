-- Which modules an email is linked in, kept on the email itself so that "visible through a Public policy" is a
-- per-row test against a handful of owners instead of a search through a million links (sharing benchmark, SPEC 5).
-- Triggers keep the flags exact whoever writes email_link.
alter table email
    add column linked_to_contact  boolean not null default false,
    add column linked_to_deal     boolean not null default false,
    add column linked_to_activity boolean not null default false;

update email e
set linked_to_contact  = exists (select 1 from email_link l where l.email_id = e.id and l.record_type = 'CONTACT'),
    linked_to_deal     = exists (select 1 from email_link l where l.email_id = e.id and l.record_type = 'DEAL'),
    linked_to_activity = exists (select 1 from email_link l where l.email_id = e.id and l.record_type = 'ACTIVITY');

create function email_link_flags_refresh() returns trigger
    language plpgsql as
$$
declare
    target   uuid := coalesce(new.email_id, old.email_id);
    contacts boolean;
    deals    boolean;
    activities boolean;
begin
    -- Lock the email first: under READ COMMITTED the next statements then take a snapshot that sees every link
    -- committed by a concurrent writer of the same email, so concurrent link and unlink cannot leave a stale flag.
    perform 1 from email where id = target for no key update;
    contacts := exists (select 1 from email_link l where l.email_id = target and l.record_type = 'CONTACT');
    deals := exists (select 1 from email_link l where l.email_id = target and l.record_type = 'DEAL');
    activities := exists (select 1 from email_link l where l.email_id = target and l.record_type = 'ACTIVITY');
    update email
    set linked_to_contact = contacts, linked_to_deal = deals, linked_to_activity = activities
    where id = target
      and (linked_to_contact, linked_to_deal, linked_to_activity) is distinct from (contacts, deals, activities);
    return null;
end;
$$;

create trigger email_link_flags_after_change
    after insert or delete or update of email_id, record_type on email_link
    for each row execute function email_link_flags_refresh();

-- The email list walks emails newest first and stops after a page of visible ones.
create index email_sent_idx on email (tenant_id, sent_at desc nulls last, created_at desc);
-- Emails shared with or sent to a viewer, found from the viewer's side.
create index email_participant_tenant_address_role_idx on email_participant (tenant_id, lower(address), role);
