import type { CodeDefinition, CodeKind, CodeValue } from './code-suggestions.js';
import { PacteError } from './errors.js';
import { LANGUAGES, type Language, type Multilingual } from './language.js';

/**
 * The rules of a code (migration 032) as a secretariat writes it: a name in each of the three
 * languages (the regional review is read in all three), at least two values with distinct keys,
 * each labelled in the three languages, cue phrases optional. Checked here once, for the API and
 * for the default codes shipped in catalogue/codes/.
 */

export const CODE_LIMITS = { values: 60, label: 200, cues: 100, cue: 120, key: 64 } as const;
const KEY = /^[a-z0-9][a-z0-9_-]{0,63}$/u;

export interface CodeInput {
  kind: CodeKind;
  names: Partial<Multilingual>;
  values: { key: string; labels: Partial<Multilingual>; cues?: Partial<Record<Language, string[]>> }[];
}

const clean = (text: unknown): string =>
  typeof text === 'string' ? text.normalize('NFC').replace(/\s+/gu, ' ').trim() : '';

function multilingual(
  texts: Partial<Multilingual>,
  error: 'code.names_missing_language' | 'code.label_missing_language',
  key?: string,
) {
  const out: Record<string, string> = {};
  for (const language of LANGUAGES) {
    const text = clean(texts[language]);
    if (text === '' || text.length > CODE_LIMITS.label) {
      throw new PacteError(error, key === undefined ? { language } : { language, value: key });
    }
    out[language] = text;
  }
  return out as Multilingual;
}

/** The code as stored, or the specific error of its first fault. */
export function checkCode(input: CodeInput): CodeDefinition & { names: Multilingual } {
  if (input.kind !== 'single' && input.kind !== 'multiple') throw new PacteError('code.invalid_kind');
  const names = multilingual(input.names, 'code.names_missing_language');
  if (input.values.length < 2 || input.values.length > CODE_LIMITS.values) {
    throw new PacteError('code.too_few_values', { min: 2, max: CODE_LIMITS.values });
  }
  const seen = new Set<string>();
  const values: CodeValue[] = input.values.map((v) => {
    if (!KEY.test(v.key)) throw new PacteError('code.invalid_key', { value: v.key });
    if (seen.has(v.key)) throw new PacteError('code.duplicate_value', { value: v.key });
    seen.add(v.key);
    const cues: Partial<Record<Language, string[]>> = {};
    for (const language of LANGUAGES) {
      const list = [...new Set((v.cues?.[language] ?? []).map(clean).filter((c) => c !== ''))];
      if (list.length > CODE_LIMITS.cues || list.some((c) => c.length > CODE_LIMITS.cue)) {
        throw new PacteError('code.too_many_cues', { value: v.key, max: CODE_LIMITS.cues });
      }
      cues[language] = list;
    }
    return { key: v.key, labels: multilingual(v.labels, 'code.label_missing_language', v.key), cues };
  });
  return { kind: input.kind, names, values };
}

/**
 * The values a person sets on a country's answer, checked against the code: known keys, one
 * only for a single-choice code, at least one (rejecting is how one says « none of these »).
 */
export function checkValues(code: CodeDefinition, values: readonly string[]): string[] {
  const unique = [...new Set(values)];
  if (unique.length === 0) throw new PacteError('code.no_value');
  const unknown = unique.find((v) => !code.values.some((known) => known.key === v));
  if (unknown !== undefined) throw new PacteError('code.unknown_value', { value: unknown });
  if (code.kind === 'single' && unique.length > 1) throw new PacteError('code.single_value', { count: unique.length });
  // Stored in the code's order, so that two people's same choice reads the same.
  return code.values.map((v) => v.key).filter((k) => unique.includes(k));
}
