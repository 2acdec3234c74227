-- Every open and click as it was seen. audience says who most likely caused it (see README "Tracking"); inferred
-- marks an open that was not seen but implied by a click.
create table tracking_event (
    id          bigserial primary key,
    tenant_id   uuid         not null references tenant (id),
    email_id    uuid         not null references tracked_email (email_id) on delete cascade,
    link_id     uuid references tracked_link (id) on delete cascade,
    kind        varchar(8)   not null check (kind in ('OPEN', 'CLICK')),
    audience    varchar(8)   not null check (audience in ('PERSON', 'PROXY', 'SCANNER', 'SENDER')),
    inferred    boolean      not null default false,
    occurred_at timestamptz  not null,
    user_agent  varchar(500),
    ip          varchar(64)
);

create index tracking_event_email_idx on tracking_event (tenant_id, email_id, occurred_at);
-- "Was it opened or clicked by a person?" for markers, reports and the open a click implies.
create index tracking_event_kind_idx on tracking_event (tenant_id, email_id, kind, audience);
