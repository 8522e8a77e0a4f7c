-- Exports that take seconds (PDF: Chromium prints the review twice) run as background jobs, so
-- that no request waits on them. The queue is this table, not memory: several app instances
-- may share one PostgreSQL, any of them may take a job (`for update skip locked`, which PGlite
-- runs too), and a job survives the process that asked for it. The file is kept here (bytea)
-- until it is fetched or the job expires: instances share no disk.
create table export_job (
  -- random (gen_random_uuid): whoever has the id of an anonymous job may fetch it, so it must
  -- not be guessable
  id            uuid primary key default gen_random_uuid(),
  -- who asked: the worker exports with this user's rights as they are when it runs; null with
  -- requester 'anonymous' (a published review) or 'operator' (pacte export at the command line)
  user_id       integer references user_account (id) on delete cascade,
  requester     text not null check (requester in ('user', 'anonymous', 'operator')),
  -- recorded in the audit event of the export (an e-mail address, 'anonymous', 'cli:<user>')
  requester_name text not null,
  country_code  char(3) not null,
  cycle_id      text not null,
  format        text not null,
  lang          text check (lang in ('fr', 'en', 'ar')),
  layout        text,
  status        text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
  progress      integer not null default 0 check (progress between 0 and 100),
  -- a stable error code (src/domain/errors.ts) when status is 'failed'
  error_code    text,
  -- how many times a worker took the job: a job whose worker died is taken again, up to a limit
  attempts      integer not null default 0,
  file_name     text,
  media_type    text,
  bytes         bytea,
  created_at    timestamptz not null default now(),
  -- when a worker last said it was alive on this job (at each step): a running job whose
  -- heartbeat is old belongs to a process that died
  heartbeat_at  timestamptz,
  finished_at   timestamptz,
  check ((requester = 'user') = (user_id is not null)),
  check (status <> 'done' or bytes is not null),
  check (status <> 'failed' or error_code is not null)
);
-- What workers look for: the oldest queued job, and running jobs that stopped beating.
create index export_job_waiting on export_job (created_at) where status in ('queued', 'running');
-- What the cleaning looks for: finished jobs older than a day.
create index export_job_finished on export_job (finished_at) where finished_at is not null;
