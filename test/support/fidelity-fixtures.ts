import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Block } from '../../src/domain/blocks.js';
import { readReview } from '../../src/documents/read-review.js';
import { extractFacts } from '../../src/domain/facts.js';
import type { Questionnaire } from '../../src/domain/questionnaire.js';
import { fidelity, type AnswerKey, type Fidelity } from './fidelity.js';

/**
 * The fixtures with an answer key (test/fixtures/documents/NAME.expected.json), each of their
 * files (NAME.docx, .pdf, .odt, .txt) imported as `pacte import --dry-run` reads it: readReview,
 * then the facts of each answer. Found by listing the folder, so a new fixture needs no list.
 */

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'documents');
const FORMATS = ['docx', 'pdf', 'odt', 'txt'];

export interface FixtureFile {
  /** File name, e.g. `fr-table.pdf`. */
  file: string;
  key: AnswerKey;
}

export function fixtureFiles(dir = FIXTURES): FixtureFile[] {
  const names = readdirSync(dir).sort();
  return names
    .filter((name) => name.endsWith('.expected.json'))
    .flatMap((keyName) => {
      const base = keyName.slice(0, -'.expected.json'.length);
      const key = JSON.parse(readFileSync(join(dir, keyName), 'utf8')) as AnswerKey;
      return FORMATS.filter((ext) => names.includes(`${base}.${ext}`)).map((ext) => ({ file: `${base}.${ext}`, key }));
    });
}

export const arab2021 = (): Questionnaire =>
  JSON.parse(
    readFileSync(join(import.meta.dirname, '..', '..', 'catalogue', 'questionnaires', 'arab-2021.json'), 'utf8'),
  ) as Questionnaire;

export interface Measured {
  fidelity: Fidelity;
  answers: Map<string, Block[]>;
}

/** Imports one fixture file and measures it against its key. */
export async function measureFixture(
  fixture: FixtureFile,
  questionnaire = arab2021(),
  dir = FIXTURES,
): Promise<Measured> {
  const parsed = await readReview(readFileSync(join(dir, fixture.file)), fixture.file, questionnaire);
  const answers = new Map(parsed.questions.filter((q) => q.blocks.length > 0).map((q) => [q.id, q.blocks]));
  const facts = parsed.questions.flatMap((q) => extractFacts(q.id, q.blocks, parsed.language));
  return {
    fidelity: fidelity(
      fixture.key,
      answers,
      facts.map((f) => f.value),
    ),
    answers,
  };
}
