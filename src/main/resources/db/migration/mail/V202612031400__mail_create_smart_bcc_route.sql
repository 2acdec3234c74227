-- Tenant-agnostic by design: the SMTP listener finds the tenant from the address before any tenant is known.
create table smart_bcc_route (
    token      varchar(64) primary key,
    tenant_id  uuid        not null references tenant (id),
    user_id    uuid        not null references user_account (id) on delete cascade,
    created_at timestamptz not null default now()
);

create unique index smart_bcc_route_user_uq on smart_bcc_route (user_id);

create table mail_preference (
    id                      uuid primary key,
    tenant_id               uuid        not null references tenant (id),
    user_id                 uuid        not null references user_account (id) on delete cascade,
    strict_forwarding       boolean     not null default false,
    link_mode               varchar(16) not null default 'AUTOMATIC' check (link_mode in ('MANUAL', 'AUTOMATIC')),
    create_unknown_contacts boolean     not null default false,
    unique (tenant_id, user_id)
);
