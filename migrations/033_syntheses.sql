-- The regional synthesis (issue 14, items 1–3): the secretariat's document about a cycle, whose
-- statements cite the exact words of the countries' submissions they rest on
-- (docs/regional.md, « The regional synthesis »).

-- A synthesis of a cycle: one or more per cycle, one language each. Editions of the same text
-- in several languages point at each other through `translation_of` (an edition names the one
-- it translates; the link is read both ways). `state` stays 'draft' until publication (issue 14,
-- item 5) exists. `revision` is the current revision (0 before the first save): saves lock this
-- row and compare it with the writer's base revision (409 synthesis.edit_conflict).
create table synthesis (
  id             bigint generated always as identity primary key,
  cycle_id       text not null references cycle (id) on delete cascade,
  language       text not null check (language in ('fr', 'en', 'ar')),
  title          text not null check (char_length(title) between 1 and 300),
  translation_of bigint references synthesis (id) on delete set null,
  state          text not null default 'draft' check (state in ('draft', 'published')),
  revision       integer not null default 0 check (revision >= 0),
  created_at     timestamptz not null default now(),
  created_by     text not null,
  updated_at     timestamptz not null default now(),
  updated_by     text not null,
  constraint synthesis_not_own_translation check (translation_of is null or translation_of <> id)
);
create index synthesis_cycle on synthesis (cycle_id);

-- Every save of a synthesis, never rewritten: the document (ProseMirror-like JSON checked by
-- src/domain/synthesis.ts), who saved it and when.
create table synthesis_revision (
  synthesis_id bigint not null references synthesis (id) on delete cascade,
  revision     integer not null check (revision >= 1),
  document     jsonb not null check (jsonb_typeof(document) = 'object'),
  author       text not null,
  created_at   timestamptz not null default now(),
  primary key (synthesis_id, revision)
);

-- A citation of a synthesis: one passage (src/domain/passage.ts) of a country's submission to the
-- cycle. The document points at it by id (the citation mark's attrs). `passage` is the current
-- one; the columns beside it repeat its source for queries. When the secretariat updates a
-- flagged citation the old passage goes to citation_passage, never lost.
-- `kept_through`: the secretariat kept the citation although the country's submission of that
-- number answered differently; the flag shows again only for a later submission.
create table citation (
  id                bigint generated always as identity primary key,
  synthesis_id      bigint not null references synthesis (id) on delete cascade,
  country_code      char(3) not null references country (code),
  submission_number integer not null check (submission_number >= 1),
  question_id       text not null,
  passage           jsonb not null check (jsonb_typeof(passage) = 'object'),
  kept_through      integer,
  kept_by           text,
  kept_at           timestamptz,
  created_at        timestamptz not null default now(),
  created_by        text not null,
  updated_at        timestamptz not null default now(),
  updated_by        text not null,
  constraint citation_kept check ((kept_through is null) = (kept_by is null and kept_at is null))
);
create index citation_synthesis on citation (synthesis_id);

-- The passages a citation pointed at before an update, with who replaced them and when.
create table citation_passage (
  citation_id bigint not null references citation (id) on delete cascade,
  passage     jsonb not null,
  replaced_by text not null,
  replaced_at timestamptz not null default now()
);
create index citation_passage_citation on citation_passage (citation_id);

-- Asking a country's focal points whether the public may read a citation's passage (issue 14,
-- item 3). The request is about the passage as it was when asked (`passage`): a citation updated
-- since needs a new request. pending → approved | refused, once, by a focal point of the country.
create table citation_request (
  id           bigint generated always as identity primary key,
  citation_id  bigint not null references citation (id) on delete cascade,
  passage      jsonb not null,
  state        text not null default 'pending' check (state in ('pending', 'approved', 'refused')),
  requested_by text not null,
  requested_at timestamptz not null default now(),
  decided_by   text,
  decided_at   timestamptz,
  reason       text check (reason is null or char_length(reason) <= 1000),
  constraint citation_request_decided check ((state = 'pending') = (decided_by is null and decided_at is null))
);
create index citation_request_citation on citation_request (citation_id);
-- One pending request per citation at a time.
create unique index citation_request_one_pending on citation_request (citation_id) where state = 'pending';
