import { pick, type Language } from '../../domain/language.js';
import type { Actor } from '../../domain/permissions.js';
import type { PublishedReview } from '../../db/queries/publications.js';
import type { ReviewSummary } from '../../db/queries/reviews.js';
import { translate } from '../../i18n/index.js';
import { html, type Html } from '../../domain/html.js';
import { formatDate, formatNumber } from '../../domain/locale-format.js';
import { syntheticTag } from '../../documents/review-html.js';
import { layout } from './html.js';

export type HomeRow = Pick<
  ReviewSummary,
  'country' | 'countryName' | 'cycle' | 'cycleTitle' | 'language' | 'status' | 'answered' | 'questions' | 'synthetic'
>;

/**
 * The public portal: the published reviews by region, cycle and country (each its latest
 * version), a search box and open data. Someone signed in also finds the reviews they work on
 * (`rows`: those they may read, in any state) and the way to the workspace.
 */
export function homePage(
  published: readonly PublishedReview[],
  rows: readonly HomeRow[],
  language: Language,
  actor: Actor | null = null,
): string {
  const t = (key: string, params: Record<string, unknown> = {}) => translate(language, 'ui', key, params);
  const main = html`<h1>${t('portal.title')}</h1>
    <p class="lead">${t('portal.intro')}</p>
    ${searchBox(language, 'portal-q')}
    <p><a href="/open-data?lang=${language}">${t('portal.open_data')}</a></p>
    <p><a href="/practices?lang=${language}">${t('practices.link')}</a></p>
    ${actor?.userId ? workSection(rows, language) : ''}
    <section aria-labelledby="published-title">
      <h2 id="published-title">${t('portal.published_title')}</h2>
      ${published.length === 0 ? html`<p class="muted">${t('portal.empty')}</p>` : publishedList(published, language)}
    </section>`;
  return layout({ language, path: '/', title: t('portal.title'), main, actor });
}

/** The search form of the portal (a GET to /search, in the page's language). */
export function searchBox(language: Language, id: string): Html {
  const t = (key: string) => translate(language, 'ui', key);
  return html`<form class="search-box" role="search" method="get" action="/search">
    <input type="hidden" name="lang" value="${language}" />
    <label for="${id}">${t('portal.search_label')}</label>
    <div class="search-row">
      <input type="search" id="${id}" name="q" maxlength="200" dir="auto" />
      <button type="submit" class="button">${t('search.submit')}</button>
    </div>
  </form>`;
}

/** Region (h3), then cycle (h4), then one line per country, as listPublications orders them. */
function publishedList(published: readonly PublishedReview[], language: Language): Html[] {
  const t = (key: string, params: Record<string, unknown> = {}) => translate(language, 'ui', key, params);
  const regions = new Map<string, PublishedReview[][]>();
  for (const row of published) {
    const cycles = regions.get(row.region) ?? [];
    const last = cycles.at(-1);
    if (last?.[0]?.cycle === row.cycle) last.push(row);
    else cycles.push([row]);
    regions.set(row.region, cycles);
  }
  return [...regions.values()].map(
    (cycles) =>
      html`<div class="region">
        <h3>${pick(cycles[0]![0]!.regionName, language)}</h3>
        ${cycles.map(
          (rows) =>
            // The cycle's public page (public-cycle-page.ts): participation, figures, synthesis.
            html`<h4>
                <a href="/regions/${rows[0]!.region}/cycles/${rows[0]!.cycle}?lang=${language}"
                  >${pick(rows[0]!.cycleTitle, language)}</a
                >
              </h4>
              <ul class="publications">
                ${rows.map(
                  (row) =>
                    html`<li>
                      <a href="/reviews/${row.country}/${row.cycle}?lang=${language}"
                        >${pick(row.countryName, language)}</a
                      >
                      ${row.synthetic ? syntheticTag(t) : ''}
                      <span class="muted"
                        >${t('review.version_published', {
                          version: formatNumber(row.version, language),
                          date: formatDate(row.publishedAt, language),
                        })}
                        · <span lang="${row.language}">${t(`language.${row.language}`)}</span></span
                      >
                    </li>`,
                )}
              </ul>`,
        )}
      </div>`,
  );
}

/** The reviews someone signed in may work on: a table that scrolls in its own box on a phone. */
function workSection(rows: readonly HomeRow[], language: Language): Html {
  const t = (key: string) => translate(language, 'ui', key);
  const body = rows.map(
    (row) =>
      html`<tr>
        <th scope="row">
          <a href="/reviews/${row.country}/${row.cycle}?lang=${language}">${pick(row.countryName, language)}</a>
          ${row.synthetic ? syntheticTag(t) : ''}
        </th>
        <td>${pick(row.cycleTitle, language)}</td>
        <td><span lang="${row.language}">${t(`language.${row.language}`)}</span></td>
        <td>${t(`status.${row.status}`)}</td>
        <td class="numeric">${formatNumber(row.answered, language)} / ${formatNumber(row.questions, language)}</td>
      </tr>`,
  );
  const table =
    rows.length === 0
      ? html`<p class="muted">${t('home.empty')}</p>`
      : html`<div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">${t('table.country')}</th>
                <th scope="col">${t('table.cycle')}</th>
                <th scope="col">${t('table.language')}</th>
                <th scope="col">${t('table.status')}</th>
                <th scope="col">${t('table.answered')}</th>
              </tr>
            </thead>
            <tbody>
              ${body}
            </tbody>
          </table>
        </div>`;
  return html`<section class="work" aria-labelledby="work-title">
    <h2 id="work-title">${t('portal.work_title')}</h2>
    <p>
      <a href="/app/?lang=${language}">${t('portal.workspace_link')}</a> ·
      <a href="/imports/new?lang=${language}">${t('nav.import')}</a>
    </p>
    ${table}
  </section>`;
}

export function notFoundPage(language: Language, path: string): string {
  const t = (key: string) => translate(language, 'ui', key);
  return layout({
    language,
    path,
    title: t('error.title'),
    main: html`<h1>${t('error.title')}</h1>
      <p><a href="/?lang=${language}">${t('error.back')}</a></p>`,
  });
}
