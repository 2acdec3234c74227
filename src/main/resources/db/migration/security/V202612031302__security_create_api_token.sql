create table api_token (
    id           uuid primary key,
    tenant_id    uuid         not null references tenant (id),
    user_id      uuid         not null references user_account (id) on delete cascade,
    name         varchar(100) not null,
    -- SHA-256 of the token: the token itself is shown once and never stored.
    token_hash   varchar(64)    not null unique,
    token_hint   varchar(16)  not null,
    created_at   timestamptz  not null default now(),
    last_used_at timestamptz
);

create index api_token_user_idx on api_token (tenant_id, user_id);
