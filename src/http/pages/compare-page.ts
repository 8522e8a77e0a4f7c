import { html } from '../../domain/html.js';
import { pick, type Language } from '../../domain/language.js';
import { formatDate } from '../../domain/locale-format.js';
import type { Actor } from '../../domain/permissions.js';
import type { Comparison } from '../../domain/side-by-side.js';
import { renderAnswer, syntheticTag } from '../../documents/review-html.js';
import { translate } from '../../i18n/index.js';
import { layout } from './html.js';

/**
 * « Comparer les réponses » on the public portal (`/cycles/{cycle}/questions/{questionId}`): the
 * published answers of the cycle's countries to one question, each in its own language and
 * direction, with the question's wording in the reader's language at the top and the other
 * questions to choose from below. The public reads published versions only (compareAnswers with
 * no actor); the workspace's side-by-side view is for the secretariat's submissions.
 */
export function comparePage(comparison: Comparison, language: Language, actor: Actor | null): string {
  const t = (key: string, params: Record<string, unknown> = {}) => translate(language, 'ui', key, params);
  const { cycle, question, answers } = comparison;
  const path = `/cycles/${encodeURIComponent(cycle.id)}/questions/${encodeURIComponent(question.id)}`;
  const columns = answers.map(
    (a) =>
      html`<article class="compare-answer">
        <h2>${pick(a.countryName, language)} ${a.synthetic ? syntheticTag(t) : ''}</h2>
        <p class="muted">
          <a href="/reviews/${a.country}/${encodeURIComponent(cycle.id)}/versions/${a.source.number}?lang=${language}"
            >${t('sidebyside.source_published', { number: a.source.number, date: formatDate(a.source.at, language) })}</a
          >
        </p>
        ${a.blocks.length > 0 ? renderAnswer(a.blocks, a.language) : html`<p class="muted">${t('review.no_answer')}</p>`}
      </article>`,
  );
  const picker = comparison.sections.map(
    (s) =>
      html`<li>
        ${s.id}. ${s.title}
        <ul>
          ${s.questions.map(
            (q) =>
              html`<li>
                <a href="/cycles/${encodeURIComponent(cycle.id)}/questions/${encodeURIComponent(q.id)}?lang=${language}"
                  >${q.id}</a
                >
                ${q.text}
              </li>`,
          )}
        </ul>
      </li>`,
  );
  const main = html`<p><a href="/open-data?lang=${language}">${pick(cycle.title, language)}</a></p>
    <h1>${t('sidebyside.title', { question: question.id })}</h1>
    <p class="lead">${question.text}</p>
    <p>${t('sidebyside.intro')}</p>
    <p><a href="/cycles/${encodeURIComponent(cycle.id)}/figures?lang=${language}">${t('portal.figures.title')}</a></p>
    ${
      answers.length === 0
        ? html`<p class="muted">${t('sidebyside.none')}</p>`
        : html`<div class="compare-answers">${columns}</div>`
    }
    <h2>${t('sidebyside.pick_question')}</h2>
    <ul class="compare-questions">
      ${picker}
    </ul>`;
  return layout({ language, path, title: t('sidebyside.title', { question: question.id }), main, actor });
}
