-- Full-text search over answers. One row per answer with text: `body` is the answer's text as
-- search compares it (src/domain/search-text.ts: lower case, Latin accents and Arabic letter
-- variants folded, Arabic و / ال prefixes dropped), `tsv` that text through the text search
-- configuration of the answer's language. Written by the services in the transaction that
-- writes the answer; answers stored before this migration are indexed at start (`normalization`
-- tells which version of the normalisation made a row, so a new one re-indexes).

create table search_document (
  review_id     integer not null,
  question_id   text not null,
  language      text not null check (language in ('fr', 'en', 'ar')),
  body          text not null,
  tsv           tsvector not null,
  normalization integer not null,
  primary key (review_id, question_id),
  foreign key (review_id, question_id) references answer (review_id, question_id) on delete cascade
);

create index search_document_tsv on search_document using gin (tsv);
