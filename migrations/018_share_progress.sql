-- Whether a country lets its regional secretariat see its progress before submitting (issue 11,
-- tracking): the focal point decides, for each review. Off by default: what a country writes is
-- its own until it sends it, and even when shared the secretariat only sees counts of answered
-- questions by section, never text. Once submitted, the counts are shown whatever this says.
alter table review add column share_progress boolean not null default false;

-- A reminder from the secretariat to a country's focal points (issue 11, tracking): a new kind of
-- notification. Every earlier kind (migration 015's list) is kept. In this file rather than a
-- later one: 018 is the tracking's migration, and no release has applied it yet.
alter table notification drop constraint notification_kind_check;
alter table notification add constraint notification_kind_check check (kind in (
  'assigned', 'returned', 'due_soon', 'submitted', 'approved',
  'submission_acknowledged', 'submission_comment', 'submission_returned',
  'reminder'
));
