-- Each user's outgoing SMTP account. The password is AES-GCM ciphertext under a key derived from MAILTRAIL_SECRET.
create table smtp_account (
    id                  uuid primary key,
    tenant_id           uuid         not null references tenant (id),
    user_id             uuid         not null references user_account (id) on delete cascade,
    host                varchar(255) not null,
    port                integer      not null check (port between 1 and 65535),
    security            varchar(8)   not null check (security in ('NONE', 'STARTTLS', 'SSL')),
    username            varchar(320),
    password_ciphertext bytea,
    sender_name         varchar(200),
    sender_address      varchar(320) not null,
    created_at          timestamptz  not null default now(),
    updated_at          timestamptz  not null default now(),
    unique (tenant_id, user_id)
);
