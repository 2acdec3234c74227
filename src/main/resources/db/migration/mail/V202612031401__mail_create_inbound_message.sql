-- The raw message as accepted over SMTP, one row per recipient user, and the durable queue of its processing.
create table inbound_message (
    id              uuid primary key,
    tenant_id       uuid         not null references tenant (id),
    user_id         uuid         not null references user_account (id) on delete cascade,
    smtp_session    varchar(64)  not null,
    envelope_from   varchar(998),
    remote_address  varchar(100),
    received_at     timestamptz  not null,
    raw             bytea        not null,
    raw_size        integer      not null,
    status          varchar(16)  not null default 'RECEIVED' check (status in ('RECEIVED', 'PROCESSED', 'FAILED')),
    attempts        integer      not null default 0,
    next_attempt_at timestamptz  not null default now(),
    last_error      varchar(2000),
    email_id        uuid
);

-- What the processing job claims: small, because processed rows leave it.
create index inbound_message_pending_idx on inbound_message (next_attempt_at) where status = 'RECEIVED';
create index inbound_message_user_idx on inbound_message (tenant_id, user_id, received_at desc);
