import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/connection.js';
import { isPacteError } from '../../domain/errors.js';
import { html } from '../../domain/html.js';
import { direction, pick, type Language } from '../../domain/language.js';
import { formatDate, formatNumber } from '../../domain/locale-format.js';
import type { Actor } from '../../domain/permissions.js';
import { syntheticTag } from '../../documents/review-html.js';
import { translate } from '../../i18n/index.js';
import { getPublicCycle, type PublicCycle } from '../../services/get-public-cycle.js';
import { requestSynthesisExport } from '../../services/request-synthesis-export.js';
import { requestLanguage } from '../problem.js';
import { codeSections, matrixTable } from './figures-page.js';
import { notFoundPage } from './home-page.js';
import { layout } from './html.js';
import { sendPage } from './send-page.js';

/**
 * The public page of a cycle, `/regions/{region}/cycles/{cycle}` (issue 14, item 5): who took
 * part and published, the figures and the objectives × countries matrix of published answers,
 * the latest published synthesis — its citations as numbered notes with the quoted words and
 * their source, linking to the published review, never to a submission — and every published
 * review. Server-rendered, fr/en/ar, right to left in Arabic.
 */
export function publicCyclePage(input: PublicCycle, language: Language, actor: Actor | null): string {
  const t = (key: string, params: Record<string, unknown> = {}) => translate(language, 'ui', key, params);
  const n = (value: number) => formatNumber(value, language);
  const { cycle, synthesis } = input;
  const id = encodeURIComponent(cycle.id);
  const path = `/regions/${encodeURIComponent(cycle.regionId)}/cycles/${id}`;
  const title = pick(cycle.title, language);
  const reviews = input.published.map(
    (r) =>
      html`<li>
        <a href="/reviews/${r.country}/${r.cycle}?lang=${language}">${pick(r.countryName, language)}</a>
        ${r.synthetic ? syntheticTag(t) : ''}
        <span class="muted"
          >${t('review.version_published', { version: n(r.version), date: formatDate(r.publishedAt, language) })}</span
        >
      </li>`,
  );
  const synthesisSection = synthesis
    ? html`<section class="cycle-synthesis" aria-labelledby="cycle-synthesis-title">
        <h2 id="cycle-synthesis-title">${t('portal.cycle.synthesis')}</h2>
        <article class="synthesis" lang="${synthesis.language}" dir="${direction(synthesis.language)}">
          <h3 class="synthesis-title">${synthesis.title}</h3>
          <p class="muted">${synthesis.status}</p>
          ${synthesis.html}
        </article>
        <div class="cycle-downloads">
          ${(['pdf', 'docx'] as const).map(
            (format) =>
              html`<form method="post" action="${path}/syntheses/${String(synthesis.id)}/${format}?lang=${language}">
                <button type="submit" class="button">
                  ${t(format === 'pdf' ? 'portal.cycle.download_pdf' : 'portal.cycle.download_docx')}
                </button>
              </form>`,
          )}
        </div>
        ${
          input.editions.length > 0
            ? html`<p>
                ${t('portal.cycle.editions')}
                ${input.editions.map(
                  (e) =>
                    html` <a href="${path}?lang=${e.language}" hreflang="${e.language}" lang="${e.language}"
                      >${translate(e.language, 'ui', `language.${e.language}`)}</a
                    >`,
                )}
              </p>`
            : ''
        }
      </section>`
    : html`<section aria-labelledby="cycle-synthesis-title">
        <h2 id="cycle-synthesis-title">${t('portal.cycle.synthesis')}</h2>
        <p class="muted">${t('portal.cycle.no_synthesis')}</p>
      </section>`;
  const main = html`<p class="muted">${pick(input.regionName, language)}</p>
    <h1>${title}</h1>
    ${cycle.synthetic ? html`<p>${syntheticTag(t)} ${t('synthetic.explanation')}</p>` : ''}
    <section aria-labelledby="cycle-participation">
      <h2 id="cycle-participation">${t('portal.cycle.participation')}</h2>
      <p>
        ${
          input.published.length === 0
            ? t('portal.cycle.participation_none', { countries: input.participants })
            : t('portal.cycle.participation_counts', {
                countries: input.participants,
                published: input.published.length,
              })
        }
      </p>
    </section>
    ${synthesisSection}
    <section aria-labelledby="cycle-reviews">
      <h2 id="cycle-reviews">${t('portal.cycle.reviews')}</h2>
      ${
        reviews.length > 0
          ? html`<ul class="publications">
              ${reviews}
            </ul>`
          : html`<p class="muted">${t('portal.cycle.no_reviews')}</p>`
      }
    </section>
    <section aria-labelledby="cycle-figures">
      <h2 id="cycle-figures">${t('portal.cycle.figures')}</h2>
      <p class="lead">${t('portal.figures.intro')}</p>
      <p><a href="/cycles/${id}/figures?lang=${language}">${t('portal.figures.link')}</a></p>
      ${
        input.figures.codes.length === 0
          ? html`<p class="muted">${t('portal.figures.no_codes')}</p>`
          : codeSections(input.figures.codes, cycle.id, language)
      }
    </section>
    <section class="figures-section" aria-labelledby="figures-matrix">
      <h2 id="figures-matrix">${t('portal.figures.matrix_title')}</h2>
      ${matrixTable(input.figures.matrix, t, n)}
    </section>`;
  return layout({ language, path, title, main, actor });
}

/** `GET /regions/{region}/cycles/{cycle}` and its synthesis's downloads (PDF, Word) as export jobs. */
export function publicCycleRoutes(app: FastifyInstance, db: Db) {
  type Params = { region: string; cycle: string };
  app.get<{ Params: Params }>('/regions/:region/cycles/:cycle', { schema: { hide: true } }, async (request, reply) => {
    const language = requestLanguage(request);
    try {
      const found = await getPublicCycle(db, request.params, language);
      return sendPage(reply, 200, publicCyclePage(found, language, request.actor));
    } catch (error) {
      if (isPacteError(error) && error.status === 404)
        return sendPage(reply, 404, notFoundPage(language, request.url.split('?')[0] ?? '/'));
      throw error;
    }
  });

  app.post<{ Params: Params & { synthesis: string; format: string } }>(
    '/regions/:region/cycles/:cycle/syntheses/:synthesis/:format',
    { schema: { hide: true } },
    async (request, reply) => {
      const language = requestLanguage(request);
      const { cycle, synthesis, format } = request.params;
      const notFound = () => sendPage(reply, 404, notFoundPage(language, request.url.split('?')[0] ?? '/'));
      if (!/^[1-9]\d{0,9}$/.test(synthesis) || (format !== 'pdf' && format !== 'docx')) return notFound();
      try {
        // The page shows the latest published version: that is what is downloaded, whoever asks.
        const shown = (await getPublicCycle(db, request.params, language)).synthesis;
        const id = Number(synthesis);
        const version = shown?.id === id ? shown.version : undefined;
        if (version === undefined) return notFound();
        const job = await requestSynthesisExport(db, request.actor, { cycle, id, format, version });
        return reply.redirect(`/exports/${job.id}?lang=${language}`, 303);
      } catch (error) {
        if (isPacteError(error) && error.status === 404) return notFound();
        throw error;
      }
    },
  );
}
