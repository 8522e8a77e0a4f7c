import { html, type Html } from '../../domain/html.js';
import { direction, LANGUAGES, pick, type Language, type Multilingual } from '../../domain/language.js';
import { formatDate } from '../../domain/locale-format.js';
import type { Actor } from '../../domain/permissions.js';
import { PRACTICE_TEXTS, type TranslatedField } from '../../domain/practices.js';
import { syntheticTag } from '../../documents/review-html.js';
import { translate } from '../../i18n/index.js';
import type { PracticeDetail, PracticeWithTranslations } from '../../services/list-practices.js';
import { layout } from './html.js';

/** What the portal's practices form was asked (kept in the form, the exports' links and the language switch). */
export interface PracticesForm {
  objective: number | undefined;
  principle: string | undefined;
  country: string | undefined;
  q: string | undefined;
  searchLanguage: Language | undefined;
}

export interface PracticesCatalogue {
  objectives: { number: number; shortName: Multilingual }[];
  principles: { key: string; title: Multilingual }[];
  /** The countries of published practices: the country filter's choices. */
  countries: { code: string; name: Multilingual }[];
  names: (code: string) => Multilingual;
}

/** The form's query string (without the page's `lang`), for the exports and the language switch. */
export function practicesQuery(form: PracticesForm): string {
  const params = new URLSearchParams();
  if (form.objective !== undefined) params.set('objective', String(form.objective));
  if (form.principle) params.set('principle', form.principle);
  if (form.country) params.set('country', form.country);
  if (form.q) params.set('q', form.q);
  if (form.searchLanguage) params.set('searchLanguage', form.searchLanguage);
  return params.toString();
}

type T = (key: string, params?: Record<string, unknown>) => string;

/**
 * « Pratiques » on the public portal (`/practices`): the published practices, filtered by GCM
 * objective, guiding principle and country, searched by their words in fr/en/ar (the same
 * full-text configurations as the reviews'), downloadable with the same filters as CSV and JSON.
 */
export function practicesPage(
  form: PracticesForm,
  list: readonly PracticeWithTranslations[],
  catalogue: PracticesCatalogue,
  error: string | null,
  language: Language,
  actor: Actor | null,
): string {
  const t: T = (key, params = {}) => translate(language, 'ui', key, params);
  const query = practicesQuery(form);
  const select = (name: string, label: string, choices: { value: string; label: string }[], selected?: string) =>
    html`<div class="field field-inline">
      <label for="practices-${name}">${label}</label>
      <select id="practices-${name}" name="${name}">
        <option value="">${t('search.any')}</option>
        ${choices.map(
          (c) => html`<option value="${c.value}" ${c.value === selected ? html`selected` : ''}>${c.label}</option>`,
        )}
      </select>
    </div>`;
  const summary = error
    ? html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title">
        <h2 id="error-summary-title">${t('import.error_summary')}</h2>
        <p><a href="#practices-q">${error}</a></p>
      </div>`
    : '';
  const formHtml = html`<form class="search-form practices-form" method="get" action="/practices">
    <input type="hidden" name="lang" value="${language}" />
    <div class="field ${error ? 'field-error' : ''}">
      <label for="practices-q">${t('practices.query_label')}</label>
      ${error ? html`<p class="error-message" id="practices-q-error">${error}</p>` : ''}
      <div class="search-row">
        <input
          type="search"
          id="practices-q"
          name="q"
          maxlength="200"
          dir="auto"
          value="${form.q ?? ''}"
          ${error ? html`aria-invalid="true" aria-describedby="practices-q-error"` : ''}
        />
        <button type="submit" class="button">${t('search.submit')}</button>
      </div>
    </div>
    <fieldset class="filters">
      <legend>${t('search.filters')}</legend>
      ${select(
        'searchLanguage',
        t('search.language_label'),
        LANGUAGES.map((l) => ({ value: l, label: translate(l, 'ui', `language.${l}`) })),
        form.searchLanguage,
      )}
      ${select(
        'objective',
        t('practices.objective'),
        catalogue.objectives.map((o) => ({
          value: String(o.number),
          label: `${o.number}. ${pick(o.shortName, language)}`,
        })),
        form.objective === undefined ? undefined : String(form.objective),
      )}
      ${select(
        'principle',
        t('practices.principle'),
        catalogue.principles.map((p) => ({ value: p.key, label: pick(p.title, language) })),
        form.principle,
      )}
      ${select(
        'country',
        t('search.country_label'),
        catalogue.countries.map((c) => ({ value: c.code, label: pick(c.name, language) || c.code })),
        form.country,
      )}
    </fieldset>
  </form>`;
  const objective = (n: number) => catalogue.objectives.find((o) => o.number === n);
  const items = list.map(
    (p) =>
      html`<li class="practice-item">
        <h3 lang="${p.language}" dir="${direction(p.language)}">
          <a href="/practices/${String(p.id)}?lang=${language}">${p.title}</a>
        </h3>
        ${p.synthetic ? html`<p>${syntheticTag(t)}</p>` : ''}
        <p class="muted">
          ${p.countries.map((c) => pick(catalogue.names(c), language) || c).join(' · ')} —
          ${t(`practices.scope.${p.scope}`)}
        </p>
        <p lang="${p.language}" dir="${direction(p.language)}">${p.summary}</p>
        ${
          p.objectives.length > 0
            ? html`<ul class="practice-objectives" aria-label="${t('practices.objectives')}">
                ${p.objectives.map(
                  (n) =>
                    html`<li class="tag">
                      ${t('practices.objective_n', { number: n })} ${pick(objective(n)?.shortName ?? {}, language)}
                    </li>`,
                )}
              </ul>`
            : ''
        }
      </li>`,
  );
  const exports = html`<p class="practices-exports">
    ${t('practices.download')}
    <a href="/practices.csv${query ? `?${query}` : ''}" download dir="ltr">practices.csv</a> ·
    <a href="/practices.json${query ? `?${query}` : ''}" dir="ltr">practices.json</a>
  </p>`;
  const main = html`<h1>${t('practices.title')}</h1>
    <p class="lead">${t('practices.intro')}</p>
    ${summary} ${formHtml}
    <h2 id="practices-results">${t('practices.results', { count: list.length })}</h2>
    ${
      list.length === 0
        ? html`<p class="muted">${t('practices.none')}</p>`
        : html`<ul class="practice-list">
            ${items}
          </ul>`
    }
    ${exports}`;
  const path = query ? `/practices?${query}` : '/practices';
  return layout({ language, path, title: t('practices.title'), main, actor });
}

/**
 * One published practice (`/practices/{id}`): its fields in the language the country wrote them,
 * or in a translation offered (`?text=`); the passage of a submitted answer it comes from, quoted,
 * with a link to the country's published review only when that review still says it.
 */
export function practicePage(
  p: PracticeDetail,
  catalogue: PracticesCatalogue,
  textLanguage: Language,
  language: Language,
  actor: Actor | null,
): string {
  const t: T = (key, params = {}) => translate(language, 'ui', key, params);
  const translation = p.translations.find((x) => x.language === textLanguage && x.language !== p.language);
  const shown = translation ? textLanguage : p.language;
  const text = (field: TranslatedField) => (translation ? translation.fields[field] : p[field]);
  const own = (content: string | Html) => html`<span lang="${shown}" dir="${direction(shown)}">${content}</span>`;
  const row = (label: string, value: string | Html) =>
    html`<div>
      <dt>${label}</dt>
      <dd>${value}</dd>
    </div>`;
  const list = (values: readonly string[]) => (values.length === 0 ? '—' : values.join(' · '));
  const offered = [p.language, ...p.translations.map((x) => x.language).filter((l) => l !== p.language)];
  const textLinks = offered.map((l) =>
    l === shown
      ? html`<li><strong lang="${l}">${translate(l, 'ui', `language.${l}`)}</strong></li>`
      : html`<li>
          <a href="/practices/${String(p.id)}?lang=${language}&amp;text=${l}" lang="${l}" hreflang="${l}"
            >${translate(l, 'ui', `language.${l}`)}</a
          >
        </li>`,
  );
  const principle = (key: string) =>
    pick(catalogue.principles.find((x) => x.key === key)?.title ?? {}, language) || key;
  const objective = (n: number) =>
    `${n}. ${pick(catalogue.objectives.find((o) => o.number === n)?.shortName ?? {}, language)}`;
  const period =
    p.period.start === null && p.period.end === null
      ? '—'
      : `${p.period.start ?? '…'} – ${p.period.end ?? t('practices.ongoing')}`;
  const source = p.source;
  const sourceHtml = source
    ? html`<section aria-labelledby="practice-source">
        <h2 id="practice-source">${t('practices.source')}</h2>
        <blockquote class="practice-quote" lang="${p.language}" dir="${direction(p.language)}">
          ${source.text}
        </blockquote>
        <p class="muted">
          ${t('practices.source_of', { country: pick(catalogue.names(p.country), language) || p.country, question: source.questionId })}
          ${
            p.publishedSource
              ? html`<a
                  href="/reviews/${p.publishedSource.country}/${p.publishedSource.cycle}/versions/${String(p.publishedSource.version)}?lang=${language}"
                  >${t('practices.source_review')}</a
                >`
              : t('practices.source_unpublished')
          }
        </p>
      </section>`
    : '';
  const sections = PRACTICE_TEXTS.filter((f) => text(f) !== '').map(
    (f) =>
      html`<section aria-labelledby="practice-${f}">
        <h2 id="practice-${f}">${t(`practices.field.${f}`)}</h2>
        <div class="practice-text" lang="${shown}" dir="${direction(shown)}">${text(f)}</div>
      </section>`,
  );
  const main = html`<p><a href="/practices?lang=${language}">${t('practices.title')}</a></p>
    <h1 lang="${shown}" dir="${direction(shown)}">${text('title')}</h1>
    ${p.synthetic ? html`<p>${syntheticTag(t)} ${t('synthetic.explanation')}</p>` : ''}
    ${
      offered.length > 1
        ? html`<nav aria-label="${t('practices.read_in')}">
            <p class="muted">${t('practices.read_in')}</p>
            <ul class="practice-languages">
              ${textLinks}
            </ul>
          </nav>`
        : ''
    }
    ${
      translation
        ? html`<p class="notice">
            ${t('practices.translation_note', {
              language: translate(language, 'ui', `language.${p.language}`),
              date: formatDate(translation.updatedAt, language),
            })}
          </p>`
        : ''
    }
    <p class="lead">${own(text('summary'))}</p>
    <dl class="summary practice-facts">
      ${row(t('practices.countries'), list(p.countries.map((c) => pick(catalogue.names(c), language) || c)))}
      ${row(t('practices.scope_label'), t(`practices.scope.${p.scope}`))}
      ${row(t('practices.period'), html`<span dir="auto">${period}</span>`)}
      ${row(t('practices.implementing'), own(list(p.implementing)))}
      ${row(t('practices.partners'), own(list(p.partners)))}
      ${row(t('practices.objectives'), list(p.objectives.map(objective)))}
      ${row(t('practices.principles'), list(p.principles.map(principle)))}
      ${row(t('practices.stakeholders'), list(p.stakeholders.map((s) => t(`practices.stakeholder.${s}`))))}
      ${row(t('practices.published'), p.publishedAt ? formatDate(p.publishedAt, language) : '—')}
    </dl>
    ${sections}
    ${
      p.links.length > 0
        ? html`<section aria-labelledby="practice-links">
            <h2 id="practice-links">${t('practices.links')}</h2>
            <ul class="practice-links">
              ${p.links.map((l) => html`<li><a href="${l}" rel="nofollow noopener" dir="ltr">${l}</a></li>`)}
            </ul>
          </section>`
        : ''
    }
    ${
      p.contact
        ? html`<section aria-labelledby="practice-contact">
            <h2 id="practice-contact">${t('practices.contact')}</h2>
            <p lang="${p.language}" dir="auto">${p.contact}</p>
          </section>`
        : ''
    }
    ${sourceHtml}`;
  const path = `/practices/${String(p.id)}${shown !== p.language ? `?text=${shown}` : ''}`;
  return layout({ language, path, title: text('title'), main, actor });
}
