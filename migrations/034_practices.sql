-- The repository of practices (issue 14, item 7; docs/practices.md). A country's focal point
-- proposes a practice of its country (possibly shared with others of the region) in a cycle; the
-- region's secretariat reviews it: proposed → in_review → published, or returned with a comment
-- (→ proposed again once the country has edited it). Its fields follow the UN Migration Network
-- Hub's repository of practices. The limits of every field are domain/practices.ts's
-- PRACTICE_LIMITS; the checks here only keep the shapes the service writes.
create table practice (
  id             serial primary key,
  cycle_id       text not null references cycle (id),
  -- the country that proposed it, whose focal points edit it
  country_code   char(3) not null references country (code),
  -- the language the country writes it in; translations are practice_translation's
  language       text not null check (language in ('fr', 'en', 'ar')),
  state          text not null default 'proposed'
                 check (state in ('proposed', 'in_review', 'published', 'returned')),
  -- bumped by every edit and move: a PUT from another version is an edit conflict (409)
  version        integer not null default 1 check (version >= 1),
  title          text not null,
  summary        text not null,
  -- every country the practice is of, the proposer's first (ISO 3166-1 alpha-3 codes)
  countries      jsonb not null check (jsonb_typeof(countries) = 'array'),
  scope          text not null check (scope in ('local', 'national', 'regional', 'global')),
  implementing   jsonb not null default '[]' check (jsonb_typeof(implementing) = 'array'),
  partners       jsonb not null default '[]' check (jsonb_typeof(partners) = 'array'),
  -- a year (YYYY) or a day (YYYY-MM-DD); no end: still running
  period_start   text check (period_start ~ '^\d{4}(-\d{2}-\d{2})?$'),
  period_end     text check (period_end ~ '^\d{4}(-\d{2}-\d{2})?$'),
  objectives     jsonb not null default '[]' check (jsonb_typeof(objectives) = 'array'),
  principles     jsonb not null default '[]' check (jsonb_typeof(principles) = 'array'),
  stakeholders   jsonb not null default '[]' check (jsonb_typeof(stakeholders) = 'array'),
  description    text not null default '',
  results        text not null default '',
  innovation     text not null default '',
  lessons        text not null default '',
  sustainability text not null default '',
  links          jsonb not null default '[]' check (jsonb_typeof(links) = 'array'),
  contact        text not null default '',
  -- the passage of a submitted answer it comes from (domain/passage.ts), which stays cited
  source         jsonb,
  -- the secretariat's comment when it last returned the practice
  return_comment text,
  -- the demo region's practices (generate-demo-region.ts): labelled as fictional everywhere
  synthetic      boolean not null default false,
  created_at     timestamptz not null default now(),
  created_by     text not null,
  updated_at     timestamptz not null default now(),
  updated_by     text not null,
  published_at   timestamptz
);
create index practice_cycle on practice (cycle_id);
create index practice_country on practice (country_code);

-- Every move of a practice along its workflow, who made it and when (also in the audit log);
-- the history the country and the secretariat read, with the comments of returns.
create table practice_move (
  id          serial primary key,
  practice_id integer not null references practice (id) on delete cascade,
  from_state  text,
  to_state    text not null,
  comment     text,
  actor       text not null,
  moved_at    timestamptz not null default now()
);
create index practice_move_practice on practice_move (practice_id);

-- A human translation of a practice's text fields into another language: one per language,
-- rewritten in place, with who wrote it last and when.
create table practice_translation (
  practice_id integer not null references practice (id) on delete cascade,
  language    text not null check (language in ('fr', 'en', 'ar')),
  -- {title, summary, description, results, innovation, lessons, sustainability}
  fields      jsonb not null check (jsonb_typeof(fields) = 'object'),
  translator  text not null,
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now(),
  primary key (practice_id, language)
);

-- What the public searches: one row per published practice and language it reads in (its own
-- and each translation's), written when the practice is published or a translation of a
-- published one is saved. The search also checks the practice's state, so an unpublished
-- practice is never found even if a row were left.
create table practice_search (
  practice_id integer not null references practice (id) on delete cascade,
  language    text not null check (language in ('fr', 'en', 'ar')),
  body        text not null,
  tsv         tsvector not null,
  primary key (practice_id, language)
);
create index practice_search_tsv on practice_search using gin (tsv);

-- Each side is told of the other's moves (services/practice-access.ts notifyPractice): the
-- secretariat of a proposal, the country's focal points of a review, a publication, a return.
alter table notification drop constraint notification_kind_check;
alter table notification add constraint notification_kind_check check (kind in (
  'assigned', 'returned', 'due_soon', 'submitted', 'approved',
  'submission_acknowledged', 'submission_comment', 'submission_returned',
  'reminder',
  'overdue', 'answer_submitted', 'assignment_changed', 'unassigned',
  'practice_proposed', 'practice_in_review', 'practice_published', 'practice_returned'
));
