-- What the secretariat's tracking table shows of each review (issue 11, tracking), kept up to date
-- as the review changes instead of counted each time the table is read: its submissions (how
-- many, the latest's date, whether the latest was acknowledged or returned), the date of its
-- latest answer revision, and its answered questions (an answer with at least one block) by
-- section of its cycle's questionnaire — counts only, never text. Reading the table then costs
-- about a plain SELECT of the cycle's rows (bench/tracking.ts); counting on every read cost
-- 3.5–9× that. Whether the counts may be shown is decided when reading (018's share_progress).
--
-- Triggers keep it right whoever writes (the use cases, an import, the demo generator, a test):
-- every change to a review's answers, revisions, submissions or submission events recounts that
-- review. The recount first locks the review's row here and counts in a later statement: under
-- READ COMMITTED (Pacte's transactions) that statement sees what a concurrent transaction that
-- held the lock committed, so two writers of the same review never leave a stale count.
create table review_tracking (
  review_id        integer primary key references review (id) on delete cascade,
  submissions      integer not null default 0 check (submissions >= 0),
  last_submitted_at timestamptz,
  -- of the latest submission
  acknowledged     boolean not null default false,
  returned         boolean not null default false,
  last_revision_at timestamptz,
  -- section id → answered questions, for the questionnaire of the review's cycle
  answered         jsonb not null default '{}' check (jsonb_typeof(answered) = 'object')
);

create function review_tracking_refresh(p_review integer) returns void language plpgsql as $$
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
        where a.review_id = p_review and jsonb_array_length(a.blocks) > 0
        group by q.section_id) x), '{}')
  from (select count(*)::int as n, max(submitted_at) as last_at, max(number) as last_number
        from review_submission where review_id = p_review) s
  left join lateral (
    select bool_or(kind = 'acknowledged') as acknowledged, bool_or(kind = 'returned') as returned
    from submission_event where review_id = p_review and number = s.last_number) e on true
  where t.review_id = p_review;
end $$;

create function review_tracking_changed() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    perform review_tracking_refresh(old.review_id);
  end if;
  if tg_op in ('INSERT', 'UPDATE') and (tg_op = 'INSERT' or new.review_id <> old.review_id) then
    perform review_tracking_refresh(new.review_id);
  end if;
  return null;
end $$;

create trigger answer_tracking after insert or update or delete on answer
  for each row execute function review_tracking_changed();
create trigger answer_revision_tracking after insert or update or delete on answer_revision
  for each row execute function review_tracking_changed();
create trigger review_submission_tracking after insert or update or delete on review_submission
  for each row execute function review_tracking_changed();
create trigger submission_event_tracking after insert or update or delete on submission_event
  for each row execute function review_tracking_changed();

-- A new review starts with its row; a review moved to another cycle, or a cycle given another
-- questionnaire, is recounted against the questionnaire it now answers.
create function review_tracking_review() returns trigger language plpgsql as $$
begin
  perform review_tracking_refresh(new.id);
  return null;
end $$;
create trigger review_tracking_new after insert or update of cycle_id on review
  for each row execute function review_tracking_review();

create function review_tracking_cycle() returns trigger language plpgsql as $$
begin
  perform review_tracking_refresh(r.id) from review r where r.cycle_id = new.id;
  return null;
end $$;
create trigger review_tracking_questionnaire after update of questionnaire_id, questionnaire_version on cycle
  for each row execute function review_tracking_cycle();

-- The reviews already there.
select review_tracking_refresh(id) from review;

-- The tracking table of a cycle as one JSON value (src/db/queries/tracking.ts trackingOf reads
-- it): the cycle, its questionnaire's sections with their numbers of questions, and one array per
-- participating country, in code order — [country, name, review id, status, share_progress, last
-- activity, submissions, latest submission's date, acknowledged, returned, answered by section or
-- null]. The counts leave the database only for a review that was submitted or shares its
-- progress (018). null when the cycle does not exist; the caller checks who may read it.
--
-- A function rather than a query sent each time: PL/pgSQL keeps its plan for the session, and
-- planning this query cost more than running it (2.5 ms on PGlite, where the plain SELECT of the
-- same rows takes 1 ms). The plan does not depend on which cycle is asked, hence the generic plan.
create function tracking_of(p_cycle text) returns json language plpgsql stable
  set plan_cache_mode = force_generic_plan as $$
declare
  result json;
begin
  select json_build_object('cycle',
      json_build_object('id', c.id, 'regionId', c.region_id, 'title', c.title,
        'questionnaireId', c.questionnaire_id, 'questionnaireVersion', c.questionnaire_version,
        'opensOn', c.opens_on::text, 'dueOn', c.due_on::text, 'languages', c.languages, 'state', c.state,
        'lateSubmissions', c.late_submissions, 'createdBy', c.created_by, 'createdAt', c.created_at,
        'updatedBy', c.updated_by, 'updatedAt', c.updated_at),
    'sections', (select json_agg(json_build_object('id', s.id, 'questions',
          (select count(*)::int from question q where q.questionnaire_id = s.questionnaire_id
            and q.version = s.version and q.section_id = s.id)) order by s.position)
        from questionnaire_section s
        where s.questionnaire_id = c.questionnaire_id and s.version = c.questionnaire_version),
    'rows', (select json_agg(json_build_array(cc.country_code, country.name, r.id, r.status, r.share_progress,
          greatest(r.updated_at, t.last_revision_at, t.last_submitted_at), t.submissions, t.last_submitted_at,
          t.acknowledged, t.returned,
          case when t.submissions > 0 or r.share_progress then coalesce(t.answered, '{}') end)
          order by cc.country_code)
        from cycle_country cc
        join country on country.code = cc.country_code
        left join review r on r.cycle_id = cc.cycle_id and r.country_code = cc.country_code
        left join review_tracking t on t.review_id = r.id
        where cc.cycle_id = c.id))
  into result
  from cycle c where c.id = p_cycle;
  return result;
end $$;
