-- The synthetic flags (019) in the tracking table (issue 11, item 6: synthetic data labelled
-- wherever it is shown): each row says whether its country is fictional, and the cycle whether
-- its region is, so the secretariat's pages label them from the data rather than guessing from
-- the XAA–XZZ codes. Same function as 020's tracking_of, two values more: 'synthetic' in the
-- cycle object, and the country's flag appended as the 12th element of each row (appended, so
-- the positions src/db/queries/tracking.ts reads stay where they were). Same signature, so
-- `create or replace` keeps its callers and its settings.
create or replace function tracking_of(p_cycle text) returns json language plpgsql stable
  set plan_cache_mode = force_generic_plan as $$
declare
  result json;
begin
  select json_build_object('cycle',
      json_build_object('id', c.id, 'regionId', c.region_id, 'title', c.title,
        'questionnaireId', c.questionnaire_id, 'questionnaireVersion', c.questionnaire_version,
        'opensOn', c.opens_on::text, 'dueOn', c.due_on::text, 'languages', c.languages, 'state', c.state,
        'lateSubmissions', c.late_submissions, 'createdBy', c.created_by, 'createdAt', c.created_at,
        'updatedBy', c.updated_by, 'updatedAt', c.updated_at,
        'synthetic', (select region.synthetic from region where region.id = c.region_id)),
    'sections', (select json_agg(json_build_object('id', s.id, 'questions',
          (select count(*)::int from question q where q.questionnaire_id = s.questionnaire_id
            and q.version = s.version and q.section_id = s.id)) order by s.position)
        from questionnaire_section s
        where s.questionnaire_id = c.questionnaire_id and s.version = c.questionnaire_version),
    'rows', (select json_agg(json_build_array(cc.country_code, country.name, r.id, r.status, r.share_progress,
          greatest(r.updated_at, t.last_revision_at, t.last_submitted_at), t.submissions, t.last_submitted_at,
          t.acknowledged, t.returned,
          case when t.submissions > 0 or r.share_progress then coalesce(t.answered, '{}') end,
          country.synthetic)
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
