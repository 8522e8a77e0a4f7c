import { pick, type Language, type Multilingual } from '../../domain/language.js';
import type { Actor } from '../../domain/permissions.js';
import { translate } from '../../i18n/index.js';
import type { ImportedReview } from '../../services/import-review.js';
import { renderAnswer } from '../../documents/review-html.js';
import { Html, html } from '../../domain/html.js';
import { layout } from './html.js';

const PATH = '/imports/new';

/** What the form offers and what it was sent, to show again with an error. */
export interface ImportFormState {
  /** The cycles a review may be imported into (open ones, else closed), titled in the page's language. */
  cycles: { id: string; title: string }[];
  country?: string;
  cycle?: string;
  /** The message, and the field it is about (the error summary links to it). */
  error?: { message: string; field: 'file' | 'country' | 'cycle' };
}

/**
 * The form to check a review file. On error, a summary at the top links to the field at
 * fault (the GOV.UK pattern), and the field says what is wrong. When the file does not name its
 * country (import.country_unknown), the country and the cycle are asked for; without a script
 * the browser cannot keep the file, so the hint says to choose it again (the web app's
 * « Importer un fichier » page keeps it).
 */
export function importFormPage(
  language: Language,
  maxBytes: number,
  actor: Actor | null,
  state: ImportFormState = { cycles: [] },
): string {
  const t = (key: string, params: Record<string, unknown> = {}) => translate(language, 'ui', key, params);
  const { error } = state;
  const asked = error?.field === 'country';
  const at = (field: 'file' | 'country' | 'cycle') => error?.field === field;
  const describedBy = (field: 'file' | 'country' | 'cycle') => `${field}-hint${at(field) ? ` ${field}-error` : ''}`;
  const message = (field: 'file' | 'country' | 'cycle') =>
    at(field) ? html`<p class="error-message" id="${field}-error">${error!.message}</p>` : '';
  const main = html`${
      error
        ? html`<div class="error-summary" role="alert" tabindex="-1">
            <h2>${t('import.error_summary')}</h2>
            <ul>
              <li><a href="#${error.field}">${error.message}</a></li>
            </ul>
          </div>`
        : ''
    }
    <h1>${t('import.title')}</h1>
    <p class="lead">${t('import.intro')}</p>
    <form method="post" action="${PATH}?lang=${language}" enctype="multipart/form-data" novalidate>
      <div class="field${at('file') ? ' field-error' : ''}">
        <label for="file">${t('import.file_label')}</label>
        <p class="hint" id="file-hint">
          ${t('import.file_hint', { limitBytes: maxBytes })}${asked ? html` ${t('import.choose_file_again')}` : ''}
        </p>
        ${message('file')}
        <input
          id="file"
          name="file"
          type="file"
          accept=".docx,.odt,.pdf,.txt"
          required
          aria-describedby="${describedBy('file')}"
        />
      </div>
      <div class="field${at('country') ? ' field-error' : ''}">
        <label for="country">${asked ? t('import.country_asked') : t('import.country_label')}</label>
        <p class="hint" id="country-hint">${t('import.country_hint')}</p>
        ${message('country')}
        <input
          id="country"
          name="country"
          type="text"
          maxlength="3"
          autocomplete="off"
          spellcheck="false"
          class="input-short"
          value="${state.country ?? ''}"
          aria-describedby="${describedBy('country')}"
          ${at('country') ? new Html(' aria-invalid="true"') : ''}
        />
      </div>
      <div class="field${at('cycle') ? ' field-error' : ''}">
        <label for="cycle">${asked ? t('import.cycle_asked') : t('import.cycle_label')}</label>
        <p class="hint" id="cycle-hint">${t('import.cycle_hint')}</p>
        ${message('cycle')}
        <select id="cycle" name="cycle" aria-describedby="${describedBy('cycle')}">
          <option value="">${t('import.cycle_any')}</option>
          ${state.cycles.map(
            (c) =>
              html`<option value="${c.id}" ${c.id === state.cycle ? new Html('selected') : ''}>${c.title}</option>`,
          )}
        </select>
      </div>
      <button type="submit" class="button">${t('import.submit')}</button>
    </form>`;
  return layout({ language, path: PATH, title: t('import.title'), main, actor });
}

/** What an import understood, question by question, with the figures highlighted. */
export function importPreviewPage(
  review: ImportedReview,
  language: Language,
  objectiveNames: ReadonlyMap<number, Multilingual>,
  /** The kept file's id when the reader may store it; null otherwise. */
  draftId: string | null,
  actor: Actor | null,
): string {
  const t = (key: string, params: Record<string, unknown> = {}) => translate(language, 'ui', key, params);
  const { report } = review;
  const list = (items: readonly string[]) =>
    html`<ul>
      ${items.map((item) => html`<li>${item}</li>`)}
    </ul>`;
  const questions = review.sections.flatMap((section) =>
    section.questions
      .filter((q) => q.answer.blocks.length > 0)
      .map((q) => {
        const suggestions = review.objectives[q.id] ?? [];
        return html`<article class="question" id="q-${q.id}">
          <h3><span class="question-id">${q.id}</span> <span lang="${review.language}" dir="auto">${q.text}</span></h3>
          <div class="answer">
            ${renderAnswer(
              q.answer.blocks,
              review.language,
              review.facts.filter((f) => f.questionId === q.id),
            )}
          </div>
          ${
            suggestions.length > 0
              ? html`<p class="objectives">
                  <strong>${t('import.objectives')}:</strong> ${suggestions.map(
                    (s, i) =>
                      html`${i > 0 ? ' · ' : ''}<span class="tag"
                          >${s.number}. ${pick(objectiveNames.get(s.number) ?? {}, language)}</span
                        >`,
                  )}
                </p>`
              : ''
          }
        </article>`;
      }),
  );
  const main = html`<h1>${t('import.preview_title')}</h1>
    <div class="notice" role="status">
      <p>${t('import.nothing_stored')}</p>
      ${
        draftId
          ? html`<form method="post" action="/imports/drafts/${draftId}?lang=${language}">
              <p>${t('import.store_hint', { country: review.country })}</p>
              <button type="submit" class="button">${t('import.store')}</button>
            </form>`
          : html`<p>${t('import.sign_in_to_store')}</p>`
      }
    </div>
    <dl class="summary">
      <div>
        <dt>${t('review.country')}</dt>
        <dd>${review.country}</dd>
      </div>
      <div>
        <dt>${t('review.language')}</dt>
        <dd><span lang="${review.language}">${t(`language.${review.language}`)}</span></dd>
      </div>
      <div>
        <dt>${t('import.format')}</dt>
        <dd>${report.format.toUpperCase()}</dd>
      </div>
      <div>
        <dt>${t('import.recognised')}</dt>
        <dd>${t('import.recognised_counts', report.recognised)}</dd>
      </div>
    </dl>
    ${
      report.warnings.length > 0
        ? html`<h2>${t('import.warnings')}</h2>
            ${list(report.warnings.map((w) => w.message))}`
        : ''
    }
    ${
      report.unmatched.length > 0
        ? html`<h2>${t('import.unmatched')}</h2>
            <div lang="${review.language}" dir="auto">${list(report.unmatched.map((u) => u.text))}</div>`
        : ''
    }
    <h2 lang="${review.language}" dir="auto">${review.title}</h2>
    ${questions}
    <p><a class="button" href="${PATH}?lang=${language}">${t('import.check_another')}</a></p>`;
  return layout({ language, path: PATH, title: t('import.preview_title'), main, actor });
}
