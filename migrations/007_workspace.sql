-- The review workspace: answer workflow, assignments of questions to entities, entities'
-- contributions (and stakeholders' inputs) with evidence files, comments, the audit log and
-- in-app notifications. The workflow's allowed moves live in two small tables that triggers
-- check, so a move the domain refuses is refused by the database too, whoever writes.

-- Review workflow: draft → in_consultation → validated → submitted → published, with the way
-- back a focal point needs (close a consultation, re-open a validated review, take back a
-- submitted one). Any state → published: administrators publish past reviews imported from
-- their published PDF (the domain keeps that to them).
create table review_move (
  from_status text not null,
  to_status   text not null,
  primary key (from_status, to_status)
);
insert into review_move values
  ('draft', 'in_consultation'), ('in_consultation', 'draft'), ('draft', 'validated'),
  ('in_consultation', 'validated'), ('validated', 'draft'), ('validated', 'submitted'),
  ('submitted', 'validated'), ('submitted', 'published'), ('draft', 'published'),
  ('in_consultation', 'published'), ('validated', 'published');

create function review_move_allowed() returns trigger language plpgsql as $$
begin
  if new.status <> old.status
     and not exists (select 1 from review_move where from_status = old.status and to_status = new.status) then
    raise exception 'review status cannot move from % to %', old.status, new.status
      using errcode = 'check_violation', constraint = 'review_move';
  end if;
  return new;
end $$;
create trigger review_move_allowed before update of status on review
  for each row execute function review_move_allowed();

-- Answer workflow. An answer row exists once someone wrote something; a question without one
-- is not_started. approved answers are locked: their blocks change only after a re-open.
alter table answer add column status text not null default 'drafting'
  check (status in ('not_started', 'drafting', 'in_review', 'changes_requested', 'approved'));

create table answer_move (
  from_status text not null,
  to_status   text not null,
  primary key (from_status, to_status)
);
insert into answer_move values
  ('not_started', 'drafting'), ('drafting', 'in_review'), ('in_review', 'changes_requested'),
  ('in_review', 'approved'), ('in_review', 'drafting'), ('changes_requested', 'drafting'),
  ('changes_requested', 'in_review'), ('approved', 'drafting');

create function answer_move_allowed() returns trigger language plpgsql as $$
begin
  if new.status <> old.status
     and not exists (select 1 from answer_move where from_status = old.status and to_status = new.status) then
    raise exception 'answer status cannot move from % to %', old.status, new.status
      using errcode = 'check_violation', constraint = 'answer_move';
  end if;
  if old.status = 'approved' and new.status = 'approved' and new.blocks is distinct from old.blocks then
    raise exception 'an approved answer is locked' using errcode = 'check_violation', constraint = 'answer_locked';
  end if;
  return new;
end $$;
create trigger answer_move_allowed before update on answer
  for each row execute function answer_move_allowed();

-- Which contributions a revision was merged from, and the comment or reason that came with it.
alter table answer_revision add column contribution_ids integer[] not null default '{}';
alter table answer_revision add column note text;

-- A question of a review given to an entity, with a due date.
create table assignment (
  review_id   integer not null references review (id) on delete cascade,
  question_id text not null,
  entity_id   integer not null references entity (id),
  due_on      date,
  assigned_by text not null,
  assigned_at timestamptz not null default now(),
  primary key (review_id, question_id, entity_id)
);
create index assignment_by_entity on assignment (entity_id);

-- One entity's draft for one question (kind 'contribution'), or a stakeholder's input made
-- during the consultation (kind 'input'). Kept after merging: the answer's revision names it.
create table contribution (
  id           integer generated always as identity primary key,
  review_id    integer not null references review (id) on delete cascade,
  question_id  text not null,
  entity_id    integer not null references entity (id),
  kind         text not null check (kind in ('contribution', 'input')),
  blocks       jsonb not null check (jsonb_typeof(blocks) = 'array'),
  revision     integer not null default 1 check (revision >= 1),
  status       text not null default 'draft' check (status in ('draft', 'submitted', 'merged')),
  -- how the focal point took a stakeholder's input into account, shown to the stakeholder
  response     text,
  updated_by   text not null,
  updated_at   timestamptz not null default now(),
  submitted_at timestamptz,
  unique (review_id, question_id, entity_id)
);

-- Files attached to a contribution as evidence (PDF, XLSX, CSV), size-limited by the service.
create table evidence (
  id              integer generated always as identity primary key,
  contribution_id integer not null references contribution (id) on delete cascade,
  file_name       text not null,
  media_type      text not null check (media_type in ('application/pdf',
                  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv')),
  bytes           bytea not null,
  size            integer not null,
  sha256          text not null,
  uploaded_by     text not null,
  created_at      timestamptz not null default now()
);

create table comment (
  id          integer generated always as identity primary key,
  review_id   integer not null references review (id) on delete cascade,
  question_id text not null,
  author      text not null,
  -- 'comment'; 'return' (why an answer was sent back); 'reopen' (why an approved one re-opened)
  kind        text not null check (kind in ('comment', 'return', 'reopen')),
  body        text not null check (length(body) between 1 and 10000),
  created_at  timestamptz not null default now()
);
create index comment_by_answer on comment (review_id, question_id);

-- Who did what and when. Append-only: no update or delete, enforced below.
create table audit_event (
  id          bigint generated always as identity primary key,
  at          timestamptz not null default clock_timestamp(),
  actor       text not null,
  user_id     integer,
  action      text not null,
  country     char(3),
  cycle       text,
  question_id text,
  details     jsonb not null default '{}'
);
create index audit_by_review on audit_event (country, cycle, at);

create function audit_event_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'the audit log is append-only' using errcode = 'check_violation', constraint = 'audit_append_only';
end $$;
create trigger audit_event_append_only before update or delete on audit_event
  for each row execute function audit_event_append_only();

-- In-app notifications: assignments, returned answers, due dates.
create table notification (
  id          integer generated always as identity primary key,
  user_id     integer not null references user_account (id) on delete cascade,
  kind        text not null check (kind in ('assigned', 'returned', 'due_soon', 'submitted', 'approved')),
  country     char(3) not null,
  cycle       text not null,
  question_id text,
  details     jsonb not null default '{}',
  created_at  timestamptz not null default now(),
  read_at     timestamptz,
  -- a due-date reminder is sent once per assignment and user
  dedupe_key  text,
  unique (user_id, dedupe_key)
);
create index notification_unread on notification (user_id) where read_at is null;
