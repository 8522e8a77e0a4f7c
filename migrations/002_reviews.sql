-- A review is one country's answers for one cycle. Each answer keeps its current blocks and a
-- revision number (for optimistic concurrency later); every change also lands in
-- answer_revision, which is never updated or deleted: it is the history (who, when, what).

create table review (
  id           integer generated always as identity primary key,
  country_code char(3) not null references country (code),
  cycle_id     text not null references cycle (id),
  language     text not null check (language in ('fr', 'en', 'ar')),
  title        text not null,
  status       text not null default 'draft'
               check (status in ('draft', 'in_consultation', 'validated', 'submitted', 'published')),
  created_at   timestamptz not null default now(),
  updated_at   timestamptz not null default now(),
  unique (country_code, cycle_id)
);

create table answer (
  review_id   integer not null references review (id) on delete cascade,
  question_id text not null,
  revision    integer not null check (revision >= 1),
  blocks      jsonb not null check (jsonb_typeof(blocks) = 'array'),
  updated_at  timestamptz not null default now(),
  updated_by  text not null,
  primary key (review_id, question_id)
);

create table answer_revision (
  review_id   integer not null,
  question_id text not null,
  revision    integer not null check (revision >= 1),
  blocks      jsonb not null,
  author      text not null,
  -- what made the change: 'import' (with the file's digest in source_sha256), later 'edit', 'restore'
  origin      text not null,
  source_sha256 text,
  created_at  timestamptz not null default now(),
  primary key (review_id, question_id, revision),
  foreign key (review_id, question_id) references answer (review_id, question_id) on delete cascade
);
