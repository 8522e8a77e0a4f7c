-- Human translations of submitted answers (issue 13, item 2). A regional secretariat reads
-- answers in French, English and Arabic; a country answers in one of them. A translator of the
-- region (or its secretariat) writes the translation of one answer of one submission into another
-- language of the cycle. Nothing is machine-translated here; a translation that was, says so
-- (machine, machine_note naming the system), and the API refuses the flag without the note.

-- The translator: a role scoped to a region, like the secretariat (no country, no entity). It
-- reads the region's submissions and writes translations; it does not manage cycles or people.
alter table user_role drop constraint user_role_role_check;
alter table user_role add constraint user_role_role_check check (role in ('admin', 'secretariat',
  'focal_point', 'validator', 'contributor', 'stakeholder', 'translator'));
alter table user_role drop constraint user_role_check;
alter table user_role add constraint user_role_check check (
  (role = 'admin' and country_code is null and region_id is null and entity_id is null)
  or (role in ('secretariat', 'translator') and region_id is not null and country_code is null and entity_id is null)
  or (role in ('focal_point', 'validator') and country_code is not null and region_id is null and entity_id is null)
  or (role in ('contributor', 'stakeholder') and country_code is not null and entity_id is not null and region_id is null)
);
-- Invitations give the same roles with the same scopes (migration 017: its scope check is the
-- table's third unnamed check, invitation_check2).
alter table invitation drop constraint invitation_role_check;
alter table invitation add constraint invitation_role_check check (role in ('admin', 'secretariat',
  'focal_point', 'validator', 'contributor', 'stakeholder', 'translator'));
alter table invitation drop constraint invitation_check2;
alter table invitation add constraint invitation_scope_check check (
  (role = 'admin' and country_code is null and region_id is null and entity_id is null)
  or (role in ('secretariat', 'translator') and region_id is not null and country_code is null and entity_id is null)
  or (role in ('focal_point', 'validator') and country_code is not null and region_id is null and entity_id is null)
  or (role in ('contributor', 'stakeholder') and country_code is not null and entity_id is not null and region_id is null)
);

-- One row per version of the translation of one question's answer in one submission into one
-- language: editing adds the next revision, so no translated text is ever lost; the current
-- translation is the highest revision. Tied to the submission (whose text never changes): when
-- the country later submits a different answer, the translation is outdated, which is computed
-- when read (the answer of submission n against the latest submission's).
create table answer_translation (
  review_id    integer not null,
  number       integer not null,
  question_id  text not null,
  language     text not null check (language in ('fr', 'en', 'ar')),
  revision     integer not null check (revision >= 1),
  -- the same shape and limits as an answer's blocks (domain/blocks.ts cleanBlocks, BLOCK_LIMITS)
  blocks       jsonb not null check (jsonb_typeof(blocks) = 'array'),
  translator   text not null,
  machine      boolean not null default false,
  machine_note text check (machine_note is null or char_length(machine_note) between 1 and 500),
  created_at   timestamptz not null default now(),
  primary key (review_id, number, question_id, language, revision),
  foreign key (review_id, number) references review_submission (review_id, number) on delete cascade,
  -- « nothing is machine-translated without saying so »: a machine translation names its system
  check (not machine or machine_note is not null)
);
