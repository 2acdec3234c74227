-- Each user's email sharing policy per module. No row means Private, the default for every user; a company default
-- for new users is copied into rows when a user is created, so changing it never changes existing users.
create table email_sharing_policy (
    id        uuid primary key,
    tenant_id uuid        not null references tenant (id),
    user_id   uuid        not null references user_account (id) on delete cascade,
    module    varchar(16) not null check (module in ('DEALS', 'ACTIVITIES', 'CONTACTS')),
    level     varchar(16) not null check (level in ('PRIVATE', 'TEAM', 'PUBLIC')),
    unique (tenant_id, user_id, module)
);

create index email_sharing_policy_user_idx on email_sharing_policy (tenant_id, user_id, module, level);

create table email_sharing_default (
    id        uuid primary key,
    tenant_id uuid        not null references tenant (id),
    module    varchar(16) not null check (module in ('DEALS', 'ACTIVITIES', 'CONTACTS')),
    level     varchar(16) not null check (level in ('PRIVATE', 'TEAM', 'PUBLIC')),
    unique (tenant_id, module)
);

-- Every change of a policy or of a company default: who changed whose (null: the company default), what, when.
create table email_sharing_audit (
    id              uuid primary key,
    tenant_id       uuid        not null references tenant (id),
    actor_id        uuid references user_account (id) on delete set null,
    subject_user_id uuid references user_account (id) on delete set null,
    module          varchar(16) not null,
    old_level       varchar(16) not null,
    new_level       varchar(16) not null,
    changed_at      timestamptz not null default now()
);

create index email_sharing_audit_tenant_idx on email_sharing_audit (tenant_id, changed_at desc);
