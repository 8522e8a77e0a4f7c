-- Separation of duties (issue 12, item 7): whoever last wrote an answer's current text (the author
-- of its latest revision, answer.updated_by) may not approve it; a validator does. An
-- administrator may waive the rule for one country (a small team where the focal point is also
-- the validator), and the waiver is audited (country.settings). Off by default: the rule holds
-- for every country until someone lifts it. src/services/move-answer.ts applies it.
alter table country add column self_approval boolean not null default false;
comment on column country.self_approval is
  'true: the author of an answer''s latest revision may approve it (the rule is waived for this country)';
