-- A questionnaire version's content can change since issue 15: its region's secretariat edits it
-- until a cycle using it has an answer, and marks a language's wording official. A process that
-- keeps a version in memory (the workspace reads it on every request: src/services/review-access.ts)
-- must see the change at once, whichever instance made it. Each version carries an edition, raised
-- by the database itself whenever the version, one of its sections or one of its questions is
-- written, so no writer can forget it; readers key what they keep by (id, version, edition).

alter table questionnaire add column edition integer not null default 1;

-- A section or a question written: its version's next edition.
create function questionnaire_part_edited() returns trigger language plpgsql as $$
declare
  changed record;
begin
  if tg_op = 'UPDATE' and to_jsonb(new) = to_jsonb(old) then
    return null; -- rewritten as it was (the catalogue's refresh at start): nothing changed
  elsif tg_op = 'DELETE' then
    changed := old;
  else
    changed := new;
  end if;
  update questionnaire set edition = edition + 1
    where id = changed.questionnaire_id and version = changed.version;
  -- Moved to another version (never done, but then both changed).
  if tg_op = 'UPDATE' and (old.questionnaire_id, old.version) is distinct from (new.questionnaire_id, new.version) then
    update questionnaire set edition = edition + 1
      where id = old.questionnaire_id and version = old.version;
  end if;
  return null;
end $$;

create trigger questionnaire_section_edited after insert or update or delete on questionnaire_section
  for each row execute function questionnaire_part_edited();
create trigger question_edited after insert or update or delete on question
  for each row execute function questionnaire_part_edited();

-- The version's own row written (its title, its wording's status): the next edition, unless the
-- write is the raise above.
create function questionnaire_edited() returns trigger language plpgsql as $$
begin
  if new.edition = old.edition and (to_jsonb(new) - 'edition') is distinct from (to_jsonb(old) - 'edition') then
    new.edition := old.edition + 1;
  end if;
  return new;
end $$;

create trigger questionnaire_edited before update on questionnaire
  for each row execute function questionnaire_edited();
