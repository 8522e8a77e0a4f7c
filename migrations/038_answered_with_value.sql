-- A typed value alone is an answer (issue 15; src/domain/answer-value.ts): a focal point who
-- ticks a choice or gives a number without writing text has answered the question. Tracking's
-- per-section count of answered questions (migration 020) counted answers with at least one
-- block; it now counts answers with text OR a value, as the workspace does (isAnswered in
-- src/domain/review.ts, `answered` in src/db/queries/reviews.ts). The function is the same as
-- 020's apart from that condition; the triggers that call it are unchanged.

create or replace function review_tracking_refresh(p_review integer) returns void language plpgsql as $$
begin
  -- A review being deleted (its rows cascade after it) has nothing to track.
  insert into review_tracking (review_id)
    select p_review where exists (select 1 from review where id = p_review)
    on conflict (review_id) do update set review_id = excluded.review_id;
  if not found then
    return;
  end if;
  update review_tracking t set
    submissions = coalesce(s.n, 0),
    last_submitted_at = s.last_at,
    acknowledged = coalesce(e.acknowledged, false),
    returned = coalesce(e.returned, false),
    last_revision_at = (select max(v.created_at) from answer_revision v where v.review_id = p_review),
    answered = coalesce((
      select jsonb_object_agg(x.section_id, x.n) from (
        select q.section_id, count(*)::int as n
        from answer a
        join review r on r.id = a.review_id
        join cycle c on c.id = r.cycle_id
        join question q on q.id = a.question_id and q.questionnaire_id = c.questionnaire_id
          and q.version = c.questionnaire_version
        where a.review_id = p_review and (jsonb_array_length(a.blocks) > 0 or a.value is not null)
        group by q.section_id) x), '{}')
  from (select count(*)::int as n, max(submitted_at) as last_at, max(number) as last_number
        from review_submission where review_id = p_review) s
  left join lateral (
    select bool_or(kind = 'acknowledged') as acknowledged, bool_or(kind = 'returned') as returned
    from submission_event where review_id = p_review and number = s.last_number) e on true
  where t.review_id = p_review;
end $$;

-- Recount the reviews that already have a value (none before 037, but a database migrated after
-- some answers were typed must not keep stale counts).
select review_tracking_refresh(id) from review
  where exists (select 1 from answer a where a.review_id = review.id and a.value is not null);
