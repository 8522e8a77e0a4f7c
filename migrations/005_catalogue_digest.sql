-- The digest of the reference data last loaded from catalogue/: every start compares it and
-- reloads the catalogue only when the shipped files changed (loading takes longer than the
-- command that asked for it).

create table catalogue_load (
  singleton boolean primary key default true check (singleton),
  sha256    text not null,
  loaded_at timestamptz not null default now()
);
