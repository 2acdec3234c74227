create table signature (
    id         uuid primary key,
    tenant_id  uuid        not null references tenant (id),
    user_id    uuid        not null references user_account (id) on delete cascade,
    html       text        not null,
    updated_at timestamptz not null default now(),
    unique (tenant_id, user_id)
);

-- One per company, set by an admin; appended below the signature of every email sent from Mailtrail.
create table company_disclaimer (
    id         uuid primary key,
    tenant_id  uuid        not null references tenant (id) unique,
    html       text        not null,
    updated_by uuid references user_account (id) on delete set null,
    updated_at timestamptz not null default now()
);
