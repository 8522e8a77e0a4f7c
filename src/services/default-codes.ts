import { readdirSync, readFileSync } from 'node:fs';
import { CATALOGUE_DIR } from '../config.js';
import type { CodeInput } from '../domain/codes.js';
import type { Multilingual } from '../domain/language.js';
import { objectiveTexts } from '../domain/objective-suggestions.js';

/**
 * The default codes Pacte ships for arab-2021-like questionnaires (catalogue/codes/*.json): I.a
 * (coordination mechanism), II.a (stakeholders, the entity categories) and V.a (the 23 objectives,
 * whose values are built from catalogue/gcm-objectives.json and whose cue phrases are the curated
 * terms of catalogue/objective-keywords.json, read as objective suggestions read them).
 */
export interface DefaultCode extends CodeInput {
  questionId: string;
  names: Multilingual;
}

interface CodeFile {
  question: string;
  kind: CodeInput['kind'];
  names: Multilingual;
  values: CodeInput['values'] | 'gcm-objectives';
}

const read = (path: string): unknown => JSON.parse(readFileSync(`${CATALOGUE_DIR}/${path}`, 'utf8'));

/** Value key of objective n: `objective-7`. */
export const objectiveKey = (n: number) => `objective-${n}`;

function objectiveValues(): CodeInput['values'] {
  return objectiveTexts(read('gcm-objectives.json'), read('objective-keywords.json')).map((o) => ({
    key: objectiveKey(o.number),
    // « 7. Vulnérabilités »: the short name where there is one, the title otherwise (Arabic has no short names).
    labels: {
      fr: `${o.number}. ${o.shortName.fr ?? o.title.fr ?? ''}`,
      en: `${o.number}. ${o.shortName.en ?? o.title.en ?? ''}`,
      ar: `${o.number}. ${o.title.ar ?? ''}`,
    },
    cues: o.keywords,
  }));
}

let cached: DefaultCode[] | undefined;

/** The shipped default codes, read once. */
export function defaultCodes(): DefaultCode[] {
  cached ??= readdirSync(`${CATALOGUE_DIR}/codes`)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const file = read(`codes/${f}`) as CodeFile;
      const values = file.values === 'gcm-objectives' ? objectiveValues() : file.values;
      return { questionId: file.question, kind: file.kind, names: file.names, values };
    });
  return cached;
}
