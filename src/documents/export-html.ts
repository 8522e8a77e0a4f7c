import { readFileSync } from 'node:fs';
import { Html, html } from '../domain/html.js';
import { direction, pick, type Language } from '../domain/language.js';
import { NO_NAMES, valueLines } from '../domain/value-text.js';
import {
  renderAnswer,
  renderValue,
  reviewSections,
  syntheticBanner,
  type ReviewContent,
  type Translate,
} from './review-html.js';

/**
 * The site's stylesheet (src/http/pages/pacte.css, which the pages load from /assets/), so the
 * file looks like the review page; without its @font-face rules (they point at the server, and
 * the file must stand alone: the fonts named are the installed Noto ones), plus A4 print rules.
 */
const CSS = `${readFileSync(new URL('../../src/http/pages/pacte.css', import.meta.url), 'utf8').replace(
  /@font-face\s*\{[^}]*\}\s*/gu,
  '',
)}
@page { size: A4; margin: 2cm; }
.printable { max-inline-size: 48rem; margin-inline: auto; padding: 1rem; }
.printable h1 { margin-block-end: 0.5rem; }
`;

/**
 * What the PDF's HTML adds to the printable review: numbering as documents write it (« I.- »,
 * « a) », or « أولاً: », « أ) » in Arabic — numbering.ts, as in the DOCX), the cover lines, and
 * the table of contents' pages.
 */
export interface PrintLayout {
  sectionHeading(id: string, title: string): string;
  questionLabel(letter: string, text: string): string;
  labels: { questions: string; answers: string; contents: string };
  /** Lines under the title on the cover: cycle, country, date, which wording is unofficial. */
  cover: readonly string[];
  /** Page of each section (by id) for the table of contents; null: not known yet. */
  pages: Readonly<Record<string, number>> | null;
  /** First rendering: a word put in each section heading, to find the page it falls on. */
  marker?: (sectionId: string) => string;
}

/**
 * A review as one printable, self-contained HTML file (`pacte export --format html`): the
 * stylesheet inline, no script, no link out; `<html lang dir>` in the export's language, each
 * answer in its own language and direction. The sections are the review page's own
 * (review-html.ts). With `print`, the HTML the PDF is printed from (export-pdf.ts).
 */
export function printableReview(content: ReviewContent, language: Language, t: Translate, print?: PrintLayout): string {
  const { review, countryName, cycleTitle } = content;
  const page = html`<html lang="${language}" dir="${direction(language)}">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>${review.title}</title>
      <style>
        ${new Html(print ? `${CSS}${PRINT_CSS}` : CSS)}
      </style>
    </head>
    ${
      print
        ? html`<body class="pdf">
            ${printBody(content, language, print)}
          </body>`
        : html`<body>
            <main class="printable">
              <h1 lang="${review.language}" dir="auto">${review.title}</h1>
              ${review.synthetic ? syntheticBanner(t) : ''}
              <dl class="summary">
                <div>
                  <dt>${t('review.country')}</dt>
                  <dd>${pick(countryName, language)} (${review.country})</dd>
                </div>
                <div>
                  <dt>${t('review.cycle')}</dt>
                  <dd>${pick(cycleTitle, language)}</dd>
                </div>
                <div>
                  <dt>${t('review.language')}</dt>
                  <dd><span lang="${review.language}">${t(`language.${review.language}`)}</span></dd>
                </div>
              </dl>
              ${reviewSections(content, language, t)}
            </main>
          </body>`
    }
  </html>`;
  return `<!doctype html>${page.value}\n`;
}

/**
 * The PDF's own rules. Laid out like the DOCX export — a « Questions | Réponses » table per
 * section under its heading, list markers written as text (▪ ◦ –, numbers) — because that is
 * the layout Pacte's PDF importer reads back, whoever made the PDF. The cover and the table of
 * contents come first, each on its own page; the running header and the page numbers are
 * drawn by Chromium in the margins (src/documents/export-pdf.ts).
 */
const PRINT_CSS = `
@page { size: A4; margin: 22mm 18mm 20mm; }
body.pdf { font-size: 10.5pt; line-height: 1.45; }
body.pdf :lang(ar) { line-height: 1.7; }
.pdf main { max-inline-size: none; margin: 0; padding: 0; }
.pdf .cover { break-after: page; padding-block-start: 30mm; }
.pdf .cover h1 { font-size: 20pt; margin-block: 0 12mm; }
.pdf .cover p { margin-block: 0 3mm; font-size: 12pt; }
.pdf .toc { break-after: page; }
.pdf .toc h2 { font-size: 14pt; }
.pdf .toc ol { list-style: none; padding: 0; margin: 0; }
.pdf .toc li { margin-block: 0 3mm; }
.pdf .toc a { color: inherit; text-decoration: none; }
.pdf .toc .page { font-weight: 700; white-space: nowrap; }
/* The marker goes with its heading's first line, wherever the page breaks, and takes no room:
   an in-flow inline block of no width, its (white, tiny) text overflowing under the heading's. */
.pdf h2.section-heading { font-size: 13pt; margin-block: 8mm 3mm; break-after: avoid; }
.pdf .marker { display: inline-block; inline-size: 0; white-space: nowrap; font-size: 2pt; color: #fff; vertical-align: top; }
.pdf table.qa { inline-size: 100%; border-collapse: collapse; table-layout: fixed; }
.pdf table.qa col.question { inline-size: 40%; }
.pdf table.qa thead { display: table-header-group; }
.pdf table.qa th, .pdf table.qa td {
  border: 1px solid #b1b4b6; padding: 2mm 2.5mm; vertical-align: top; text-align: start;
}
.pdf table.qa th { background: #f3f2f1; font-weight: 700; }
.pdf table.qa h3 { font-size: inherit; font-weight: 400; margin: 0; }
.pdf table.qa p { margin-block: 0 2mm; }
.pdf table.qa ul, .pdf table.qa ol { margin-block: 0 2mm; padding-inline-start: 6mm; }
.pdf table.qa li { margin-block: 0 1mm; }
.pdf table.qa ul { list-style-type: '▪  '; }
.pdf table.qa ul ul { list-style-type: '◦  '; }
.pdf table.qa ul ul ul { list-style-type: '–  '; }
.pdf mark.fact { background: none; color: inherit; }
.pdf table.qa ul.answer-value { list-style: none; padding: 0; }
.pdf table.qa ul.answer-value li { margin-block: 0 2mm; }
`;

function printBody(content: ReviewContent, language: Language, print: PrintLayout): Html {
  const { review, questionnaire } = content;
  const sections = questionnaire.sections.map((section) => {
    const answered = review.sections.find((s) => s.id === section.id);
    const rows = section.questions.map((question) => {
      const given = answered?.questions.find((q) => q.id === question.id)?.answer;
      const answer = given?.blocks ?? [];
      const value = renderValue(valueLines(question, given?.value, language, content.names ?? NO_NAMES), language);
      return html`<tr>
        <td><h3>${print.questionLabel(question.letter, pick(question.text, language))}</h3></td>
        <td>${value}${answer.length > 0 ? renderAnswer(answer, review.language) : ''}</td>
      </tr>`;
    });
    return html`<section class="section" id="s-${section.id}">
      <h2 class="section-heading">
        ${print.marker ? html`<span class="marker">${print.marker(section.id)}</span>` : ''}${print.sectionHeading(section.id, pick(section.title, language))}
      </h2>
      <table class="qa">
        <colgroup>
          <col class="question" />
          <col class="answer" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">${print.labels.questions}</th>
            <th scope="col">${print.labels.answers}</th>
          </tr>
        </thead>
        <tbody>
          ${rows}
        </tbody>
      </table>
    </section>`;
  });
  // The contents name sections without their numeral (a line starting « I.- » before the first
  // section would be read back as that section's heading by Pacte's importer), and each page
  // number follows its title on the line: a column of numbers would be read as a table column.
  const contents = questionnaire.sections.map((section) => {
    const page = print.pages?.[section.id];
    return html`<li>
      <a href="#s-${section.id}"
        >${pick(section.title, language)}${page === undefined ? '' : html` <span class="page">… ${page}</span>`}</a
      >
    </li>`;
  });
  return html`<main>
    <section class="cover">
      <h1 lang="${review.language}" dir="auto">${review.title}</h1>
      ${print.cover.map((line) => html`<p>${line}</p>`)}
    </section>
    <nav class="toc" aria-labelledby="toc-title">
      <h2 id="toc-title">${print.labels.contents}</h2>
      <ol>
        ${contents}
      </ol>
    </nav>
    ${sections}
  </main>`;
}
