-- Search over what is published. The public searches the latest published version of each
-- review, not the working copy: a review being corrected (published → draft) stays findable as
-- it was published, and its unpublished corrections never show in public results. One row per
-- answer with text of the latest version; written by the service that publishes, in the same
-- transaction (the rows of the previous version are replaced). `blocks` is the answer as
-- published, for snippets. Columns otherwise as search_document (migration 009).
create table search_publication (
  review_id     integer not null references review (id) on delete cascade,
  question_id   text not null,
  version       integer not null,
  language      text not null check (language in ('fr', 'en', 'ar')),
  body          text not null,
  tsv           tsvector not null,
  normalization integer not null,
  blocks        jsonb not null,
  primary key (review_id, question_id),
  foreign key (review_id, version) references review_version (review_id, version) on delete cascade
);

create index search_publication_tsv on search_publication using gin (tsv);
