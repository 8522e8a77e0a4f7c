import { pick, type Language } from '../../domain/language.js';
import type { ReviewSummary } from '../../services/list-reviews.js';
import type { Actor } from '../../domain/permissions.js';
import { translate } from '../../i18n/index.js';
import { html, layout } from './html.js';

export type HomeRow = Pick<
  ReviewSummary,
  'country' | 'countryName' | 'cycle' | 'cycleTitle' | 'language' | 'status' | 'answered' | 'questions'
>;

/** The list of reviews: a table that stays readable on a phone (it scrolls in its own box). */
export function homePage(rows: readonly HomeRow[], language: Language, actor: Actor | null = null): string {
  const t = (key: string) => translate(language, 'ui', key);
  const body = rows.map(
    (row) =>
      html`<tr>
        <th scope="row">
          <a href="/reviews/${row.country}/${row.cycle}?lang=${language}">${pick(row.countryName, language)}</a>
        </th>
        <td>${pick(row.cycleTitle, language)}</td>
        <td><span lang="${row.language}">${t(`language.${row.language}`)}</span></td>
        <td>${t(`status.${row.status}`)}</td>
        <td class="numeric">${row.answered.toLocaleString(language)} / ${row.questions.toLocaleString(language)}</td>
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
  const main = html`<h1>${t('home.title')}</h1>
    <p class="lead">${t('home.intro')}</p>
    <p><a href="/imports/new?lang=${language}">${t('nav.import')}</a></p>
    ${table}`;
  return layout({ language, path: '/', title: t('home.title'), main, actor });
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
