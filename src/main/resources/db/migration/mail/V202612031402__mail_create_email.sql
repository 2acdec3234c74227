create table conversation (
    id          uuid primary key,
    tenant_id   uuid         not null references tenant (id),
    deal_id     uuid references deal (id) on delete set null,
    deal_reason varchar(500),
    created_at  timestamptz  not null default now()
);

create table email (
    id                 uuid primary key,
    tenant_id          uuid          not null references tenant (id),
    owner_id           uuid          not null references user_account (id),
    direction          varchar(8)    not null check (direction in ('INBOUND', 'OUTBOUND')),
    message_id         varchar(998),
    dedupe_key         varchar(1000) not null,
    -- SHA-256 of the message as its sender wrote it: a second user gets a share only for the very same bytes.
    content_sha256     varchar(64)   not null,
    conversation_id    uuid          not null references conversation (id),
    subject            varchar(2000),
    -- For a forward, subject is the original message's; this is the subject of the message as it reached us.
    received_subject   varchar(2000),
    from_name          varchar(500),
    from_address       varchar(500),
    sent_at            timestamptz,
    text_body          text,
    html_body          text,
    forwarded          boolean       not null default false,
    forward_note       text,
    unreadable         boolean       not null default false,
    problems           varchar(4000),
    auto_submission    varchar(16)   not null default 'NONE' check (auto_submission in ('NONE', 'AUTO_REPLY', 'BOUNCE')),
    inbound_message_id uuid references inbound_message (id) on delete set null,
    created_at         timestamptz   not null default now(),
    unique (tenant_id, dedupe_key)
);

create index email_owner_idx on email (tenant_id, owner_id, sent_at desc);
create index email_conversation_idx on email (tenant_id, conversation_id);
create index email_message_id_idx on email (tenant_id, message_id);

-- Who appears on the email. Counterparts are the people the email is "with" (SPEC 3): for a forward, the
-- original message's people; the roles keep both the outer and the original headers.
create table email_participant (
    id          uuid primary key,
    tenant_id   uuid         not null references tenant (id),
    email_id    uuid         not null references email (id) on delete cascade,
    role        varchar(16)  not null check (role in ('FROM', 'TO', 'CC', 'REPLY_TO', 'ORIGINAL_FROM', 'ORIGINAL_TO', 'ORIGINAL_CC')),
    name        varchar(500),
    address     varchar(500) not null,
    counterpart boolean      not null default false,
    position    integer      not null
);

create index email_participant_email_idx on email_participant (email_id);
create index email_participant_address_idx on email_participant (tenant_id, lower(address));

-- Message-IDs this email refers to (In-Reply-To and References), to thread late arrivals both ways.
create table email_reference (
    id         uuid primary key,
    tenant_id  uuid         not null references tenant (id),
    email_id   uuid         not null references email (id) on delete cascade,
    message_id varchar(998) not null
);

create index email_reference_message_idx on email_reference (tenant_id, message_id);
create index email_reference_email_idx on email_reference (email_id);
