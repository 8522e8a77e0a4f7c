export { questionnaire } from './fixtures.js';
import { expect } from 'vitest';
import type { ParsedDocument } from '../../src/documents/import-text.js';
import { blockTexts, normalizeText, type Block } from '../../src/domain/blocks.js';
import { PacteError } from '../../src/domain/errors.js';
import type { ReviewDocument } from '../../src/domain/review.js';

/** What the PDF reader tests share: bounds, error capture, and comparing a read review. */
export const LIMITS = { timeoutMs: 30_000, memoryBytes: 1024 * 1024 * 1024 };

export async function failure(run: () => Promise<unknown>): Promise<PacteError | string> {
  try {
    await run();
  } catch (error) {
    return error instanceof PacteError ? error : `not a PacteError: ${String(error)}`;
  }
  return 'no error';
}

export const code = async (run: () => Promise<unknown>): Promise<string> => {
  const error = await failure(run);
  return error instanceof PacteError ? error.code : error;
};

/** The nesting of blocks, without their text: « P U[(O[,]),] » … */
export function shape(blocks: readonly Block[]): string {
  return blocks
    .map((b) =>
      b.type === 'paragraph'
        ? 'P'
        : `${b.ordered ? 'O' : 'U'}[${b.items.map((i) => (i.blocks.length > 0 ? `(${shape(i.blocks)})` : '')).join(',')}]`,
    )
    .join(' ');
}

export const answerText = (blocks: readonly Block[]): string => normalizeText(blockTexts(blocks).join(' '));

/** Compares a parsed PDF with the review it was made from: questions, wordings, answers, structure. */
export function expectSameReview(doc: ParsedDocument, review: ReviewDocument): void {
  const expected = review.sections.flatMap((s) => s.questions).filter((q) => q.answer.blocks.length > 0);
  const answered = doc.questions.filter((q) => q.blocks.length > 0);
  expect(answered.map((q) => q.id)).toEqual(expected.map((q) => q.id));
  const wordings = new Map(review.sections.flatMap((s) => s.questions.map((q) => [q.id, q.text])));
  for (const q of doc.questions) expect(q.sourceText, q.id).toBe(normalizeText(wordings.get(q.id) ?? ''));
  for (const [i, q] of expected.entries()) {
    const got = answered[i]?.blocks ?? [];
    expect(answerText(got), q.id).toBe(answerText(q.answer.blocks));
    expect(shape(got), q.id).toBe(shape(q.answer.blocks));
  }
  expect(doc.title).toBe(review.title);
  expect(doc.unmatched).toEqual([]);
}
