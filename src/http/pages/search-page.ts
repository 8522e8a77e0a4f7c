import { LANGUAGES, pick, type Language, type Multilingual } from '../../domain/language.js';
import type { Actor } from '../../domain/permissions.js';
import { translate } from '../../i18n/index.js';
import type { DescribedHit } from '../../services/describe-search-hits.js';
import { Html, html } from '../../domain/html.js';
import { formatNumber } from '../../domain/locale-format.js';
import { layout } from './html.js';
import { syntheticTag } from '../../documents/review-html.js';

/** What the search form was asked (kept in the form and in the pages' links). */
export interface SearchForm {
  q: string | undefined;
  /** The language of the answers looked in (the page's own is `?lang=`). */
  language: Language | undefined;
  country: string | undefined;
  cycle: string | undefined;
  offset: number;
  /** Results per page. */
  limit: number;
}

export const SEARCH_PAGE_SIZE = 20;

export interface SearchOptions {
  countries: { code: string; name: Multilingual }[];
  cycles: { id: string; title: Multilingual }[];
}

export type SearchOutcome =
  | { kind: 'form' }
  | { kind: 'error'; message: string }
  | { kind: 'results'; hits: readonly DescribedHit[]; total: number };

/** The query string of a search (without the page's `lang`), for links that keep it. */
export function searchQuery(form: SearchForm, offset = form.offset): string {
  const params = new URLSearchParams();
  if (form.q !== undefined) params.set('q', form.q);
  if (form.language) params.set('language', form.language);
  if (form.country) params.set('country', form.country);
  if (form.cycle) params.set('cycle', form.cycle);
  if (form.limit !== SEARCH_PAGE_SIZE) params.set('limit', String(form.limit));
  if (offset > 0) params.set('offset', String(offset));
  return params.toString();
}

/**
 * The search page: the form (GOV.UK pattern: an error summary linking to the field at fault),
 * then the results, each naming its country, cycle and question, with the snippet that
 * search-reviews made (the answer's text escaped, matches in <mark>: inserted as it is).
 */
export function searchPage(
  form: SearchForm,
  options: SearchOptions,
  outcome: SearchOutcome,
  language: Language,
  actor: Actor | null = null,
): string {
  const t = (key: string, params: Record<string, unknown> = {}) => translate(language, 'ui', key, params);
  const error = outcome.kind === 'error' ? outcome.message : null;
  const select = (
    name: string,
    label: string,
    choices: { value: string; label: string; lang?: string }[],
    selected: string | undefined,
  ) =>
    html`<div class="field field-inline">
      <label for="search-${name}">${label}</label>
      <select id="search-${name}" name="${name}">
        <option value="">${t('search.any')}</option>
        ${choices.map(
          (c) =>
            html`<option
              value="${c.value}"
              ${c.lang ? html`lang="${c.lang}"` : ''}
              ${c.value === selected ? html`selected` : ''}
            >
              ${c.label}
            </option>`,
        )}
      </select>
    </div>`;

  const summary = error
    ? html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title">
        <h2 id="error-summary-title">${t('import.error_summary')}</h2>
        <p><a href="#search-q">${error}</a></p>
      </div>`
    : '';
  const formHtml = html`<form class="search-form" role="search" method="get" action="/search">
    <input type="hidden" name="lang" value="${language}" />
    <div class="field ${error ? 'field-error' : ''}">
      <label for="search-q">${t('search.query_label')}</label>
      <p class="hint" id="search-q-hint">${t('search.query_hint')}</p>
      ${error ? html`<p class="error-message" id="search-q-error">${error}</p>` : ''}
      <div class="search-row">
        <input
          type="search"
          id="search-q"
          name="q"
          maxlength="200"
          dir="auto"
          value="${form.q ?? ''}"
          aria-describedby="search-q-hint${error ? ' search-q-error' : ''}"
          ${error ? html`aria-invalid="true"` : ''}
        />
        <button type="submit" class="button">${t('search.submit')}</button>
      </div>
    </div>
    <fieldset class="filters">
      <legend>${t('search.filters')}</legend>
      ${select(
        'language',
        t('search.language_label'),
        LANGUAGES.map((l) => ({ value: l, label: translate(l, 'ui', `language.${l}`), lang: l })),
        form.language,
      )}
      ${select(
        'country',
        t('search.country_label'),
        options.countries.map((c) => ({ value: c.code, label: pick(c.name, language) })),
        form.country,
      )}
      ${select(
        'cycle',
        t('search.cycle_label'),
        options.cycles.map((c) => ({ value: c.id, label: pick(c.title, language) })),
        form.cycle,
      )}
    </fieldset>
  </form>`;

  const main = html`<h1>${t('search.title')}</h1>
    ${summary} ${formHtml} ${outcome.kind === 'results' ? results(form, outcome, language) : ''}`;
  const query = searchQuery(form);
  return layout({
    language,
    path: query ? `/search?${query}` : '/search',
    title: form.q ? `${form.q} — ${t('search.title')}` : t('search.title'),
    main,
    actor,
  });
}

function results(
  form: SearchForm,
  outcome: { hits: readonly DescribedHit[]; total: number },
  language: Language,
): Html {
  const t = (key: string, params: Record<string, unknown> = {}) => translate(language, 'ui', key, params);
  const { hits, total } = outcome;
  const { limit } = form;
  const number = (n: number) => formatNumber(n, language);
  const count =
    hits.length === 0
      ? t(total === 0 ? 'search.none' : 'search.beyond', { total })
      : t('search.range', {
          count: hits.length,
          from: number(form.offset + 1),
          to: number(form.offset + hits.length),
          total: number(total),
        });
  const items = hits.map((hit) => {
    const wording = hit.question ? pick(hit.question.text, language) : '';
    const unofficial =
      hit.question?.textStatus[language] === 'unofficial'
        ? html` <span class="tag">${t('review.unofficial_translation')}</span>`
        : '';
    const href = `/reviews/${hit.country}/${hit.cycle}?lang=${language}#q-${hit.questionId}`;
    return html`<li class="result" data-question="${hit.questionId}" data-country="${hit.country}">
      <h3>
        <a href="${href}">${pick(hit.countryName, language)} — ${t('search.question')} <bdi>${hit.questionId}</bdi></a>
      </h3>
      <p class="result-meta">${pick(hit.cycleTitle, language)} ${hit.synthetic ? syntheticTag(t) : ''}</p>
      ${wording ? html`<p class="result-question">${wording}${unofficial}</p>` : ''}
      <blockquote class="snippet" ${hit.language ? html`lang="${hit.language}"` : ''} dir="auto">
        ${new Html(hit.snippet)}
      </blockquote>
    </li>`;
  });
  const link = (offset: number) => `/search?${searchQuery(form, offset)}&lang=${language}`;
  const previous = form.offset > 0 ? Math.max(form.offset - limit, 0) : null;
  const next = form.offset + hits.length < total && hits.length > 0 ? form.offset + limit : null;
  const pagination =
    previous === null && next === null
      ? ''
      : html`<nav class="pagination" aria-label="${t('search.pages')}">
          <ul>
            ${previous === null ? '' : html`<li><a href="${link(previous)}" rel="prev">${t('search.previous')}</a></li>`}
            ${next === null ? '' : html`<li><a href="${link(next)}" rel="next">${t('search.next')}</a></li>`}
          </ul>
        </nav>`;
  return html`<section class="results" aria-labelledby="results-title">
    <h2 id="results-title">${t('search.results_title')}</h2>
    <p class="result-count" role="status">${count}</p>
    ${
      hits.length === 0
        ? ''
        : html`<ol class="result-list" start="${form.offset + 1}">
            ${items}
          </ol>`
    }
    ${pagination}
  </section>`;
}
