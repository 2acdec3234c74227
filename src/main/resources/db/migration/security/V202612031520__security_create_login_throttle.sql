-- Failed sign-ins per login address, to slow down password guessing. Tenant-agnostic like the login itself: it
-- counts before anyone knows which tenant the address belongs to, and it holds no tenant data.
create table login_throttle (
    login        varchar(320) primary key,
    failures     integer      not null,
    locked_until timestamptz,
    updated_at   timestamptz  not null default now()
);
