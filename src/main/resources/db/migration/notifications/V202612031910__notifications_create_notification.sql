-- In-app notifications. throttle_key groups notifications that must not repeat too often (e.g. one email's opens).
create table notification (
    id           uuid primary key,
    tenant_id    uuid          not null references tenant (id),
    user_id      uuid          not null references user_account (id) on delete cascade,
    message      varchar(1000) not null,
    href         varchar(500),
    throttle_key varchar(200),
    created_at   timestamptz   not null default now(),
    read_at      timestamptz
);

create index notification_user_idx on notification (tenant_id, user_id, created_at desc);
create index notification_unread_idx on notification (tenant_id, user_id) where read_at is null;
create index notification_throttle_idx on notification (tenant_id, user_id, throttle_key, created_at);
