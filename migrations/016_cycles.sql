-- Cycles a regional secretariat creates and edits (issue 11): until now a cycle was reference
-- data shipped in catalogue/ (arab-2021 only). A cycle now says when it opens and when reviews
-- are due, the languages its reviews may be written in, the countries taking part, and its state:
--   planned  the secretariat prepares it; the public does not see it yet;
--   open     countries write and submit their reviews;
--   closed   the round is over. The secretariat chooses, when closing, what happens to a
--            review submitted after that: `late_submissions = 'accept'` keeps receiving them (they
--            come after the due date, and the tracking shows them as late), `'refuse'` refuses
--            any submission to the cycle from then on (what was received before stays).
-- Reopening a closed cycle forgets the policy: the next closing chooses again.

alter table cycle
  add column opens_on date,
  add column due_on date,
  add column languages text[] not null default '{fr,en,ar}',
  add column state text not null default 'planned' check (state in ('planned', 'open', 'closed')),
  add column late_submissions text check (late_submissions in ('accept', 'refuse')),
  add column created_at timestamptz not null default now(),
  -- Who created or last changed the cycle (an e-mail or cli:<user>); null: shipped in catalogue/,
  -- never edited in Pacte (load-catalogue.ts refreshes only such a cycle's names).
  add column created_by text,
  add column updated_at timestamptz not null default now(),
  add column updated_by text,
  add constraint cycle_id_format check (id ~ '^[a-z0-9][a-z0-9-]{0,63}$'),
  add constraint cycle_dates check (opens_on is null or due_on is null or due_on >= opens_on),
  -- An open or closed cycle has its dates: countries must know when their review is due.
  add constraint cycle_dates_when_open check (state = 'planned' or (opens_on is not null and due_on is not null)),
  add constraint cycle_languages check (
    cardinality(languages) between 1 and 3 and languages <@ array['fr', 'en', 'ar']::text[]
  ),
  -- The policy is chosen when closing, and only then.
  add constraint cycle_closing_policy check ((state = 'closed') = (late_submissions is not null));

-- The countries taking part in a cycle. A country may take part in cycles of several regions
-- (Morocco, Tunisia or Sudan in the Arab and the African reviews): membership of the cycle's
-- region is not required.
create table cycle_country (
  cycle_id     text not null references cycle (id) on delete cascade,
  country_code char(3) not null references country (code),
  primary key (cycle_id, country_code)
);
create index cycle_country_by_country on cycle_country (country_code);

-- arab-2021, in a database that has it already (a fresh database gets it from catalogue/ at the
-- first start, with the same settings: src/services/load-catalogue.ts). Dates of the 2020–21
-- round: the consultation opened on 25 June 2020; the regional review conference of 24–25
-- February 2021 consolidated the national reports, hence due on 24 February 2021. Closed: that
-- round is over and its regional review published; late submissions accepted, because reviews
-- of that round are still brought into Pacte and submitted now (Morocco's seed is one).
update cycle
   set opens_on = '2020-06-25', due_on = '2021-02-24', state = 'closed', late_submissions = 'accept'
 where id = 'arab-2021' and state = 'planned';
-- Its participants: the 22 members of the League of Arab States (the region's members from
-- catalogue/league-of-arab-states.json), and any other country that already has a review in it.
insert into cycle_country (cycle_id, country_code)
  select 'arab-2021', country_code from region_member
   where region_id = 'arab' and exists (select 1 from cycle where id = 'arab-2021')
  union
  select cycle_id, country_code from review
  on conflict do nothing;

-- planned → open → closed → open (reopened). Never back to planned: countries may already have
-- started their reviews in it. Created after the backfill above, which sets arab-2021's state
-- directly (planned → closed). The services decide the same (src/domain/cycles.ts).
create function cycle_state_move() returns trigger language plpgsql as $$
begin
  if new.state <> old.state and not (
    (old.state = 'planned' and new.state = 'open') or
    (old.state = 'open' and new.state = 'closed') or
    (old.state = 'closed' and new.state = 'open')
  ) then
    raise exception 'cycle state cannot move from % to %', old.state, new.state
      using errcode = 'check_violation', constraint = 'cycle_state_move';
  end if;
  return new;
end $$;
create trigger cycle_state_move before update of state on cycle
  for each row execute function cycle_state_move();

-- One review per country and cycle (002), and only of a country taking part in that cycle: the
-- database refuses a review of a non-participant, and taking a country out of a cycle in which
-- it has a review.
alter table review add constraint review_participant
  foreign key (cycle_id, country_code) references cycle_country (cycle_id, country_code);

-- Revisions name what made them; until now the list lived only in src/domain/review.ts. `copied`
-- (issue 11): an answer carried over from the country's review of an earlier cycle, whose id is
-- in `copied_from_cycle`.
alter table answer_revision
  add column copied_from_cycle text references cycle (id),
  add constraint answer_revision_origin check (origin in ('import', 'edit', 'merge', 'restore', 'copied')),
  add constraint answer_revision_copied check ((origin = 'copied') = (copied_from_cycle is not null));
