-- Reference data every review points at: countries and regions, the GCM objectives and guiding
-- principles, questionnaires (versioned, so answers keep the wording they were given) and cycles.
-- Multilingual texts are jsonb maps {"fr": …, "en": …, "ar": …}; their per-language status
-- (official wording, verified, unofficial translation) is kept next to them, never dropped.

create table region (
  id   text primary key,
  name jsonb not null
);

create table country (
  code   char(3) primary key check (code ~ '^[A-Z]{3}$'),
  alpha2 char(2) not null unique,
  name   jsonb not null
);

create table region_member (
  region_id    text not null references region (id),
  country_code char(3) not null references country (code),
  primary key (region_id, country_code)
);

create table objective (
  number     smallint primary key check (number between 1 and 23),
  title      jsonb not null,
  short_name jsonb not null,
  paragraph  smallint,
  verified   jsonb not null
);

create table principle (
  key      text primary key,
  letter   char(1) not null unique,
  title    jsonb not null,
  summary  text,
  verified jsonb not null
);

create table questionnaire (
  id              text not null,
  version         integer not null check (version >= 1),
  title           jsonb not null,
  source_language text not null check (source_language in ('fr', 'en', 'ar')),
  primary key (id, version)
);

create table questionnaire_section (
  questionnaire_id text not null,
  version          integer not null,
  id               text not null,
  position         smallint not null,
  title            jsonb not null,
  title_status     jsonb not null,
  primary key (questionnaire_id, version, id),
  foreign key (questionnaire_id, version) references questionnaire (id, version)
);

create table question (
  questionnaire_id text not null,
  version          integer not null,
  id               text not null,
  section_id       text not null,
  letter           text not null,
  position         smallint not null,
  text             jsonb not null,
  text_status      jsonb not null,
  primary key (questionnaire_id, version, id),
  foreign key (questionnaire_id, version, section_id)
    references questionnaire_section (questionnaire_id, version, id)
);

create table cycle (
  id                    text primary key,
  region_id             text not null references region (id),
  title                 jsonb not null,
  questionnaire_id      text not null,
  questionnaire_version integer not null,
  starts_on             date,
  foreign key (questionnaire_id, questionnaire_version) references questionnaire (id, version)
);
