-- Folders are shared by the whole company: a label that templates are filed under. Deleting one moves its
-- templates to "Unfiled" (folder_id null) rather than deleting them.
create table template_folder (
    id         uuid primary key,
    tenant_id  uuid         not null references tenant (id),
    name       varchar(100) not null,
    created_by uuid references user_account (id) on delete set null,
    created_at timestamptz  not null default now()
);

create unique index template_folder_name_uq on template_folder (tenant_id, lower(name));

-- An email template for one record type. body_html is stored sanitised; subject and body may hold attributes
-- ({{contact.first_name | default: "there"}}) that were checked against the whitelist when saved.
create table email_template (
    id          uuid primary key,
    tenant_id   uuid         not null references tenant (id),
    owner_id    uuid         not null references user_account (id) on delete cascade,
    folder_id   uuid references template_folder (id) on delete set null,
    record_type varchar(16)  not null check (record_type in ('CONTACT', 'DEAL', 'ACTIVITY')),
    name        varchar(200) not null,
    subject     varchar(500) not null,
    body_html   text         not null,
    shared      boolean      not null default false,
    created_at  timestamptz  not null default now(),
    updated_at  timestamptz  not null default now()
);

create index email_template_list_idx on email_template (tenant_id, record_type, name);
create index email_template_folder_idx on email_template (tenant_id, folder_id);
