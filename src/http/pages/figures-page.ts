import { Html, html } from '../../domain/html.js';
import { pick, type Language } from '../../domain/language.js';
import { formatNumber } from '../../domain/locale-format.js';
import type { Actor } from '../../domain/permissions.js';
import { syntheticTag } from '../../documents/review-html.js';
import { translate } from '../../i18n/index.js';
import type { PortalFigures } from '../../services/get-portal-figures.js';
import { layout } from './html.js';

type PortalMatrix = PortalFigures['matrix'];

/**
 * « Chiffres » on the public portal (`/cycles/{cycle}/figures`): for each code of the cycle, how
 * many countries' PUBLISHED answers have each value (confirmed codings only; the same services as
 * the API with no actor), as a chart and as a table, then the GCM objectives confirmed in the
 * published versions, objective by country. A code nobody published a coded answer for says so
 * and draws nothing. The chart's SVG is put in as it is: it is the output of our own renderer
 * (src/documents/chart-svg.ts) from counts and labels, which vega escapes. Its text is set left to
 * right (pacte.css): vega placed its labels for that; the chart itself is mirrored in Arabic.
 */
export function figuresPage(input: PortalFigures, language: Language, actor: Actor | null): string {
  const t = (key: string, params: Record<string, unknown> = {}) => translate(language, 'ui', key, params);
  const n = (value: number) => formatNumber(value, language);
  const { cycle } = input;
  const path = `/cycles/${encodeURIComponent(cycle.id)}/figures`;
  const sections = codeSections(input.codes, cycle.id, language);
  const main = html`<p><a href="/open-data?lang=${language}">${pick(cycle.title, language)}</a></p>
    <h1>${t('portal.figures.title')}</h1>
    ${cycle.synthetic ? html`<p>${syntheticTag(t)} ${t('synthetic.explanation')}</p>` : ''}
    <p class="lead">${t('portal.figures.intro')}</p>
    <p>
      <a href="/cycles/${encodeURIComponent(cycle.id)}/questions?lang=${language}">${t('sidebyside.compare')}</a>
    </p>
    ${input.codes.length === 0 ? html`<p class="muted">${t('portal.figures.no_codes')}</p>` : sections}
    <section class="figures-section" aria-labelledby="figures-matrix">
      <h2 id="figures-matrix">${t('portal.figures.matrix_title')}</h2>
      ${matrixTable(input.matrix, t, n)}
    </section>`;
  return layout({ language, path, title: t('portal.figures.title'), main, actor });
}

/** Each code's figures as a section: counts, chart and table (the cycle's public page shows them too). */
export function codeSections(codes: PortalFigures['codes'], cycleId: string, language: Language): Html[] {
  const t = (key: string, params: Record<string, unknown> = {}) => translate(language, 'ui', key, params);
  const n = (value: number) => formatNumber(value, language);
  const review = (country: string) =>
    `/reviews/${encodeURIComponent(country)}/${encodeURIComponent(cycleId)}?lang=${language}`;
  return codes.map((code) => {
    const id = `figures-${code.questionId.replace(/[^A-Za-z0-9_-]/g, '-')}`;
    const body =
      code.codedCountries === 0
        ? html`<p class="muted figures-nothing">${t('portal.figures.none_published')}</p>`
        : html`<p class="muted">
              ${t('portal.figures.coded', { coded: code.codedCountries, total: n(code.totalCountries) })}
            </p>
            ${code.svg ? html`<figure class="table-wrap figures-chart" aria-label="${t('portal.figures.chart_label', { name: code.code.name })}">${new Html(code.svg)}</figure>` : ''}
            <div class="table-wrap">
              <table class="figures-table">
                <caption class="visually-hidden">
                  ${t('portal.figures.table_caption', { name: code.code.name })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">${t('portal.figures.value')}</th>
                    <th scope="col">${t('portal.figures.count')}</th>
                    <th scope="col">${t('portal.figures.countries')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${code.values.map(
                    (v) =>
                      html`<tr data-value="${v.key}">
                        <th scope="row">${v.label}</th>
                        <td class="numeric" data-count="${String(v.count)}">
                          ${t('portal.figures.count_of', { count: n(v.count), total: n(code.codedCountries) })}
                        </td>
                        <td>
                          <ul class="figures-countries">
                            ${v.countries.map(
                              (c) =>
                                html`<li>
                                  <a href="${review(c.code)}">${c.name || c.code}</a
                                  >${c.synthetic ? html` ${syntheticTag(t)}` : ''}
                                </li>`,
                            )}
                          </ul>
                        </td>
                      </tr>`,
                  )}
                </tbody>
              </table>
            </div>`;
    return html`<section class="figures-section" aria-labelledby="${id}">
      <h2 id="${id}">${t('portal.figures.code_title', { question: code.questionId, name: code.code.name })}</h2>
      ${body}
    </section>`;
  });
}

/** Objectives × countries: a ✓ (« confirmé » for screen readers) where the objective is confirmed. */
export function matrixTable(
  matrix: PortalMatrix,
  t: (key: string, params?: Record<string, unknown>) => string,
  n: (value: number) => string,
): Html {
  if (matrix.countries.length === 0) return html`<p class="muted">${t('portal.figures.matrix_none')}</p>`;
  const total = (number: number) => matrix.totals.find((x) => x.number === number)?.count ?? 0;
  return html`<p>${t('portal.figures.matrix_intro')}</p>
    <div class="table-wrap figures-matrix" tabindex="0" role="region" aria-labelledby="figures-matrix">
      <table>
        <thead>
          <tr>
            <th scope="col">${t('portal.figures.objective')}</th>
            ${matrix.countries.map((c) => html`<th scope="col"><abbr title="${c.name}">${c.code}</abbr></th>`)}
            <th scope="col">${t('portal.figures.total')}</th>
          </tr>
        </thead>
        <tbody>
          ${matrix.objectives.map(
            (o) =>
              html`<tr>
                <th scope="row">${o.number}. ${o.title}</th>
                ${matrix.countries.map((c) =>
                  c.objectives.includes(o.number)
                    ? html`<td class="figures-cell">
                        <span aria-hidden="true">✓</span
                        ><span class="visually-hidden">${t('portal.figures.confirmed')}</span>
                      </td>`
                    : html`<td class="figures-cell"></td>`,
                )}
                <td class="numeric">${n(total(o.number))}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
}
