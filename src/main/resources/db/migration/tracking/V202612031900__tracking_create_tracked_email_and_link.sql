-- An email sent with open and click tracking. token_id is the random part of the open pixel's token; the token
-- itself (random part + HMAC) is rebuilt from it with the deployment secret, so the database alone cannot forge one.
-- Lookups by token come from the unauthenticated /t/ endpoints before any tenant is known: the unique indexes on
-- token_id are deliberately global.
create table tracked_email (
    email_id   uuid primary key references email (id) on delete cascade,
    tenant_id  uuid          not null references tenant (id),
    owner_id   uuid          not null references user_account (id),
    subject    varchar(2000),
    recipients varchar(2000),
    token_id   bytea         not null unique,
    created_at timestamptz   not null default now()
);

create index tracked_email_owner_idx on tracked_email (tenant_id, owner_id, created_at);

-- One rewritten link of a tracked email: its position among the email's links and the exact target URL. A retried
-- send finds the same (email, position, url) and so produces the same token.
create table tracked_link (
    id         uuid primary key,
    tenant_id  uuid          not null references tenant (id),
    email_id   uuid          not null references tracked_email (email_id) on delete cascade,
    position   integer       not null,
    url        text          not null,
    token_id   bytea         not null unique,
    created_at timestamptz   not null default now(),
    unique (tenant_id, email_id, position, url)
);
