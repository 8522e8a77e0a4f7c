-- Publishing makes a dated version of a review: what the public reads, quotes, downloads and
-- finds in open data. A version never changes: a correction is published as the next version,
-- so a link to version N stays true for ever and the review's own URL shows the latest.
-- `document` is the review JSON as it was published (answers, facts, objectives), written by
-- the service that publishes, in the transaction that moves the review to `published`.
create table review_version (
  review_id    integer not null references review (id) on delete cascade,
  version      integer not null check (version >= 1),
  published_at timestamptz not null default now(),
  published_by text not null,
  document     jsonb not null check (jsonb_typeof(document) = 'object'),
  primary key (review_id, version)
);

create function review_version_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'a published version never changes' using errcode = 'check_violation',
    constraint = 'review_version_append_only';
end $$;
create trigger review_version_append_only before update on review_version
  for each row execute function review_version_append_only();

-- The way back from `published`, to correct a published review (with a reason, in the audit
-- log); the versions already published stay readable while it is corrected.
insert into review_move values ('published', 'draft');
