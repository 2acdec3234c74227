-- email.inbound_message_id references inbound_message with ON DELETE SET NULL: without an index, removing inbound
-- messages (a user's, when the user is deleted) scanned every email of the deployment per message.
create index email_inbound_message_idx on email (inbound_message_id) where inbound_message_id is not null;
