-- Country groups of a region (issue 13, item 1): the Maghreb, the Mashreq, the Gulf Cooperation
-- Council, the least developed countries… The secretariat compares answers group by group (the
-- side-by-side view's `group` filter); a group is data the region's secretariat edits, not code.
-- A group belongs to one region and its members are countries of that region (checked by the
-- services, which answer a specific error; the foreign key below keeps a member a real country).
create table country_group (
  region_id  text not null references region (id) on delete cascade,
  id         text not null check (id ~ '^[a-z0-9][a-z0-9-]{0,63}$'),
  -- {"fr": …, "en": …, "ar": …}: a group is named in the three languages of the app
  names      jsonb not null check (jsonb_typeof(names) = 'object'),
  updated_at timestamptz not null default now(),
  updated_by text not null,
  primary key (region_id, id)
);

create table country_group_member (
  region_id    text not null,
  group_id     text not null,
  country_code char(3) not null references country (code),
  primary key (region_id, group_id, country_code),
  foreign key (region_id, group_id) references country_group (region_id, id) on delete cascade
);

-- The default groups are given once per region: a group the secretariat deletes stays deleted.
alter table region add column groups_seeded boolean not null default false;

-- The Arab region's groups, as commonly used in the region's reviews. The secretariat may edit
-- them (src/web/pages/regional/groups.tsx); this only gives a starting point:
--   maghreb   the Arab Maghreb Union's members (Marrakesh treaty, 1989);
--   mashreq   Egypt, Iraq, Jordan, Lebanon, Palestine, Syria (ESCWA's usual grouping);
--   gcc       the Gulf Cooperation Council's six members (charter of 1981);
--   ldc       the members of the League of Arab States on the UN list of least developed
--             countries (UN Committee for Development Policy, list as of December 2024).
-- Called by this migration for a database that has the region already, and by load-catalogue.ts
-- after it loads the region in a fresh database (catalogue/ comes after the migrations).
create function seed_arab_country_groups() returns void language plpgsql as $$
begin
  if not exists (select 1 from region where id = 'arab' and not groups_seeded) then
    return;
  end if;
  insert into country_group (region_id, id, names, updated_by) values
    ('arab', 'maghreb', '{"fr": "Maghreb", "en": "Maghreb", "ar": "المغرب العربي"}', 'migration:030'),
    ('arab', 'mashreq', '{"fr": "Machrek", "en": "Mashreq", "ar": "المشرق العربي"}', 'migration:030'),
    ('arab', 'gcc', '{"fr": "Conseil de coopération du Golfe", "en": "Gulf Cooperation Council", "ar": "مجلس التعاون الخليجي"}', 'migration:030'),
    ('arab', 'ldc', '{"fr": "Pays les moins avancés", "en": "Least developed countries", "ar": "أقل البلدان نمواً"}', 'migration:030')
  on conflict do nothing;
  insert into country_group_member (region_id, group_id, country_code)
  select 'arab', g, c
    from (values
      ('maghreb', 'DZA'), ('maghreb', 'LBY'), ('maghreb', 'MAR'), ('maghreb', 'MRT'), ('maghreb', 'TUN'),
      ('mashreq', 'EGY'), ('mashreq', 'IRQ'), ('mashreq', 'JOR'), ('mashreq', 'LBN'), ('mashreq', 'PSE'),
      ('mashreq', 'SYR'),
      ('gcc', 'BHR'), ('gcc', 'KWT'), ('gcc', 'OMN'), ('gcc', 'QAT'), ('gcc', 'SAU'), ('gcc', 'ARE'),
      ('ldc', 'COM'), ('ldc', 'DJI'), ('ldc', 'MRT'), ('ldc', 'SOM'), ('ldc', 'SDN'), ('ldc', 'YEM')
    ) as m (g, c)
   where exists (select 1 from region_member where region_id = 'arab' and country_code = c)
  on conflict do nothing;
  update region set groups_seeded = true where id = 'arab';
end $$;

select seed_arab_country_groups();
