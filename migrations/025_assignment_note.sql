-- Assignments and notifications that say the right thing (issue 12, item 10).
--
-- An assignment carries a note to the entity (what the focal point expects: the figures of 2023, a
-- contact…), set when assigning or later (PATCH …/assignments/{questionId}/{entityId}), at most
-- 2,000 characters (src/domain/assignments.ts says the same to the person).
alter table assignment add column note text;
alter table assignment add constraint assignment_note_length check (note is null or char_length(note) <= 2000);

-- New kinds of notification, so that each tells what happened: « overdue » is no longer a
-- « due soon » whose date has passed; an answer sent to review (answer_submitted, to validators) is
-- no longer told apart from a submitted contribution (submitted, to focal points) by its details
-- only; an assignment whose due date or note changed (assignment_changed) or that was withdrawn
-- (unassigned) reaches the entity. Every earlier kind (migration 018's list) is kept.
alter table notification drop constraint notification_kind_check;
alter table notification add constraint notification_kind_check check (kind in (
  'assigned', 'returned', 'due_soon', 'submitted', 'approved',
  'submission_acknowledged', 'submission_comment', 'submission_returned',
  'reminder',
  'overdue', 'answer_submitted', 'assignment_changed', 'unassigned'
));

-- Notifications already written: an answer sent to review is the « submitted » row without a
-- contribution in its details; a « due soon » whose date had passed when it was made was overdue.
update notification set kind = 'answer_submitted' where kind = 'submitted' and not (details ? 'contribution');
update notification set kind = 'overdue'
  where kind = 'due_soon' and details ->> 'dueOn' is not null and (details ->> 'dueOn')::date < created_at::date;
