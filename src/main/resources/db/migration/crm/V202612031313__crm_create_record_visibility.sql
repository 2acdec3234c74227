-- Who can see a module's records besides their owner and followers: everyone in the tenant (the default), or nobody.
create table crm_record_visibility (
    id        uuid primary key,
    tenant_id uuid        not null references tenant (id),
    module    varchar(16) not null check (module in ('CONTACTS', 'DEALS', 'ACTIVITIES')),
    scope     varchar(24) not null check (scope in ('EVERYONE', 'OWNER_AND_FOLLOWERS')),
    unique (tenant_id, module)
);
