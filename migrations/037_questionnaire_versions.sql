-- Questionnaires a secretariat shapes (issue 15; docs/questionnaires.md).
--
-- Until now a questionnaire version was reference data shipped in catalogue/ and every answer
-- was free text. A regional secretariat now copies a version to a new one and edits it (sections,
-- lettered questions, wording and guidance notes in fr/en/ar, answer types), marks which
-- languages' wording is official, and maps the questions of two versions so that answers follow.

-- Who may edit a version: the secretariat of `region_id`; NULL for the versions shipped in
-- catalogue/ (nobody edits them: the catalogue loader owns them). A version is FROZEN — no edit,
-- by anyone — once a cycle that uses it has a review with an answer: answers refer to the wording
-- they were given. Frozen is computed when read, never stored, so it cannot drift.
alter table questionnaire
  add column region_id  text references region (id),
  -- The version this one was copied from (same questionnaire id), for the default mapping.
  add column based_on   integer,
  -- Pacte's own example, not a questionnaire any secretariat sent out (shown as such).
  add column example    boolean not null default false,
  -- Language → 'official' | 'unofficial' for the whole version: the secretariat marks a language
  -- official when it distributed that wording (ESCWA sent an official Arabic questionnaire).
  -- Sections' and questions' own statuses (title_status, text_status) follow it on each change.
  add column wording_status jsonb not null default '{}'::jsonb check (jsonb_typeof(wording_status) = 'object'),
  add column created_at timestamptz not null default now(),
  add column created_by text;

update questionnaire q set wording_status = coalesce(
  (select s.title_status from questionnaire_section s
    where s.questionnaire_id = q.id and s.version = q.version order by s.position limit 1), '{}'::jsonb);

alter table questionnaire_section add column guidance jsonb check (guidance is null or jsonb_typeof(guidance) = 'object');

-- What a question asks for (src/domain/answer-value.ts): free text only, or a typed value beside
-- the free text — one choice or several among `choices` ([{id, label: {fr,en,ar}}]), a number
-- with its `unit` ({fr,en,ar}), GCM objectives (of the 23) or guiding principles (of the 10).
alter table question
  add column kind     text not null default 'text'
    check (kind in ('text', 'single_choice', 'multiple_choice', 'number', 'objectives', 'principles')),
  add column choices  jsonb check (choices is null or jsonb_typeof(choices) = 'array'),
  add column unit     jsonb check (unit is null or jsonb_typeof(unit) = 'object'),
  add column guidance jsonb check (guidance is null or jsonb_typeof(guidance) = 'object'),
  add constraint question_choices_of_kind
    check ((kind in ('single_choice', 'multiple_choice')) = (choices is not null));

-- Editing a version renumbers positions; letters stay unique in their section.
-- (The primary key (questionnaire_id, version, id) already keeps ids unique in a version.)

-- The typed value of an answer, its revisions and its author's draft: NULL when the question is
-- free text or the value is not given. Its shape is checked by the service (answer-value.ts),
-- against the question it answers.
alter table answer add column value jsonb check (value is null or jsonb_typeof(value) = 'object');
alter table answer_revision add column value jsonb check (value is null or jsonb_typeof(value) = 'object');
alter table answer_draft add column value jsonb check (value is null or jsonb_typeof(value) = 'object');
alter table contribution add column value jsonb check (value is null or jsonb_typeof(value) = 'object');

-- How the questions of an earlier version map onto a later one (of the same questionnaire or not).
-- A pair of versions with no row maps by question id. A row names an earlier question and where
-- its answer goes: one earlier question to several later ones is a SPLIT (the answer is copied to
-- each); several to one is a MERGE (the answers are put one after the other, in the earlier
-- questionnaire's order); `to_question` NULL says the question has no successor (its answer is
-- reported, never dropped silently). Questions of the pair not named map by id.
create table question_mapping (
  from_questionnaire text not null,
  from_version       integer not null,
  from_question      text not null,
  to_questionnaire   text not null,
  to_version         integer not null,
  to_question        text,
  foreign key (from_questionnaire, from_version, from_question) references question (questionnaire_id, version, id)
    on delete cascade,
  foreign key (to_questionnaire, to_version, to_question) references question (questionnaire_id, version, id)
    on delete cascade,
  unique nulls not distinct (from_questionnaire, from_version, from_question, to_questionnaire, to_version, to_question)
);
create index question_mapping_pair on question_mapping (from_questionnaire, from_version, to_questionnaire, to_version);
