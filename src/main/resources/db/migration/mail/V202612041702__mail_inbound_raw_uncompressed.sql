-- The raw message is stored out of line without compression. pglz cost PostgreSQL more CPU than anything else in
-- storing a message of prose (about 40% fewer messages per second in the intake benchmark), and most bytes of
-- real mail are base64 attachments, which it barely shrinks. Existing rows keep their compression.
alter table inbound_message alter column raw set storage external;
