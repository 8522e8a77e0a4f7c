import { pick, type Language } from '../../domain/language.js';
import type { Actor } from '../../domain/permissions.js';
import { translate } from '../../i18n/index.js';
import type { OpenDataCycle } from '../../services/list-open-data.js';
import { html } from '../../domain/html.js';
import { formatDate, formatNumber } from '../../domain/locale-format.js';
import { syntheticTag } from '../../documents/review-html.js';
import { layout } from './html.js';

/**
 * Open data: the licence, when it was last updated, and per cycle how many reviews and the zip
 * (GET /api/v1/open-data/{cycle}); the API documentation for the same data.
 */
export function openDataPage(
  data: { lastUpdated: Date | null; cycles: readonly OpenDataCycle[] },
  licence: { name: string; title: string; path: string },
  language: Language,
  actor: Actor | null = null,
): string {
  const t = (key: string, params: Record<string, unknown> = {}) => translate(language, 'ui', key, params);
  const rows = data.cycles.map(
    (cycle) =>
      html`<tr>
        <th scope="row">${pick(cycle.title, language)} ${cycle.synthetic > 0 ? html`<br />${syntheticTag(t)}` : ''}</th>
        <td class="numeric">${formatNumber(cycle.reviews, language)}</td>
        <td>${formatDate(cycle.lastUpdated, language)}</td>
        <td><a href="/api/v1/open-data/${cycle.cycle}" download dir="ltr">pacte-${cycle.cycle}.zip</a></td>
        <td>
          <a href="/cycles/${cycle.cycle}/questions?lang=${language}">${t('sidebyside.compare')}</a> ·
          <a href="/cycles/${cycle.cycle}/figures?lang=${language}">${t('portal.figures.link')}</a> ·
          <a href="/regions/${cycle.region}/cycles/${cycle.cycle}?lang=${language}">${t('portal.cycle.link')}</a>
        </td>
      </tr>`,
  );
  const main = html`<h1>${t('opendata.title')}</h1>
    <p class="lead">${t('opendata.intro')}</p>
    <dl class="summary">
      <div>
        <dt>${t('opendata.licence')}</dt>
        <dd><a href="${licence.path}" rel="license" lang="en" dir="ltr">${licence.title} (${licence.name})</a></dd>
      </div>
      <div>
        <dt>${t('opendata.last_updated')}</dt>
        <dd>${data.lastUpdated ? formatDate(data.lastUpdated, language) : '—'}</dd>
      </div>
    </dl>
    <h2>${t('opendata.cycles')}</h2>
    ${
      data.cycles.length === 0
        ? html`<p class="muted">${t('portal.empty')}</p>`
        : html`<div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">${t('table.cycle')}</th>
                  <th scope="col">${t('opendata.reviews')}</th>
                  <th scope="col">${t('opendata.last_updated')}</th>
                  <th scope="col">${t('opendata.download')}</th>
                  <th scope="col">${t('sidebyside.compare')}</th>
                </tr>
              </thead>
              <tbody>
                ${rows}
              </tbody>
            </table>
          </div>`
    }
    <p class="hint">${t('opendata.contents')}</p>
    <p>
      ${t('practices.link')} ·
      <a href="/practices.csv" download dir="ltr">practices.csv</a> ·
      <a href="/practices.json" dir="ltr">practices.json</a>
    </p>
    <h2>${t('opendata.api_title')}</h2>
    <p>
      ${t('opendata.api')} <a href="/api/docs">${t('nav.api_docs')}</a> ·
      <a href="/api/v1/open-data" dir="ltr">/api/v1/open-data</a>
    </p>`;
  return layout({ language, path: '/open-data', title: t('opendata.title'), main, actor });
}
