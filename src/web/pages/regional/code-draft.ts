import { LANGUAGES, type Language } from '../../../domain/language.js';
import type { CodeDetail, Session } from '../../lib/types.js';

/**
 * A code as the form holds it while the secretariat writes it (pages/regional/code-form.tsx),
 * and the code the API is sent from it. Pure: the form's rules are tested through the pages.
 */
export type Texts = Record<Language, string>;

export interface ValueDraft {
  /** Stable while the value moves: the ids of its fields, React's key. */
  uid: number;
  /** The value's key; '' for a new value whose key comes from its French label. */
  key: string;
  /** The value was in the code as saved: its key names it in the codings, and does not change. */
  saved: boolean;
  labels: Texts;
  /** One cue phrase per line, per language. */
  cues: Texts;
  /** Where a removed value stood, to put it back there. */
  at?: number;
}

export interface CodeDraft {
  questionId: string;
  kind: 'single' | 'multiple' | '';
  names: Texts;
  values: ValueDraft[];
  /** Saved values taken out: shown, so that one can put them back (and the API's refusal lands on them). */
  removed: ValueDraft[];
}

const empty = (): Texts => ({ fr: '', en: '', ar: '' });
export const newValue = (uid: number): ValueDraft => ({ uid, key: '', saved: false, labels: empty(), cues: empty() });

/** The draft of a code being edited, or of a new one with two empty values. */
export function draftOf(code: CodeDetail['code'] | null): CodeDraft {
  if (!code) return { questionId: '', kind: '', names: empty(), values: [newValue(1), newValue(2)], removed: [] };
  const texts = (m: Partial<Record<Language, string>>): Texts => ({ fr: m.fr ?? '', en: m.en ?? '', ar: m.ar ?? '' });
  return {
    questionId: code.questionId,
    kind: code.kind,
    names: texts(code.names),
    values: code.values.map((v, i) => ({
      uid: i + 1,
      key: v.key,
      saved: true,
      labels: texts(v.labels),
      cues: { fr: (v.cues.fr ?? []).join('\n'), en: (v.cues.en ?? []).join('\n'), ar: (v.cues.ar ?? []).join('\n') },
    })),
    removed: [],
  };
}

/** The API's rule for a value's key (src/domain/codes.ts). */
export const KEY = /^[a-z0-9][a-z0-9_-]{0,63}$/u;

/** A key from a French label, as the API accepts keys: « Mécanisme existant » → mecanisme_existant. */
export function keyFrom(label: string, taken: ReadonlySet<string>): string {
  const base =
    label
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/œ/gu, 'oe')
      .replace(/æ/gu, 'ae')
      .replace(/[^a-z0-9]+/gu, '_')
      .replace(/^_+|_+$/gu, '')
      .slice(0, 48)
      .replace(/_+$/u, '') || 'value';
  let key = base;
  for (let n = 2; taken.has(key); n += 1) key = `${base}-${n}`;
  return key;
}

/** Each value's key: its own, or one made from its French label that no other value has. */
export function keysOf(values: ValueDraft[]): Map<number, string> {
  const taken = new Set(values.map((v) => v.key.trim()).filter(Boolean));
  const keys = new Map<number, string>();
  for (const v of values) {
    const own = v.key.trim();
    const key = own || keyFrom(v.labels.fr, taken);
    taken.add(key);
    keys.set(v.uid, key);
  }
  return keys;
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** The body of createCode / editCode. */
export function bodyOf(draft: CodeDraft, creating: boolean) {
  const keys = keysOf(draft.values);
  const trimmed = (t: Texts) => Object.fromEntries(LANGUAGES.map((l) => [l, t[l].trim()]));
  return {
    ...(creating && { questionId: draft.questionId }),
    kind: draft.kind,
    names: trimmed(draft.names),
    values: draft.values.map((v) => ({
      key: keys.get(v.uid)!,
      labels: trimmed(v.labels),
      cues: Object.fromEntries(LANGUAGES.map((l) => [l, lines(v.cues[l])])),
    })),
  };
}

/** Field ids: the error summary links to them, the API's refusals land on them. */
export const fieldIds = {
  question: 'code-question',
  kind: 'code-kind',
  name: (l: Language) => `code-name-${l}`,
  add: 'code-add-value',
  key: (uid: number) => `code-value-${uid}-key`,
  label: (uid: number, l: Language) => `code-value-${uid}-label-${l}`,
  cues: (uid: number, l: Language) => `code-value-${uid}-cues-${l}`,
  restore: (uid: number) => `code-removed-${uid}`,
};

export const codesPath = (cycle: string) => `/cycles/${encodeURIComponent(cycle)}/codes`;
export const codePath = (cycle: string, question: string) => `${codesPath(cycle)}/${encodeURIComponent(question)}`;

/**
 * Whether the person writes the region's codes: its secretariat, or an administrator. A translator
 * of the region reads them only (the API refuses it any change: auth.forbidden).
 */
export function writesCodes(session: Session | null, region: string): boolean {
  return (session?.grants ?? []).some((g) => g.role === 'admin' || (g.role === 'secretariat' && g.region === region));
}

/** How many countries' answers are confirmed with each value: such a value cannot be removed. */
export function valuesInUse(detail: CodeDetail | undefined): Map<string, number> {
  const uses = new Map<string, number>();
  for (const { coding } of detail?.countries ?? []) {
    if (coding?.state !== 'confirmed') continue;
    for (const v of coding.values) uses.set(v, (uses.get(v) ?? 0) + 1);
  }
  return uses;
}
