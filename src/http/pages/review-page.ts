import { pick, type Language } from '../../domain/language.js';
import type { Actor } from '../../domain/permissions.js';
import { translate } from '../../i18n/index.js';
import { reviewSections, syntheticBanner, type ReviewContent } from '../../documents/review-html.js';
import { html, type Html } from '../../domain/html.js';
import { formatDate, formatNumber } from '../../domain/locale-format.js';
import { layout } from './html.js';

export interface ReviewPageInput extends ReviewContent {
  /** The published version shown; null: the working copy (for those who may read it). */
  publication?: PublishedVersion | null;
  /** Every published version, newest first. */
  versions?: readonly PublishedVersion[];
}

export interface PublishedVersion {
  version: number;
  publishedAt: Date;
}

/** The formats of the downloads, in the order offered; PDF is made by a job (a form). */
const DOWNLOADS = ['docx', 'pdf', 'html', 'csv', 'json'] as const;

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
  const sections = reviewSections(input, language, (key, params) => translate(language, 'ui', key, params));

  // Named as people know it, in the page's language (issue 12, item 9): « Maroc — <cycle> »,
  // « المغرب — <cycle> », in the heading and the tab; the review's own title, in the language its
  // answers are written in, follows under it.
  const heading = `${pick(input.countryName, language) || review.country} — ${pick(input.cycleTitle, language) || review.cycle}`;
  // Shown only when it says more than the cycle's name (an imported review's title usually is it).
  const ownTitle = review.title && !Object.values(input.cycleTitle).includes(review.title) ? review.title : '';
  const contents = questionnaire.sections.map(
    (section) => html`<li><a href="#s-${section.id}">${section.id}. ${pick(section.title, language)}</a></li>`,
  );

  const main = html`<p class="breadcrumb"><a href="/?lang=${language}">${t('nav.reviews')}</a></p>
    <h1>${heading}</h1>
    ${ownTitle ? html`<p class="lead" lang="${answerLang}" dir="auto">${ownTitle}</p>` : ''}
    ${review.synthetic ? syntheticBanner(t) : ''}
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
    ${publicationBlock(input, language)}
    <nav class="contents" aria-labelledby="contents-title">
      <h2 id="contents-title">${t('review.contents')}</h2>
      <ol>
        ${contents}
      </ol>
    </nav>
    ${sections}`;
  return layout({ language, path, title: heading, main, actor });
}

/**
 * Which version this is and when it was published (or that it is the working copy), a note when
 * a newer version exists, every version at its stable address, and the downloads of what is
 * shown, in the page's language.
 */
function publicationBlock(input: ReviewPageInput, language: Language): Html {
  const t = (key: string, params: Record<string, unknown> = {}) => translate(language, 'ui', key, params);
  const { review, publication = null, versions = [] } = input;
  const base = `/reviews/${review.country}/${review.cycle}`;
  const describe = (v: PublishedVersion) =>
    t('review.version_published', {
      version: formatNumber(v.version, language),
      date: formatDate(v.publishedAt, language),
    });
  const latest = versions[0];

  let status: Html;
  if (publication) {
    const newer =
      latest && latest.version > publication.version
        ? html`<div class="notice" role="note">
            <p>${t('review.newer_version', { version: describe(latest) })}</p>
            <p><a href="${base}?lang=${language}">${t('review.read_latest')}</a></p>
          </div>`
        : '';
    status = html`<p class="version-line">${describe(publication)}</p>
      ${newer}`;
  } else {
    status = html`<div class="notice" role="note">
      <p>${t('review.working_copy')}</p>
      ${latest ? html`<p>${t('review.public_reads', { version: describe(latest) })}</p>` : ''}
    </div>`;
  }

  const list =
    versions.length === 0
      ? ''
      : html`<section class="versions" aria-labelledby="versions-title">
          <h2 id="versions-title">${t('review.versions')}</h2>
          <ol>
            ${versions.map(
              (v) =>
                html`<li>
                  <a
                    href="${base}/versions/${v.version}?lang=${language}"
                    ${publication?.version === v.version ? html`aria-current="page"` : ''}
                    >${describe(v)}</a
                  >
                </li>`,
            )}
          </ol>
        </section>`;

  // The links name the version shown, so a download is the text of this page.
  const version = publication ? `&version=${publication.version}` : '';
  const exportUrl = (format: string) =>
    `/api/v1/reviews/${review.country}/${review.cycle}/export?format=${format}&lang=${language}${version}`;
  // The PDF is made by a job, asked with a form (pages run no script), of the version shown.
  const pdfAction = `${base}${publication ? `/versions/${publication.version}` : ''}/pdf?lang=${language}`;
  const downloads = DOWNLOADS.map((format) =>
    format === 'pdf'
      ? html`<li>
          <form class="inline-form" method="post" action="${pdfAction}">
            <button type="submit" class="link-button">${t('download.pdf')}</button>
            <span class="muted">${t('download.pdf_hint')}</span>
          </form>
        </li>`
      : html`<li><a href="${exportUrl(format)}">${t(`download.${format}`)}</a></li>`,
  );
  return html`${status}
    <section class="downloads" aria-labelledby="downloads-title">
      <h2 id="downloads-title">${t('review.downloads')}</h2>
      <p class="hint">${t('review.downloads_hint', { language: t(`language.${language}`) })}</p>
      <ul>
        ${downloads}
      </ul>
    </section>
    ${list}`;
}
