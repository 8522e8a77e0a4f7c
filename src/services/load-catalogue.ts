import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';
import type { Kysely } from 'kysely';
import { CATALOGUE_DIR } from '../config.js';
import type { Database } from '../db/schema.js';
import * as catalogue from '../db/queries/catalogue.js';
import * as countryGroups from '../db/queries/country-groups.js';
import * as cycles from '../db/queries/cycles.js';
import type { ObjectiveRow } from '../db/queries/catalogue.js';
import { LANGUAGES, type Language, type Multilingual } from '../domain/language.js';
import type { Questionnaire } from '../domain/questionnaire.js';
import { resolveMapping, type MappingRow } from '../domain/question-mapping.js';
import * as questionMappings from '../db/queries/question-mappings.js';
import { inTransaction } from './use-case.js';

const require = createRequire(import.meta.url);
for (const language of ['fr', 'en', 'ar'])
  countries.registerLocale(require(`i18n-iso-countries/langs/${language}.json`));

const read = <T>(file: string): T => JSON.parse(readFileSync(`${CATALOGUE_DIR}/${file}`, 'utf8')) as T;

interface ObjectiveFile {
  number: number;
  en: string;
  fr: string;
  ar: string | null;
  shortName: string;
  shortNameFr: string;
  paragraph: number;
  verified: Record<string, boolean | string>;
}
interface PrincipleFile {
  letter: string;
  key: string;
  en: string;
  fr: string;
  ar: string | null;
  summary: string;
  verified: Record<string, boolean | string>;
}
/** A shipped mapping between two versions (catalogue/question-mappings/, docs/questionnaires.md). */
interface MappingFile {
  from: { id: string; version: number };
  to: { id: string; version: number };
  rows: MappingRow[];
}

/**
 * The versions shipped in catalogue/questionnaires/: arab-2021 (the first round's, loaded first:
 * the shipped cycle uses it) and arab-example-2, Pacte's example of a second round's (`example`,
 * never an official questionnaire), with the mapping of the first onto the second.
 */
const OTHER_QUESTIONNAIRE_FILES = ['arab-example-2'] as const;
const MAPPING_FILES = ['arab-2021-1.arab-example-2-1'] as const;

interface CycleFile {
  id: string;
  title: Multilingual;
  /** conference: the regional review conference, `start/end` (it consolidated the national reports). */
  period: { start: string; conference: string };
}

const ARAB_REGION: Multilingual = { fr: 'Région arabe', en: 'Arab region', ar: 'المنطقة العربية' };

let formalNames: Map<string, Partial<Record<Language, string[]>>> | null = null;

/**
 * The formal and other names of countries (catalogue/country-formal-names.json) that
 * i18n-iso-countries lacks, by ISO alpha-3 code: what recognising a review's country needs.
 * Read once: the file ships with Pacte.
 */
export function countryOtherNames(): ReadonlyMap<string, Partial<Record<Language, string[]>>> {
  if (formalNames) return formalNames;
  const file = read<{ countries: Record<string, Record<string, unknown>> }>('country-formal-names.json');
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);
  formalNames = new Map(
    Object.entries(file.countries).map(([code, entry]) => {
      const other = (entry.other ?? {}) as Record<string, unknown>;
      const names = LANGUAGES.map((l) => [l, [...strings(entry[l]), ...strings(other[l])]] as const);
      return [code, Object.fromEntries(names) as Partial<Record<Language, string[]>>];
    }),
  );
  return formalNames;
}

/** The reference data that ships in catalogue/, as the database should hold it. */
export function readCatalogue() {
  const questionnaire = read<Questionnaire>('questionnaires/arab-2021.json');
  const others = OTHER_QUESTIONNAIRE_FILES.map((f) => read<Questionnaire>(`questionnaires/${f}.json`));
  const mappings = MAPPING_FILES.map((f) => {
    const { from, to, rows } = read<MappingFile>(`question-mappings/${f}.json`);
    return { from, to, rows };
  });
  const cycle = read<CycleFile>('arab-2021-cycle.json');
  const members = read<{ members: string[] }>('league-of-arab-states.json').members;
  const keywords = read<{ keywords: Record<string, ObjectiveRow['keywords']> }>('objective-keywords.json').keywords;
  return {
    countries: Object.entries(countries.getAlpha3Codes()).map(([alpha3, alpha2]) => ({
      code: alpha3,
      alpha2,
      name: {
        fr: countries.getName(alpha2, 'fr'),
        en: countries.getName(alpha2, 'en'),
        ar: countries.getName(alpha2, 'ar'),
      } as Multilingual,
    })),
    arabRegionMembers: members,
    objectives: read<ObjectiveFile[]>('gcm-objectives.json').map((o) => ({
      number: o.number,
      title: { fr: o.fr, en: o.en, ...(o.ar ? { ar: o.ar } : {}) },
      shortName: { fr: o.shortNameFr, en: o.shortName },
      paragraph: o.paragraph,
      verified: o.verified,
      keywords: keywords[String(o.number)] ?? {},
    })),
    principles: read<PrincipleFile[]>('gcm-guiding-principles.json').map((p) => ({
      key: p.key,
      letter: p.letter,
      title: { fr: p.fr, en: p.en, ...(p.ar ? { ar: p.ar } : {}) },
      summary: p.summary,
      verified: p.verified,
    })),
    questionnaire: questionnaire,
    /** The shipped versions other than the cycle's. */
    otherQuestionnaires: others,
    mappings,
    cycle: {
      id: cycle.id,
      regionId: 'arab',
      title: cycle.title,
      questionnaireId: questionnaire.id,
      questionnaireVersion: questionnaire.version,
      opensOn: cycle.period.start,
      // Reports were due for the conference that consolidated them (migrations/016_cycles.sql).
      dueOn: cycle.period.conference.split('/')[0]!,
      languages: [...LANGUAGES],
      // The 2020–21 round is over; reviews of it are still brought in and submitted (the seed).
      state: 'closed' as const,
      lateSubmissions: 'accept' as const,
      countries: members,
    },
  };
}

/**
 * Loads the shipped reference data, in one transaction; safe to run at every start. Skipped
 * when the database already holds this very catalogue (same digest).
 */
export async function loadCatalogue(db: Kysely<Database>): Promise<void> {
  const data = readCatalogue();
  const digest = createHash('sha256').update(JSON.stringify(data)).digest('hex');
  if ((await catalogue.findCatalogueDigest(db)) === digest) return;
  await inTransaction(db, async (trx) => {
    await catalogue.upsertCountries(trx, data.countries);
    await catalogue.upsertRegion(trx, 'arab', ARAB_REGION, data.arabRegionMembers);
    // Its default country groups, once (migration 030: a fresh database has no region until now).
    await countryGroups.seedArabGroups(trx);
    await catalogue.upsertObjectives(trx, data.objectives);
    await catalogue.upsertPrinciples(trx, data.principles);
    await catalogue.insertQuestionnaire(trx, data.questionnaire);
    for (const questionnaire of data.otherQuestionnaires) await catalogue.insertQuestionnaire(trx, questionnaire);
    const shipped = [data.questionnaire, ...data.otherQuestionnaires];
    const version = (key: { id: string; version: number }) =>
      shipped.find((q) => q.id === key.id && q.version === key.version)!;
    for (const mapping of data.mappings) {
      // Checked as a secretariat's mapping is (questionnaire.invalid_mapping): a typo fails the load.
      resolveMapping(version(mapping.from), version(mapping.to), mapping.rows);
      await questionMappings.replaceMappingRows(trx, mapping.from, mapping.to, mapping.rows);
    }
    await cycles.loadShippedCycle(trx, data.cycle);
    await catalogue.saveCatalogueDigest(trx, digest);
  });
}
