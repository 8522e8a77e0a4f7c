import { ENTITY_CATEGORIES, type EntityCategory } from './entities.js';
import { PacteError } from './errors.js';
import type { Language } from './language.js';
import type { Passage } from './passage.js';

/**
 * The repository of practices (docs/practices.md): a practice of one or several countries of a
 * region, its fields after the UN Migration Network Hub's repository of practices, and its
 * workflow. Pure: the services read and write, this says what is valid and which moves exist.
 */

export const PRACTICE_SCOPES = ['local', 'national', 'regional', 'global'] as const;
export type PracticeScope = (typeof PRACTICE_SCOPES)[number];

export const PRACTICE_STATES = ['proposed', 'in_review', 'published', 'returned'] as const;
export type PracticeState = (typeof PRACTICE_STATES)[number];

/** The long texts, which translations translate alongside the title and the summary. */
export const PRACTICE_TEXTS = ['description', 'results', 'innovation', 'lessons', 'sustainability'] as const;
/** What a translation holds: every text field, in another language. */
export const TRANSLATED_FIELDS = ['title', 'summary', ...PRACTICE_TEXTS] as const;
export type TranslatedField = (typeof TRANSLATED_FIELDS)[number];
export type PracticeTranslationFields = Record<TranslatedField, string>;

/** Limits of every field, in characters or items: a practice is a page, not a report. */
export const PRACTICE_LIMITS = {
  title: 200,
  summary: 1500,
  text: 10_000,
  contact: 500,
  entity: 200,
  entities: 20,
  countries: 30,
  links: 20,
  link: 2000,
  comment: 2000,
} as const;

export interface PracticePeriod {
  /** A year (YYYY) or a day (YYYY-MM-DD). */
  start: string | null;
  /** Empty: still running. */
  end: string | null;
}

/** What the country writes (and edits while the practice is proposed or returned). */
export interface PracticeFields {
  title: string;
  summary: string;
  countries: string[];
  scope: PracticeScope;
  implementing: string[];
  partners: string[];
  period: PracticePeriod;
  objectives: number[];
  principles: string[];
  stakeholders: EntityCategory[];
  description: string;
  results: string;
  innovation: string;
  lessons: string;
  sustainability: string;
  links: string[];
  contact: string;
}

/** What a request may send: anything, which `cleanPractice` checks field by field. */
export type PracticeInput = { [K in keyof PracticeFields]?: unknown };

/** Control characters but the line break (\n), which a text keeps. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F]/gu;

/** A text as stored: NFC, no control characters but line breaks, trimmed. */
function cleanText(value: unknown, field: string, max: number, required = false): string {
  if (value === undefined || value === null) value = '';
  if (typeof value !== 'string') throw new PacteError('practice.invalid_field', { field });
  const text = value.normalize('NFC').replace(/\r\n?/gu, '\n').replace(CONTROL, '').trim();
  if (required && text === '') throw new PacteError('practice.field_required', { field });
  if ([...text].length > max) throw new PacteError('practice.too_long', { field, max });
  return text;
}

/** A list of short texts (entity names): each one line, empty ones dropped, duplicates once. */
function cleanNames(value: unknown, field: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new PacteError('practice.invalid_field', { field });
  const names = [...new Set(value.map((v) => cleanText(v, field, PRACTICE_LIMITS.entity).replace(/\s+/gu, ' ')))];
  const kept = names.filter((n) => n !== '');
  if (kept.length > PRACTICE_LIMITS.entities)
    throw new PacteError('practice.too_many', { field, max: PRACTICE_LIMITS.entities });
  return kept;
}

function list(value: unknown, field: string): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new PacteError('practice.invalid_field', { field });
  return value;
}

const YEAR_OR_DAY = /^(\d{4})(?:-(\d{2})-(\d{2}))?$/u;

/** A year or a real day, or null when empty. */
function cleanDate(value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') throw new PacteError('practice.invalid_period');
  const m = YEAR_OR_DAY.exec(value.trim());
  if (!m) throw new PacteError('practice.invalid_period');
  const year = Number(m[1]);
  if (year < 1900 || year > 2100) throw new PacteError('practice.invalid_period');
  if (m[2] !== undefined) {
    const day = new Date(`${value.trim()}T00:00:00Z`);
    if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== value.trim()) {
      throw new PacteError('practice.invalid_period');
    }
  }
  return value.trim();
}

/** Only http and https addresses: a link the portal shows must not run anything. */
export function isPracticeLink(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

export interface PracticeContext {
  /** The proposing country: always among the practice's countries, first. */
  country: string;
  /** The countries of the region: a practice is of some of them. */
  regionCountries: ReadonlySet<string>;
  /** The catalogue's guiding principles. */
  principleKeys: ReadonlySet<string>;
}

/**
 * The practice as stored, or the first field at fault as a `practice.*` error naming it (the
 * form links its message to that field). Lists keep their order and lose duplicates.
 */
export function cleanPractice(input: PracticeInput, context: PracticeContext): PracticeFields {
  const title = cleanText(input.title, 'title', PRACTICE_LIMITS.title, true).replace(/\s+/gu, ' ');
  const summary = cleanText(input.summary, 'summary', PRACTICE_LIMITS.summary, true);
  const codes = list(input.countries, 'countries').map((c) => (typeof c === 'string' ? c.trim().toUpperCase() : ''));
  const countries = [...new Set([context.country, ...codes])];
  const outside = countries.find((c) => !context.regionCountries.has(c));
  if (outside !== undefined) throw new PacteError('practice.unknown_country', { field: 'countries', country: outside });
  if (countries.length > PRACTICE_LIMITS.countries) {
    throw new PacteError('practice.too_many', { field: 'countries', max: PRACTICE_LIMITS.countries });
  }
  const scope = input.scope;
  if (typeof scope !== 'string' || !(PRACTICE_SCOPES as readonly string[]).includes(scope)) {
    throw new PacteError('practice.invalid_scope', { field: 'scope' });
  }
  const period = input.period as { start?: unknown; end?: unknown } | null | undefined;
  if (period !== undefined && period !== null && typeof period !== 'object') {
    throw new PacteError('practice.invalid_period');
  }
  const start = cleanDate(period?.start);
  const end = cleanDate(period?.end);
  if (start !== null && end !== null && end.slice(0, start.length) < start.slice(0, end.length)) {
    throw new PacteError('practice.invalid_period');
  }
  const objectives = [...new Set(list(input.objectives, 'objectives'))];
  const badObjective = objectives.find((n) => !Number.isInteger(n) || (n as number) < 1 || (n as number) > 23);
  if (badObjective !== undefined)
    throw new PacteError('practice.invalid_objective', { objective: String(badObjective) });
  const principles = [...new Set(list(input.principles, 'principles'))];
  const badPrinciple = principles.find((p) => typeof p !== 'string' || !context.principleKeys.has(p));
  if (badPrinciple !== undefined)
    throw new PacteError('practice.invalid_principle', { principle: String(badPrinciple) });
  const stakeholders = [...new Set(list(input.stakeholders, 'stakeholders'))];
  const badStakeholder = stakeholders.find(
    (s) => typeof s !== 'string' || !(ENTITY_CATEGORIES as readonly string[]).includes(s),
  );
  if (badStakeholder !== undefined) {
    throw new PacteError('practice.invalid_stakeholder', { stakeholder: String(badStakeholder) });
  }
  const links = [...new Set(list(input.links, 'links').map((l) => cleanText(l, 'links', PRACTICE_LIMITS.link)))].filter(
    (l) => l !== '',
  );
  if (links.length > PRACTICE_LIMITS.links)
    throw new PacteError('practice.too_many', { field: 'links', max: PRACTICE_LIMITS.links });
  const badLink = links.find((l) => !isPracticeLink(l));
  if (badLink !== undefined) throw new PacteError('practice.invalid_link', { field: 'links', link: badLink });
  const texts = Object.fromEntries(
    PRACTICE_TEXTS.map((field) => [field, cleanText(input[field], field, PRACTICE_LIMITS.text)]),
  ) as Record<(typeof PRACTICE_TEXTS)[number], string>;
  return {
    title,
    summary,
    countries,
    scope: scope as PracticeScope,
    implementing: cleanNames(input.implementing, 'implementing'),
    partners: cleanNames(input.partners, 'partners'),
    period: { start, end },
    objectives: (objectives as number[]).sort((a, b) => a - b),
    principles: principles as string[],
    stakeholders: stakeholders as EntityCategory[],
    ...texts,
    links,
    contact: cleanText(input.contact, 'contact', PRACTICE_LIMITS.contact),
  };
}

/** A translation's text fields as stored: the title required, every one within its field's limit. */
export function cleanTranslation(input: Partial<Record<TranslatedField, unknown>>): PracticeTranslationFields {
  const max = (field: TranslatedField) =>
    field === 'title' ? PRACTICE_LIMITS.title : field === 'summary' ? PRACTICE_LIMITS.summary : PRACTICE_LIMITS.text;
  return Object.fromEntries(
    TRANSLATED_FIELDS.map((field) => [field, cleanText(input[field], field, max(field), field === 'title')]),
  ) as PracticeTranslationFields;
}

/** Who moves a practice: its country's focal point, or its region's secretariat. */
export type PracticeSide = 'country' | 'secretariat';

/**
 * The workflow, move by move, with who makes it. There is no other: a published practice stays
 * published, and a returned one goes back to the secretariat only when the country proposes it
 * again (after editing it, or not).
 */
export const PRACTICE_MOVES: readonly { from: PracticeState; to: PracticeState; by: PracticeSide }[] = [
  { from: 'proposed', to: 'in_review', by: 'secretariat' },
  { from: 'in_review', to: 'published', by: 'secretariat' },
  { from: 'in_review', to: 'returned', by: 'secretariat' },
  { from: 'returned', to: 'proposed', by: 'country' },
];

/** The move from `from` to `to`, or null when the workflow has none. */
export function practiceMove(from: PracticeState, to: PracticeState) {
  return PRACTICE_MOVES.find((m) => m.from === from && m.to === to) ?? null;
}

/** The moves `side` may make from `state` (what the pages offer). */
export function movesFrom(state: PracticeState, side: PracticeSide): PracticeState[] {
  return PRACTICE_MOVES.filter((m) => m.from === state && m.by === side).map((m) => m.to);
}

/** The country edits its practice while it is with the country: proposed, or returned to it. */
export const isEditable = (state: PracticeState) => state === 'proposed' || state === 'returned';

export const isPracticeState = (value: unknown): value is PracticeState =>
  typeof value === 'string' && (PRACTICE_STATES as readonly string[]).includes(value);

/** A stored practice, with its workflow and its translations' languages. */
export interface Practice extends PracticeFields {
  id: number;
  cycle: string;
  region: string;
  country: string;
  language: Language;
  state: PracticeState;
  version: number;
  source: Passage | null;
  returnComment: string | null;
  synthetic: boolean;
  createdAt: Date;
  createdBy: string;
  updatedAt: Date;
  updatedBy: string;
  publishedAt: Date | null;
}

/** The text a language's search row indexes: every text field, one per line. */
export function practiceSearchText(fields: Partial<Record<TranslatedField, string>>, names: readonly string[] = []) {
  return [...TRANSLATED_FIELDS.map((f) => fields[f] ?? ''), ...names].filter((t) => t !== '').join('\n');
}
