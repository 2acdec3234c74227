-- Identical content is stored once per tenant, however many emails carry it.
create table attachment_blob (
    id        uuid primary key,
    tenant_id uuid     not null references tenant (id),
    sha256    varchar(64) not null,
    size      bigint   not null,
    content   bytea    not null,
    unique (tenant_id, sha256)
);

create table email_attachment (
    id           uuid primary key,
    tenant_id    uuid          not null references tenant (id),
    email_id     uuid          not null references email (id) on delete cascade,
    blob_id      uuid          not null references attachment_blob (id),
    filename     varchar(1000) not null,
    content_type varchar(255)  not null,
    content_id   varchar(998),
    inline_part  boolean       not null default false,
    size         bigint        not null,
    position     integer       not null
);

create index email_attachment_email_idx on email_attachment (email_id);
