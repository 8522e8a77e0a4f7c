-- A review is published once per publication (issue 10). Services decide a status move on the
-- review row they lock (select … for update), so of twenty publications at once one writes a
-- version and the others are refused; the database refuses the rest, whoever writes:

-- 1. A move to the status the review already has. 007's trigger only checked moves between two
--    different statuses, so `published → published` passed and wrote a second version of one
--    publication. No code sets a review's status to the one it has: every move of the domain
--    (domain/workflow.ts, review_move) goes from one status to another, and the other updates of
--    the review (an import's title and language) do not set `status`, so this trigger, which
--    runs on `update of status` only, does not see them.
create or replace function review_move_allowed() returns trigger language plpgsql as $$
begin
  if new.status = old.status then
    raise exception 'review status is already %', old.status
      using errcode = 'check_violation', constraint = 'review_move';
  end if;
  if not exists (select 1 from review_move where from_status = old.status and to_status = new.status) then
    raise exception 'review status cannot move from % to %', old.status, new.status
      using errcode = 'check_violation', constraint = 'review_move';
  end if;
  return new;
end $$;

-- 2. A version of a review that is not published. A version is written in the transaction that
--    moves the review to `published` (after the move), or at start for a review published before
--    versions existed (migration 010); never for a draft.
create function review_version_of_published() returns trigger language plpgsql as $$
begin
  if not exists (select 1 from review where id = new.review_id and status = 'published') then
    raise exception 'only a published review gets a version'
      using errcode = 'check_violation', constraint = 'review_version_published';
  end if;
  return new;
end $$;
create trigger review_version_of_published before insert on review_version
  for each row execute function review_version_of_published();
