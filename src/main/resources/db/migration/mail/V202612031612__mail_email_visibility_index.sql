-- Everything the visibility rule reads from an email besides its links, so that checking the emails found from a
-- viewer's side (shares, To/Cc, the viewer's records) needs no visit to the wide email rows.
create index if not exists email_visibility_idx on email (id) include (tenant_id, owner_id, linked_to_contact, linked_to_deal, linked_to_activity);
