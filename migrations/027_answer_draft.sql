-- The author's working draft of an answer (issue 12, item 4).
--
-- Every save of an answer is a revision (answer_revision) that the history lists and the diff
-- compares; an autosave two seconds after each pause in typing would bury the revisions people
-- chose to save under hundreds of half-sentences. So an autosave writes here instead: one row per
-- (review, question, author), overwritten at each autosave, read back only by its author (the
-- answer page restores it, on any browser), and deleted when that author saves the answer (a
-- revision, in the same transaction) or discards it. It is not indexed for search, not audited per
-- keystroke, and never shown to anyone else: what the team reads is the answer's revisions.
--
-- `author` is the actor's recorded name (an e-mail address, or `cli:<user>`), the same text as
-- answer.updated_by and answer_revision.author, so a draft and the revision it becomes name the
-- same person. The draft may exist before the answer does (a first answer being written), so it
-- hangs from the review, not from the answer row, and goes with the review (on delete cascade,
-- as the answer does).
create table answer_draft (
  review_id     integer not null references review (id) on delete cascade,
  question_id   text not null,
  author        text not null,
  blocks        jsonb not null check (jsonb_typeof(blocks) = 'array'),
  -- The answer's revision the author started from (0: the answer had none): saving the draft as
  -- a revision names it, and a revision saved meanwhile by someone else is an edit conflict.
  base_revision integer not null check (base_revision >= 0),
  updated_at    timestamptz not null default now(),
  primary key (review_id, question_id, author)
);
