create table contact (
    id         uuid primary key,
    tenant_id  uuid         not null references tenant (id),
    first_name varchar(100),
    last_name  varchar(100) not null,
    company    varchar(200),
    phone      varchar(50),
    owner_id   uuid         not null references user_account (id),
    created_at timestamptz  not null default now(),
    updated_at timestamptz  not null default now()
);

create index contact_tenant_name_idx on contact (tenant_id, last_name, first_name);
create index contact_tenant_owner_idx on contact (tenant_id, owner_id);

create table contact_email (
    id              uuid primary key,
    tenant_id       uuid         not null references tenant (id),
    contact_id      uuid         not null references contact (id) on delete cascade,
    email           varchar(320) not null,
    primary_address boolean      not null default false
);

-- Inbound mail is matched to contacts by address, case-insensitively.
create index contact_email_address_idx on contact_email (tenant_id, lower(email));
create index contact_email_contact_idx on contact_email (contact_id);

create table contact_follower (
    id         uuid primary key,
    tenant_id  uuid not null references tenant (id),
    contact_id uuid not null references contact (id) on delete cascade,
    user_id    uuid not null references user_account (id) on delete cascade,
    unique (contact_id, user_id)
);

create index contact_follower_user_idx on contact_follower (tenant_id, user_id);
