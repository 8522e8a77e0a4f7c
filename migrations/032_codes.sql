-- Coding answers into regional values (issue 13, item 4). To compare countries, a regional
-- secretariat gives a question of its cycle a code: a closed list of values (« new coordination
-- mechanism / existing mechanism / none »; the 23 objectives) that each country's submitted answer
-- is coded into. Pacte suggests the values from cue phrases (src/domain/code-suggestions.ts) with
-- the passages that suggest them; a person confirms, corrects or rejects every suggestion, and who
-- did so is kept (here and in the audit log).

-- A code of one question of one cycle. Its values, in order, are a jsonb array of
-- {key, labels {fr,en,ar}, cues {fr:[],en:[],ar:[]}}: they are read and written whole with the
-- code (src/domain/codes.ts checks them), never joined on.
create table code (
  id          bigint generated always as identity primary key,
  cycle_id    text not null references cycle (id) on delete cascade,
  question_id text not null,
  kind        text not null check (kind in ('single', 'multiple')),
  names       jsonb not null check (jsonb_typeof(names) = 'object'),
  "values"    jsonb not null check (jsonb_typeof("values") = 'array'),
  created_at  timestamptz not null default now(),
  created_by  text not null,
  updated_at  timestamptz not null default now(),
  updated_by  text not null,
  -- One code per question and cycle: the figures of item 5 count one answer once.
  unique (cycle_id, question_id)
);

-- How one country's submitted answer is coded. One row per code and country: the latest
-- submission coded (`submission_number`); a new submission is suggested again.
--   suggested  Pacte's suggestion, not yet looked at (values may be empty: nothing found);
--   confirmed  a person set the values (accepted the suggestion or corrected it);
--   rejected   a person said the suggestion is wrong and gave no value.
-- `evidence` holds the passages (src/domain/passage.ts) that suggested each value.
create table coded_answer (
  code_id           bigint not null references code (id) on delete cascade,
  country_code      char(3) not null references country (code),
  submission_number integer not null check (submission_number >= 1),
  "values"          text[] not null default '{}',
  state             text not null check (state in ('suggested', 'confirmed', 'rejected')),
  evidence          jsonb not null default '[]' check (jsonb_typeof(evidence) = 'array'),
  suggested_at      timestamptz,
  -- Who confirmed or rejected, and when (an e-mail or cli:<user>); null while only suggested.
  decided_by        text,
  decided_at        timestamptz,
  primary key (code_id, country_code),
  constraint coded_answer_decided check ((state = 'suggested') = (decided_by is null and decided_at is null)),
  constraint coded_answer_rejected_empty check (state <> 'rejected' or cardinality("values") = 0)
);
