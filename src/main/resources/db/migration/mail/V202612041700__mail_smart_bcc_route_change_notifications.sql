-- The SMTP listener caches what RCPT TO needs per Smart BCC address (SmartBccRouteCache). Every change to what a
-- route answers tells every instance on commit, whichever code path made it: a regenerated token, a deactivated,
-- removed or renamed user, their secondary addresses, the strict forwarding switch.
create function smart_bcc_route_changed() returns trigger language plpgsql as $$
begin
    perform pg_notify('smart_bcc_route_changed', '');
    return null;
end
$$;

create trigger smart_bcc_route_changed after insert or update or delete or truncate on smart_bcc_route
    for each statement execute function smart_bcc_route_changed();

create trigger smart_bcc_route_changed after update of active, email, tenant_id or delete or truncate on user_account
    for each statement execute function smart_bcc_route_changed();

create trigger smart_bcc_route_changed after insert or update or delete or truncate on user_secondary_email
    for each statement execute function smart_bcc_route_changed();

create trigger smart_bcc_route_changed after insert or update of strict_forwarding, user_id, tenant_id or delete
    or truncate on mail_preference
    for each statement execute function smart_bcc_route_changed();
