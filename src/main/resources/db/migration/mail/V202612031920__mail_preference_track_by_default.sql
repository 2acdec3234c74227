-- Whether new emails are sent with open and click tracking unless the sender switches it off; on by default.
alter table mail_preference add column track_by_default boolean not null default true;
