import { pick, type Language, type Multilingual } from '../../domain/language.js';
import type { Questionnaire } from '../../domain/questionnaire.js';
import type { ReviewDocument } from '../../domain/review.js';
import type { Actor } from '../../domain/permissions.js';
import { translate } from '../../i18n/index.js';
import { renderAnswer } from './blocks.js';
import { html, layout, type Html } from './html.js';

export interface ReviewPageInput {
  review: ReviewDocument & { status: string };
  questionnaire: Questionnaire;
  countryName: Multilingual;
  cycleTitle: Multilingual;
}

/**
 * One review, read as a document: questions in the reader's language (marked when the wording
 * is an unofficial translation), answers as written, with their list structure.
 */
export function reviewPage(
  input: ReviewPageInput,
  language: Language,
  path: string,
  actor: Actor | null = null,
): string {
  const { review, questionnaire } = input;
  const t = (key: string) => translate(language, 'ui', key);
  const answerLang = review.language;
  const sections = reviewSections(input, language);

  const contents = questionnaire.sections.map(
    (section) => html`<li><a href="#s-${section.id}">${section.id}. ${pick(section.title, language)}</a></li>`,
  );

  const main = html`<p class="breadcrumb"><a href="/?lang=${language}">${t('nav.reviews')}</a></p>
    <h1 lang="${answerLang}" dir="auto">${review.title}</h1>
    <dl class="summary">
      <div>
        <dt>${t('review.country')}</dt>
        <dd>${pick(input.countryName, language)} (${review.country})</dd>
      </div>
      <div>
        <dt>${t('review.cycle')}</dt>
        <dd>${pick(input.cycleTitle, language)}</dd>
      </div>
      <div>
        <dt>${t('review.language')}</dt>
        <dd><span lang="${answerLang}">${t(`language.${answerLang}`)}</span></dd>
      </div>
      <div>
        <dt>${t('review.status')}</dt>
        <dd>${t(`status.${review.status}`)}</dd>
      </div>
    </dl>
    <p><a href="/api/v1/reviews/${review.country}/${review.cycle}">${t('review.json')}</a></p>
    <nav class="contents" aria-labelledby="contents-title">
      <h2 id="contents-title">${t('review.contents')}</h2>
      <ol>
        ${contents}
      </ol>
    </nav>
    ${sections}`;
  return layout({ language, path, title: review.title, main, actor });
}

/**
 * The review's sections: questions in `language` (marked when the wording is an unofficial
 * translation), answers as written. Shared by the review page and the printable export.
 */
export function reviewSections(input: ReviewPageInput, language: Language): Html[] {
  const { review, questionnaire } = input;
  const t = (key: string) => translate(language, 'ui', key);
  const answerLang = review.language;
  const unofficial = (status: string | undefined) =>
    status === 'unofficial' ? html` <span class="tag">${t('review.unofficial_translation')}</span>` : '';

  return questionnaire.sections.map((section) => {
    const answered = review.sections.find((s) => s.id === section.id);
    const questions = section.questions.map((question) => {
      const answer = answered?.questions.find((q) => q.id === question.id)?.answer.blocks ?? [];
      return html`<article class="question" id="q-${question.id}">
        <h3>
          <span class="question-id">${question.id}</span>
          ${pick(question.text, language)}${unofficial(question.textStatus[language])}
        </h3>
        <div class="answer">
          ${
            answer.length > 0
              ? renderAnswer(
                  answer,
                  answerLang,
                  review.facts.filter((fact) => fact.questionId === question.id),
                )
              : html`<p class="muted">${t('review.no_answer')}</p>`
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
