-- Users an email is explicitly shared with (the same message BCC'd by a second user, or shared by hand).
create table email_share (
    id         uuid primary key,
    tenant_id  uuid        not null references tenant (id),
    email_id   uuid        not null references email (id) on delete cascade,
    user_id    uuid        not null references user_account (id) on delete cascade,
    shared_by  uuid references user_account (id) on delete set null,
    reason     varchar(16) not null check (reason in ('SMART_BCC', 'MANUAL')),
    created_at timestamptz not null default now(),
    unique (email_id, user_id)
);

create index email_share_user_idx on email_share (tenant_id, user_id);

-- An email's links to CRM records, each with the reason it exists.
create table email_link (
    id          uuid primary key,
    tenant_id   uuid         not null references tenant (id),
    email_id    uuid         not null references email (id) on delete cascade,
    record_type varchar(16)  not null check (record_type in ('CONTACT', 'DEAL', 'ACTIVITY')),
    record_id   uuid         not null,
    reason      varchar(500) not null,
    linked_by   uuid references user_account (id) on delete set null,
    created_at  timestamptz  not null default now(),
    unique (email_id, record_type, record_id)
);

create index email_link_record_idx on email_link (tenant_id, record_type, record_id);
