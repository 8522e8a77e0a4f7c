import type { AnswerValue } from '../domain/answer-value.js';
import { normalizeText, type Block } from '../domain/blocks.js';
import { PacteError } from '../domain/errors.js';
import { isLanguage } from '../domain/language.js';
import { questionsOf, type Questionnaire } from '../domain/questionnaire.js';
import type { ParsedDocument, ParsedQuestion } from './import-text.js';

/**
 * Pacte's own review JSON (the export, `GET /reviews/…`; docs/review-json.md) read back as an
 * import (issue 15): each question's blocks as they are, and its typed value (`answer.value`),
 * which the importer checks against the question as if typed. Questions the questionnaire does
 * not have are reported as unmatched text, never dropped silently.
 */

/** A question read from the JSON, with its value: the text's lines need no reading. */
export type JsonQuestion = ParsedQuestion & { value: AnswerValue | null };

/** Whether the bytes are a JSON object (after an optional byte order mark and spaces). */
export function looksLikeJson(bytes: Uint8Array): boolean {
  const start = Buffer.from(bytes.subarray(0, 64))
    .toString('utf8')
    .replace(/^\uFEFF/u, '')
    .trimStart();
  if (!start.startsWith('{')) return false;
  try {
    JSON.parse(
      Buffer.from(bytes)
        .toString('utf8')
        .replace(/^\uFEFF/u, ''),
    );
    return true;
  } catch {
    return false; // a text that happens to start with « { »: read as text
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Blocks as the contract shapes them, their text normalised; anything else is not a review. */
function blocksOf(value: unknown, notAReview: () => PacteError): Block[] {
  if (!Array.isArray(value)) throw notAReview();
  return value.map((block): Block => {
    if (!isRecord(block)) throw notAReview();
    if (block.type === 'paragraph' && typeof block.text === 'string') {
      return { type: 'paragraph', text: normalizeText(block.text) };
    }
    if (block.type === 'list' && typeof block.ordered === 'boolean' && Array.isArray(block.items)) {
      return {
        type: 'list',
        ordered: block.ordered,
        items: block.items.map((item) => {
          if (!isRecord(item) || typeof item.text !== 'string') throw notAReview();
          return { text: normalizeText(item.text), blocks: blocksOf(item.blocks ?? [], notAReview) };
        }),
      };
    }
    throw notAReview();
  });
}

export function readReviewJson(bytes: Uint8Array, questionnaire: Questionnaire): ParsedDocument {
  const notAReview = () => new PacteError('import.not_a_review', { questionnaire: questionnaire.id });
  const review: unknown = JSON.parse(
    Buffer.from(bytes)
      .toString('utf8')
      .replace(/^\uFEFF/u, ''),
  );
  if (!isRecord(review) || !Array.isArray(review.sections)) throw notAReview();
  const known = new Map(questionsOf(questionnaire).map((q) => [q.id, q]));
  const questions: JsonQuestion[] = [];
  const unmatched: string[] = [];
  for (const section of review.sections) {
    if (!isRecord(section) || !Array.isArray(section.questions)) throw notAReview();
    for (const question of section.questions) {
      if (!isRecord(question) || typeof question.id !== 'string' || !isRecord(question.answer)) throw notAReview();
      const blocks = blocksOf(question.answer.blocks, notAReview);
      const value = (question.answer.value ?? null) as AnswerValue | null; // checked by the importer
      if (!known.has(question.id)) {
        unmatched.push(...blocks.map((b) => (b.type === 'paragraph' ? b.text : b.items.map((i) => i.text).join(' '))));
        continue;
      }
      const text = typeof question.text === 'string' ? question.text : '';
      questions.push({ id: question.id, sourceText: text, blocks, value });
    }
  }
  if (questions.length === 0) throw notAReview();
  return {
    language: isLanguage(review.language) ? review.language : questionnaire.sourceLanguage,
    title: typeof review.title === 'string' ? normalizeText(review.title) || null : null,
    questions,
    unmatched,
  };
}
