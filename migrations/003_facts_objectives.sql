-- What an import understands beyond the text: the figures an answer quotes (facts) and the GCM
-- objectives it seems to be about (suggestions, until the focal point confirms or removes
-- them). Both belong to one answer and are replaced when the answer's text changes.

alter table objective add column keywords jsonb not null default '{}';

create table fact (
  review_id   integer not null,
  question_id text not null,
  position    smallint not null,
  value       double precision not null,
  kind        text not null check (kind in ('count', 'percent', 'amount')),
  unit        text,
  qualifier   text check (qualifier in ('more_than', 'about', 'less_than')),
  period      text,
  quote       text not null,
  block_path  integer[] not null,
  char_start  integer not null check (char_start >= 0),
  char_end    integer not null check (char_end > char_start),
  primary key (review_id, question_id, position),
  foreign key (review_id, question_id) references answer (review_id, question_id) on delete cascade
);

create table answer_objective (
  review_id   integer not null,
  question_id text not null,
  objective   smallint not null references objective (number),
  score       real not null check (score between 0 and 1),
  evidence    jsonb not null default '[]',
  -- suggested by the importer; confirmed or removed by a person (kept across re-imports)
  status      text not null default 'suggested' check (status in ('suggested', 'confirmed', 'removed')),
  primary key (review_id, question_id, objective),
  foreign key (review_id, question_id) references answer (review_id, question_id) on delete cascade
);
