create table activity (
    id         uuid primary key,
    tenant_id  uuid         not null references tenant (id),
    type       varchar(16)  not null check (type in ('CALL', 'MEETING', 'TASK')),
    title      varchar(200) not null,
    notes      text,
    due_date   date,
    done       boolean      not null default false,
    contact_id uuid references contact (id) on delete set null,
    deal_id    uuid references deal (id) on delete set null,
    owner_id   uuid         not null references user_account (id),
    created_at timestamptz  not null default now(),
    updated_at timestamptz  not null default now()
);

create index activity_tenant_due_idx on activity (tenant_id, done, due_date);
create index activity_tenant_owner_idx on activity (tenant_id, owner_id);
create index activity_contact_idx on activity (tenant_id, contact_id);
create index activity_deal_idx on activity (tenant_id, deal_id);

create table activity_follower (
    id          uuid primary key,
    tenant_id   uuid not null references tenant (id),
    activity_id uuid not null references activity (id) on delete cascade,
    user_id     uuid not null references user_account (id) on delete cascade,
    unique (activity_id, user_id)
);

create index activity_follower_user_idx on activity_follower (tenant_id, user_id);
