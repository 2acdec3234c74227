-- Outgoing email: the tracking choice made in compose, and where its delivery stands (null for received mail).
alter table email add column tracked boolean not null default false;
alter table email add column delivery_status varchar(16)
    check (delivery_status in ('QUEUED', 'SENDING', 'SENT', 'FAILED', 'CANCELLED', 'BOUNCED'));
-- The server's words: its reply to the accepted message, the refusal, or the bounce's diagnostic.
alter table email add column delivery_detail varchar(2000);

-- Blind copies of mail sent from Mailtrail are kept (only the sender sees the email's participants anyway).
alter table email_participant drop constraint email_participant_role_check;
alter table email_participant add constraint email_participant_role_check
    check (role in ('FROM', 'TO', 'CC', 'BCC', 'REPLY_TO', 'ORIGINAL_FROM', 'ORIGINAL_TO', 'ORIGINAL_CC'));

-- The durable queue of emails to send. Written in the transaction that stores the email; claimed by senders with
-- FOR UPDATE SKIP LOCKED and a lease, so a crashed sender's entry is claimed again once its lease runs out.
create table outbox_entry (
    id              uuid primary key,
    tenant_id       uuid          not null references tenant (id),
    email_id        uuid          not null unique references email (id) on delete cascade,
    owner_id        uuid          not null references user_account (id) on delete cascade,
    status          varchar(16)   not null default 'QUEUED'
        check (status in ('QUEUED', 'SENDING', 'SENT', 'FAILED', 'CANCELLED')),
    attempts        integer       not null default 0,
    next_attempt_at timestamptz   not null default now(),
    lease_until     timestamptz,
    claim_token     uuid,
    in_reply_to     varchar(998),
    references_header text,
    last_reply      varchar(2000),
    created_at      timestamptz   not null default now(),
    sent_at         timestamptz
);

create index outbox_entry_due_idx on outbox_entry (next_attempt_at) where status = 'QUEUED';
create index outbox_entry_lease_idx on outbox_entry (lease_until) where status = 'SENDING';
create index outbox_entry_owner_idx on outbox_entry (tenant_id, owner_id, status);
