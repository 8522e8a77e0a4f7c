import { readFileSync } from 'node:fs';
import { direction, pick, type Language } from '../../domain/language.js';
import type { ReviewInContext } from '../../services/get-review.js';
import { translate } from '../../i18n/index.js';
import { Html, html } from './html.js';
import { reviewSections } from './review-page.js';

/**
 * The pages' stylesheet without its @font-face rules (they point at the server, and the file
 * must stand alone: the fonts named are the installed Noto ones), plus A4 print rules.
 */
const CSS = `${readFileSync(new URL('../../../src/http/pages/pacte.css', import.meta.url), 'utf8').replace(
  /@font-face\s*\{[^}]*\}\s*/gu,
  '',
)}
@page { size: A4; margin: 2cm; }
.printable { max-inline-size: 48rem; margin-inline: auto; padding: 1rem; }
.printable h1 { margin-block-end: 0.5rem; }
`;

/**
 * A review as one printable, self-contained HTML file (`pacte export --format html`): the
 * stylesheet inline, no script, no link out; `<html lang dir>` in the export's language, each
 * answer in its own language and direction. The sections are the review page's own.
 */
export function printableReview(context: ReviewInContext, language: Language): string {
  const { review, status, questionnaire, cycle, country } = context;
  const t = (key: string) => translate(language, 'ui', key);
  const input = {
    review: { ...review, status },
    questionnaire,
    countryName: country.name,
    cycleTitle: cycle.title,
  };
  const page = html`<html lang="${language}" dir="${direction(language)}">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>${review.title}</title>
      <style>
        ${new Html(CSS)}
      </style>
    </head>
    <body>
      <main class="printable">
        <h1 lang="${review.language}" dir="auto">${review.title}</h1>
        <dl class="summary">
          <div>
            <dt>${t('review.country')}</dt>
            <dd>${pick(country.name, language)} (${review.country})</dd>
          </div>
          <div>
            <dt>${t('review.cycle')}</dt>
            <dd>${pick(cycle.title, language)}</dd>
          </div>
          <div>
            <dt>${t('review.language')}</dt>
            <dd><span lang="${review.language}">${t(`language.${review.language}`)}</span></dd>
          </div>
        </dl>
        ${reviewSections(input, language)}
      </main>
    </body>
  </html>`;
  return `<!doctype html>${page.value}\n`;
}
