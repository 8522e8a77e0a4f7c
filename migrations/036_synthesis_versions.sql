-- Publishing a regional synthesis (issue 14, item 5; docs/regional.md, « Publishing a synthesis »)
-- makes a dated, numbered version that never changes, as a review's version does (migration 010):
-- a link to version N stays true for ever. Editing after publication goes on in the draft
-- (synthesis_revision); publishing again makes version N + 1.
--
-- A version holds everything the public reads, resolved at publication, so that nothing that
-- changes afterwards (a country's later answers, a coding corrected, an approval) changes it:
--   document   the synthesis's document (src/domain/synthesis.ts) as it was at `revision`
--   citations  each citation as the public may read it then (src/services/public-citations.ts):
--              quotable ones with their words and source, the others only `withheld`
--   figures    each embedded figure and the objectives matrix, FROZEN: counts, labels in the
--              synthesis's language, the date they were computed and the chart's SVG, computed
--              from published answers (what the public may count)
create table synthesis_version (
  synthesis_id bigint not null references synthesis (id) on delete cascade,
  version      integer not null check (version >= 1),
  revision     integer not null check (revision >= 0),
  title        text not null,
  language     text not null check (language in ('fr', 'en', 'ar')),
  document     jsonb not null check (jsonb_typeof(document) = 'object'),
  citations    jsonb not null check (jsonb_typeof(citations) = 'array'),
  figures      jsonb not null check (jsonb_typeof(figures) = 'array'),
  published_at timestamptz not null default now(),
  published_by text not null,
  primary key (synthesis_id, version)
);

create function synthesis_version_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'a published synthesis never changes' using errcode = 'check_violation',
    constraint = 'synthesis_version_append_only';
end $$;
create trigger synthesis_version_append_only before update on synthesis_version
  for each row execute function synthesis_version_append_only();

-- Exports of a synthesis go through the same jobs as reviews' (migration 011): a job is of a
-- review (country_code) or of a synthesis (synthesis_id), never both. `version` (migration 013)
-- is then the synthesis's version; null the draft (its secretariat) or the latest (the public).
alter table export_job alter column country_code drop not null;
alter table export_job add column synthesis_id bigint references synthesis (id) on delete cascade;
alter table export_job add constraint export_job_of_one
  check ((country_code is null) <> (synthesis_id is null));
