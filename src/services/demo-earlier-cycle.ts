/**
 * The demo region's earlier cycle (issue 14: « a second cycle to compare with »): for each country
 * that submitted in the open cycle, a review of the earlier cycle, written, approved, submitted
 * (and, for the first few, published) through the services real use goes through, whose answers
 * differ from the open cycle's in known ways, so that the change between cycles (and its tests)
 * have a truth to find. Everything stays synthetic (the countries are the demo's).
 *
 * From the earlier review to the open one, every such country (DEMO_CHANGES):
 * - I.b: its paragraph changed (the earlier one had one more sentence);
 * - I.c: a paragraph removed (the earlier answer had a second one);
 * - I.d: its paragraph changed, and with it a figure dropped (« … 9 times in 2019 »);
 * - IV.c: answered only in the open cycle (left empty in the earlier one);
 * - V.a: a list item added (the earlier list lacked the open cycle's last priority);
 * - objectives: the first objective of V.a was confirmed in the earlier review, none in the open one.
 * The earlier cycle gets the default codes and a confirmed I.a value per country: the open
 * cycle's true value (demoTruth), except for the countries `codedValueChanges` names, whose
 * earlier value was another mechanism.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Block } from '../domain/blocks.js';
import { demoCodedAnswer, demoTruthOf } from '../domain/demo-coding.js';
import type { Language } from '../domain/language.js';
import type { Actor } from '../domain/permissions.js';
import { syntheticAnswer } from '../domain/synthetic.js';
import { confirmCode } from './confirm-code.js';
import { createReview } from './create-review.js';
import { decideObjective } from './decide-objective.js';
import { moveAnswers } from './move-answers.js';
import { moveReview } from './move-review.js';
import { publishReview } from './publish-review.js';
import { saveAnswer } from './save-answer.js';
import { installDefaultCodes } from './save-code.js';
import { suggestCodes } from './suggest-codes.js';

/** How many of the earlier cycle's reviews are published (the first ones by code). */
export const DEMO_EARLIER_PUBLISHED = 3;

/** What changed for every compared country, from its earlier review to its open-cycle one. */
export const DEMO_CHANGES = {
  changed: ['I.b', 'I.d', 'V.a', 'I.c'],
  onlyLater: ['IV.c'],
  // Added: V.a's item and IV.c's paragraph (an answer given in the later cycle only is added whole).
  blocks: { changed: 2, added: 2, removed: 1 },
  figuresDropped: [{ question: 'I.d', value: 9 }],
} as const;

const MECHANISMS = ['new_mechanism', 'existing_mechanism', 'none'] as const;

/** The I.a value confirmed in the earlier cycle: another mechanism for every fourth country (from the second). */
export function earlierMechanism(index: number): string {
  const now = demoTruthOf(index)['I.a'][0]!;
  return index % 4 === 1 ? MECHANISMS[(MECHANISMS.indexOf(now as never) + 1) % 3]! : now;
}

/** Whether the country's confirmed I.a value differs between the two cycles. */
export const codedValueChanges = (index: number) => earlierMechanism(index) !== demoTruthOf(index)['I.a'][0];

/** The objective confirmed in the earlier review only (dropped in the open one). */
export const droppedObjective = (index: number) => Number(demoTruthOf(index)['V.a'][0]!.slice('objective-'.length));

const EXTRA: Record<Language, { sentence: string; paragraph: string; figure: string }> = {
  fr: {
    sentence: 'Cette phrase du cycle précédent a été retirée depuis.',
    paragraph: "[Données fictives] Ce paragraphe du cycle précédent n'a pas été repris.",
    figure: "Le comité s'est réuni 9 fois en 2019.",
  },
  en: {
    sentence: 'This sentence of the earlier cycle was taken out since.',
    paragraph: '[Synthetic data] This paragraph of the earlier cycle was not kept.',
    figure: 'The committee met 9 times in 2019.',
  },
  ar: {
    sentence: 'حُذفت هذه الجملة من الدورة السابقة منذ ذلك الحين.',
    paragraph: '[بيانات افتراضية] لم تُستبق هذه الفقرة من الدورة السابقة.',
    figure: 'اجتمعت اللجنة 9 مرات في عام 2019.',
  },
};

/** The open cycle's answer as the generator writes it. */
function laterAnswer(index: number, q: number, language: Language, name: string, questionId: string): Block[] {
  return (
    demoCodedAnswer(index, language, name, questionId) ?? [
      { type: 'paragraph', text: syntheticAnswer(language, name, questionId, index + q) },
    ]
  );
}

/** The earlier cycle's answer: the open cycle's, changed as DEMO_CHANGES says; null for none. */
export function earlierAnswer(later: Block[], language: Language, questionId: string): Block[] | null {
  const first = later[0];
  const text = first?.type === 'paragraph' ? first.text : '';
  const extra = EXTRA[language];
  switch (questionId) {
    case 'I.b':
      return [{ type: 'paragraph', text: `${text} ${extra.sentence}` }];
    case 'I.c':
      return [...later, { type: 'paragraph', text: extra.paragraph }];
    case 'I.d':
      return [{ type: 'paragraph', text: `${text} ${extra.figure}` }];
    case 'IV.c':
      return null;
    case 'V.a':
      return later.map((b) => (b.type === 'list' ? { ...b, items: b.items.slice(0, -1) } : b));
    default:
      return later;
  }
}

/**
 * Writes the earlier cycle's reviews. `countries` are the generated ones, in order, with where
 * their open-cycle review stands; only those that submitted get an earlier review.
 */
export async function generateEarlierCycle(
  db: Kysely<Database>,
  actor: Actor,
  cycles: readonly { id: string; state: string }[],
  countries: readonly { code: string; name: Partial<Record<Language, string>>; language: Language; review: string }[],
  questionnaire: readonly string[],
): Promise<void> {
  const earlier = cycles.length > 1 ? cycles[cycles.length - 2]!.id : null;
  if (!earlier) return;
  let published = 0;
  const submitted: { code: string; index: number }[] = [];
  for (const [index, country] of countries.entries()) {
    if (country.review !== 'submitted') continue;
    const { language } = country;
    const name = country.name[language]!;
    const target = { country: country.code, cycle: earlier };
    await createReview(db, actor, { ...target, language });
    const answered: string[] = [];
    for (const [q, questionId] of questionnaire.entries()) {
      const blocks = earlierAnswer(laterAnswer(index, q, language, name, questionId), language, questionId);
      if (!blocks) continue;
      await saveAnswer(db, actor, { ...target, questionId }, { blocks, baseRevision: 0 });
      answered.push(questionId);
    }
    const objective = { ...target, questionId: 'V.a', objective: droppedObjective(index) };
    await decideObjective(db, actor, objective, 'confirmed');
    // The country's self-approval waiver was recorded when its open-cycle review was written.
    await moveAnswers(db, actor, target, { to: 'in_review', questions: answered });
    await moveAnswers(db, actor, target, { to: 'approved', questions: answered });
    await moveReview(db, actor, target, { to: 'validated' });
    await moveReview(db, actor, target, { to: 'submitted', note: syntheticAnswer(language, name, '—', 0) });
    if (published < DEMO_EARLIER_PUBLISHED) {
      await publishReview(db, actor, target);
      published += 1;
    }
    submitted.push({ code: country.code, index });
  }
  // The earlier cycle's coding of I.a, as its secretariat confirmed it.
  await installDefaultCodes(db, actor, earlier);
  await suggestCodes(db, actor, { cycle: earlier, questionId: 'I.a' });
  for (const { code, index } of submitted) {
    const values = [earlierMechanism(index)];
    await confirmCode(db, actor, { cycle: earlier, questionId: 'I.a', country: code }, { state: 'confirmed', values });
  }
}
