import type { Block } from '../domain/blocks.js';
import type { Fact } from '../domain/facts.js';
import { html, type Html } from '../domain/html.js';
import { direction, pick, type Language, type Multilingual } from '../domain/language.js';
import type { Questionnaire } from '../domain/questionnaire.js';
import type { ReviewDocument } from '../domain/review.js';
import { NO_NAMES, valueLines, type ValueNames } from '../domain/value-text.js';

/**
 * A review's content as HTML — its sections, questions and answers — shared by the review page
 * (src/http/pages/review-page.ts) and the printable review (export-html.ts), so that the page and
 * the file read the same. What Pacte writes around the answers comes from `t`, in the reader's
 * language (the caller's translations: documents do not read catalogues).
 */
export type Translate = (key: string, params?: Record<string, unknown>) => string;

/** A review with what is needed to show it: its questionnaire, its country and cycle names. */
export interface ReviewContent {
  /** `synthetic`: a fictional country's review (the demo region), labelled as such wherever shown. */
  review: ReviewDocument & { status: string; synthetic?: boolean };
  questionnaire: Questionnaire;
  countryName: Multilingual;
  cycleTitle: Multilingual;
  /** The objectives' and principles' titles, for answers that pick some (value-text.ts). */
  names?: ValueNames;
}

/**
 * A typed answer's value, above its free text: the options (ticked ☒, not ☐) or the number with
 * its unit, in the reader's language, written as documents write them (value-text.ts) so that a
 * PDF of the page imports back to the same value.
 */
export function renderValue(lines: readonly string[], language: Language): Html | '' {
  if (lines.length === 0) return '';
  return html`<ul class="answer-value" lang="${language}" dir="${direction(language)}">
    ${lines.map((line) => html`<li>${line}</li>`)}
  </ul>`;
}

/**
 * The label of synthetic data on a page or a printable file: a framed « Synthetic data » and a
 * sentence saying why, in words (never colour alone; styles in pacte.css), announced with the
 * content it labels (role="note"). The web app's twin is src/web/components/synthetic.tsx.
 */
export function syntheticBanner(t: Translate): Html {
  return html`<p class="synthetic-banner" role="note">
    <strong class="tag synthetic-tag">${t('synthetic.label')}</strong> ${t('synthetic.explanation')}
  </p>`;
}

/** The short tag alone, for a row of a list (search results, the portal's list of reviews). */
export function syntheticTag(t: Translate): Html {
  return html`<strong class="tag synthetic-tag">${t('synthetic.label')}</strong>`;
}

/**
 * An answer as pages show it: its text in its own language and direction, the figures it
 * quotes highlighted; the frame around it (.answer) follows the page's direction.
 */
export function renderAnswer(blocks: readonly Block[], language: Language, facts: readonly Fact[] = []): Html {
  return html`<div class="answer-text" lang="${language}" dir="${direction(language)}">
    ${renderBlocks(blocks, facts)}
  </div>`;
}

/**
 * An answer's blocks as HTML. `facts` (optional) are highlighted where their position says,
 * which is what the block paths and offsets of a fact are for. Text stays escaped.
 */
export function renderBlocks(blocks: readonly Block[], facts: readonly Fact[] = [], path: number[] = []): Html[] {
  return blocks.map((block, i) => {
    if (block.type === 'paragraph') return html`<p dir="auto">${highlight(block.text, facts, [...path, i])}</p>`;
    const entries = block.items.map(
      (item, j) =>
        html`<li dir="auto">
          ${highlight(item.text, facts, [...path, i, j])}${renderBlocks(item.blocks, facts, [...path, i, j])}
        </li>`,
    );
    return block.ordered
      ? html`<ol>
          ${entries}
        </ol>`
      : html`<ul>
          ${entries}
        </ul>`;
  });
}

function highlight(text: string, facts: readonly Fact[], path: number[]): (Html | string)[] {
  const here = facts
    .filter((f) => f.position.block.length === path.length && f.position.block.every((n, k) => n === path[k]))
    .sort((a, b) => a.position.start - b.position.start);
  const parts: (Html | string)[] = [];
  let at = 0;
  for (const fact of here) {
    const { start, end } = fact.position;
    if (start < at || end > text.length) continue; // overlapping or stale: show the text plainly
    parts.push(text.slice(at, start), html`<mark class="fact">${text.slice(start, end)}</mark>`);
    at = end;
  }
  parts.push(text.slice(at));
  return parts;
}

/**
 * The review's sections: questions in `language` (marked when the wording is an unofficial
 * translation), answers as written.
 */
export function reviewSections(input: ReviewContent, language: Language, t: Translate): Html[] {
  const { review, questionnaire } = input;
  const answerLang = review.language;
  const unofficial = (status: string | undefined) =>
    status === 'unofficial' ? html` <span class="tag">${t('review.unofficial_translation')}</span>` : '';

  return questionnaire.sections.map((section) => {
    const answered = review.sections.find((s) => s.id === section.id);
    const questions = section.questions.map((question) => {
      const given = answered?.questions.find((q) => q.id === question.id)?.answer;
      const answer = given?.blocks ?? [];
      const value = renderValue(valueLines(question, given?.value, language, input.names ?? NO_NAMES), language);
      return html`<article class="question" id="q-${question.id}">
        <h3>
          <span class="question-id">${question.id}</span>
          ${pick(question.text, language)}${unofficial(question.textStatus[language])}
        </h3>
        <div class="answer">
          ${value}
          ${
            answer.length > 0
              ? renderAnswer(
                  answer,
                  answerLang,
                  review.facts.filter((fact) => fact.questionId === question.id),
                )
              : value === ''
                ? html`<p class="muted">${t('review.no_answer')}</p>`
                : ''
          }
        </div>
      </article>`;
    });
    return html`<section class="section" id="s-${section.id}" aria-labelledby="h-${section.id}">
      <h2 id="h-${section.id}">
        ${section.id}. ${pick(section.title, language)}${unofficial(section.titleStatus[language])}
      </h2>
      ${questions}
    </section>`;
  });
}
