create table deal (
    id                  uuid primary key,
    tenant_id           uuid          not null references tenant (id),
    title               varchar(200)  not null,
    amount              numeric(19, 2),
    currency            varchar(3)    not null default 'USD',
    status              varchar(8)    not null check (status in ('OPEN', 'WON', 'LOST')),
    primary_contact_id  uuid references contact (id) on delete set null,
    expected_close_date date,
    owner_id            uuid          not null references user_account (id),
    created_at          timestamptz   not null default now(),
    updated_at          timestamptz   not null default now()
);

create index deal_tenant_status_idx on deal (tenant_id, status);
create index deal_tenant_owner_idx on deal (tenant_id, owner_id);
create index deal_primary_contact_idx on deal (tenant_id, primary_contact_id);

create table deal_participant (
    id         uuid primary key,
    tenant_id  uuid not null references tenant (id),
    deal_id    uuid not null references deal (id) on delete cascade,
    contact_id uuid not null references contact (id) on delete cascade,
    unique (deal_id, contact_id)
);

create index deal_participant_contact_idx on deal_participant (tenant_id, contact_id);

create table deal_follower (
    id        uuid primary key,
    tenant_id uuid not null references tenant (id),
    deal_id   uuid not null references deal (id) on delete cascade,
    user_id   uuid not null references user_account (id) on delete cascade,
    unique (deal_id, user_id)
);

create index deal_follower_user_idx on deal_follower (tenant_id, user_id);
