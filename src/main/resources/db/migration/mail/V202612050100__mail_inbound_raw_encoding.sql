-- How inbound_message.raw holds the message: as it arrived (IDENTITY, as every row stored before this version), or
-- compressed by the application with LZ4 (LZ4; see RawMessageCodec). raw_size stays the size of the message as it
-- arrived. The column keeps STORAGE EXTERNAL: PostgreSQL's pglz would only spend time on compressed bytes.
alter table inbound_message
    add column raw_encoding varchar(16) not null default 'IDENTITY'
        constraint inbound_message_raw_encoding_check check (raw_encoding in ('IDENTITY', 'LZ4'));
