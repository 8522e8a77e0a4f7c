-- People: a regional secretariat manages the focal points and validators of its region's
-- countries, and a focal point the contributors and stakeholders of its country's entities,
-- without waiting for an administrator (docs/regional.md, People).
--
-- An invitation gives one role (with its scope, as user_role has it) to whoever opens its
-- one-time link and chooses a password, or to the existing account with that e-mail address.
-- Only the SHA-256 of the link's random token is kept, as for sessions and password resets: a
-- copy of the database accepts no invitation. A link works once (used_at), for a week
-- (expires_at), and not after it is revoked (revoked_at). Rows are kept, used or not: they say
-- who brought whom in.
--
-- A deputy is not a kind of role: a country may have several focal points (and validators),
-- each with the same rights, and the secretariat sees them all listed. So nothing here names one.
create table invitation (
  id           integer generated always as identity primary key,
  token_hash   text not null unique,
  email        text not null,
  role         text not null check (role in ('admin', 'secretariat', 'focal_point', 'validator',
               'contributor', 'stakeholder')),
  country_code char(3) references country (code),
  region_id    text references region (id),
  entity_id    integer references entity (id),
  -- who invited: the account (gone if it is deleted) and its name as the audit log writes it
  invited_by   integer references user_account (id) on delete set null,
  invited_by_name text not null,
  created_at   timestamptz not null default now(),
  expires_at   timestamptz not null,
  used_at      timestamptz,
  used_by      integer references user_account (id) on delete set null,
  revoked_at   timestamptz,
  check (expires_at > created_at),
  check (used_at is null or revoked_at is null),
  -- The same scope per role as user_role (migration 004).
  check (
    (role = 'admin' and country_code is null and region_id is null and entity_id is null)
    or (role = 'secretariat' and region_id is not null and country_code is null and entity_id is null)
    or (role in ('focal_point', 'validator') and country_code is not null and region_id is null and entity_id is null)
    or (role in ('contributor', 'stakeholder') and country_code is not null and entity_id is not null and region_id is null)
  )
);
-- The pending invitations of a country (the lists of those who manage its people).
create index invitation_pending on invitation (country_code) where used_at is null and revoked_at is null;

-- A role can be disabled by whoever manages it (staff turnover): a disabled role gives no right,
-- and an account left with no enabled role is disabled itself (user_account.disabled_at), so
-- it can no longer sign in. Enabling gives the role back. Rows are kept: a role's history is
-- in the audit log.
alter table user_role add column disabled_at timestamptz;
