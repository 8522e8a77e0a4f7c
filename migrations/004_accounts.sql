-- Accounts, roles scoped to a country / region / entity, sessions in the database (several app
-- instances behind one load balancer share them), failed sign-ins for rate limiting, and
-- uploaded files waiting for their importer's confirmation.

create table entity (
  id           integer generated always as identity primary key,
  country_code char(3) not null references country (code),
  name         text not null,
  category     text not null check (category in ('government', 'public_institution', 'local_authority',
               'civil_society', 'migrant_association', 'private_sector', 'union', 'academia',
               'international_organisation', 'un')),
  created_at   timestamptz not null default now(),
  unique (country_code, name)
);

create table user_account (
  id            integer generated always as identity primary key,
  email         text not null,
  password_hash text not null,
  created_at    timestamptz not null default now(),
  disabled_at   timestamptz
);
create unique index user_account_email on user_account (lower(email));

create table user_role (
  user_id      integer not null references user_account (id) on delete cascade,
  role         text not null check (role in ('admin', 'secretariat', 'focal_point', 'validator',
               'contributor', 'stakeholder')),
  country_code char(3) references country (code),
  region_id    text references region (id),
  entity_id    integer references entity (id),
  -- Each role has exactly its scope: none (admin), a region (secretariat), a country (focal
  -- point, validator), an entity of a country (contributor, stakeholder).
  check (
    (role = 'admin' and country_code is null and region_id is null and entity_id is null)
    or (role = 'secretariat' and region_id is not null and country_code is null and entity_id is null)
    or (role in ('focal_point', 'validator') and country_code is not null and region_id is null and entity_id is null)
    or (role in ('contributor', 'stakeholder') and country_code is not null and entity_id is not null and region_id is null)
  )
);
create unique index user_role_once on user_role
  (user_id, role, coalesce(country_code, ''), coalesce(region_id, ''), coalesce(entity_id, 0));

create table session (
  -- SHA-256 of the cookie's random token: a copy of the database opens no session.
  token_hash text primary key,
  user_id    integer not null references user_account (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index session_by_user on session (user_id);

create table login_attempt (
  email     text not null,
  at        timestamptz not null default now(),
  succeeded boolean not null
);
create index login_attempt_recent on login_attempt (lower(email), at);

create table import_draft (
  -- random and unguessable; only its uploader may confirm it
  id           text primary key,
  user_id      integer not null references user_account (id) on delete cascade,
  file_name    text not null,
  bytes        bytea not null,
  country_code char(3) not null references country (code),
  cycle_id     text not null references cycle (id),
  created_at   timestamptz not null default now()
);
