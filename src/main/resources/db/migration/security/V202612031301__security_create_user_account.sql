create table user_account (
    id            uuid primary key,
    tenant_id     uuid         not null references tenant (id),
    email         varchar(320) not null,
    display_name  varchar(200) not null,
    password_hash varchar(200) not null,
    role          varchar(16)  not null check (role in ('ADMIN', 'USER')),
    active        boolean      not null default true,
    phone         varchar(50),
    job_title     varchar(200),
    created_at    timestamptz  not null default now()
);

-- A login address identifies one user across the whole deployment.
create unique index user_account_login_email_uq on user_account (lower(email));
create index user_account_tenant_idx on user_account (tenant_id, display_name);

create table user_secondary_email (
    id        uuid primary key,
    tenant_id uuid         not null references tenant (id),
    user_id   uuid         not null references user_account (id) on delete cascade,
    email     varchar(320) not null
);

create unique index user_secondary_email_uq on user_secondary_email (tenant_id, lower(email));
create index user_secondary_email_user_idx on user_secondary_email (tenant_id, user_id);
