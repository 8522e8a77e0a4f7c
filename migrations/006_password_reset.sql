-- Password reset by a one-time token. No mail server is assumed: an operator runs
-- `pacte user reset-password --email E` and hands the printed token (or its URL) to the person.
-- Only the SHA-256 of the token is kept, as for sessions: a copy of the database resets nothing.
-- A token works once (used_at) and for a short while (expires_at); it goes with its account.

create table password_reset (
  token_hash text primary key,
  user_id    integer not null references user_account (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at    timestamptz
);
create index password_reset_by_user on password_reset (user_id);
