-- How a person receives Pacte's e-mail (issue 11, reminders "with a digest option"): at once
-- ('immediate', as before), or held and sent as one digest a day ('daily'). In-app notifications
-- appear at once either way. `language` is the one the person reads Pacte's e-mail in (null: the
-- cycle's first language, as before this migration). `last_digest_at` is the schedule, kept here
-- rather than in a server's memory: several `pacte serve` may run, and whichever takes the
-- person's row first (FOR UPDATE SKIP LOCKED) sends the digest and moves this date.
alter table user_account
  add column mail_delivery text not null default 'immediate' check (mail_delivery in ('immediate', 'daily')),
  add column language text check (language in ('fr', 'en', 'ar')),
  add column last_digest_at timestamptz;

-- An e-mail held for a person's next digest: what it is about, not its rendered text, so the
-- digest says it in the person's language of the day it goes. Written in the same transaction as
-- the in-app notification; deleted once the digest naming it was accepted by the SMTP server.
create table held_mail (
  id         integer generated always as identity primary key,
  user_id    integer not null references user_account (id) on delete cascade,
  kind       text not null check (kind in ('reminder')),
  -- what the e-mail names (for a reminder: cycle, its title, country, its name, due date)
  params     jsonb not null check (jsonb_typeof(params) = 'object'),
  -- the language the e-mail would have been in, for a person who chose none
  language   text not null check (language in ('fr', 'en', 'ar')),
  created_at timestamptz not null default now()
);
create index held_mail_of on held_mail (user_id, id);
