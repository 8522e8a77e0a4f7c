-- Submitting a review to the regional secretariat writes a submission: the review JSON as it was
-- sent, who sent it, when, and an optional transmittal note (issue 11). The secretariat reads
-- submissions, never the country's working copy, so a country that takes its review back
-- (submitted → validated) stays in the secretariat's view with what it sent; and whatever the
-- secretariat builds on a submission later (coding, citations) points at a text that never
-- changes. A resubmission after a return is the next number, not a rewrite.
create table review_submission (
  review_id    integer not null references review (id) on delete cascade,
  number       integer not null check (number >= 1),
  submitted_at timestamptz not null default now(),
  submitted_by text not null,
  note         text check (note is null or length(note) between 1 and 2000),
  document     jsonb not null check (jsonb_typeof(document) = 'object'),
  primary key (review_id, number)
);

-- What happens to a submission on the secretariat's side: receipt acknowledged (once), comments,
-- the review returned to the country with a reason (once per submission: the review is then a
-- draft, and its next submission is a new record).
create table submission_event (
  id         integer generated always as identity primary key,
  review_id  integer not null,
  number     integer not null,
  kind       text not null check (kind in ('acknowledged', 'comment', 'returned')),
  actor      text not null,
  body       text check (body is null or length(body) between 1 and 10000),
  created_at timestamptz not null default now(),
  foreign key (review_id, number) references review_submission (review_id, number) on delete cascade,
  -- a comment and a return say something; an acknowledgement does not
  check ((kind = 'acknowledged') = (body is null))
);
create index submission_event_of on submission_event (review_id, number);
create unique index submission_acknowledged_once on submission_event (review_id, number) where kind = 'acknowledged';
create unique index submission_returned_once on submission_event (review_id, number) where kind = 'returned';

-- Append-only, whoever writes. A row goes only with its review (a review is never deleted by
-- Pacte; tests empty the table): the cascade deletes the review first, so the parent is gone by
-- the time the row's trigger runs, while a delete aimed at the row itself finds it still there.
create function review_submission_append_only() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' and not exists (select 1 from review where id = old.review_id) then
    return old;
  end if;
  raise exception 'a submission never changes' using errcode = 'check_violation',
    constraint = 'review_submission_append_only';
end $$;
create trigger review_submission_append_only before update or delete on review_submission
  for each row execute function review_submission_append_only();

create function submission_event_append_only() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' and not exists (
    select 1 from review_submission where review_id = old.review_id and number = old.number
  ) then
    return old;
  end if;
  raise exception 'a submission''s events never change' using errcode = 'check_violation',
    constraint = 'submission_event_append_only';
end $$;
create trigger submission_event_append_only before update or delete on submission_event
  for each row execute function submission_event_append_only();

-- A submission is written in the transaction that moves the review to `submitted` (after the move).
create function review_submission_of_submitted() returns trigger language plpgsql as $$
begin
  if not exists (select 1 from review where id = new.review_id and status = 'submitted') then
    raise exception 'only a submitted review gets a submission'
      using errcode = 'check_violation', constraint = 'review_submission_submitted';
  end if;
  return new;
end $$;
create trigger review_submission_of_submitted before insert on review_submission
  for each row execute function review_submission_of_submitted();

-- The secretariat returns a submitted review to the country (domain/workflow.ts: submission.return).
insert into review_move values ('submitted', 'draft');

-- The focal points are told in-app of an acknowledgement, a comment and a return.
alter table notification drop constraint notification_kind_check;
alter table notification add constraint notification_kind_check check (kind in (
  'assigned', 'returned', 'due_soon', 'submitted', 'approved',
  'submission_acknowledged', 'submission_comment', 'submission_returned'
));
