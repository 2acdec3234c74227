-- email_link points at contacts, deals or activities; when one of them is deleted, its links go with it.
create function email_link_drop_for_deleted_record() returns trigger language plpgsql as $$
begin
    delete from email_link where tenant_id = old.tenant_id and record_type = tg_argv[0] and record_id = old.id;
    return old;
end;
$$;

create trigger contact_drops_email_links after delete on contact
    for each row execute function email_link_drop_for_deleted_record('CONTACT');
create trigger deal_drops_email_links after delete on deal
    for each row execute function email_link_drop_for_deleted_record('DEAL');
create trigger activity_drops_email_links after delete on activity
    for each row execute function email_link_drop_for_deleted_record('ACTIVITY');
