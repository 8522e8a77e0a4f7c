import { Html, html } from '../domain/html.js';
import { direction } from '../domain/language.js';
import { formatNumber } from '../domain/locale-format.js';
import type { SynthesisBlock, SynthesisInline, SynthesisList } from '../domain/synthesis.js';
import type { FigureData } from '../domain/synthesis-figures.js';
import { syntheticTag } from './review-html.js';
import {
  figureDate,
  noteText,
  sourceLines,
  statusLine,
  type PrintableSynthesis,
  type SynthesisNote,
  type Translate,
} from './synthesis-notes.js';

/**
 * A synthesis in HTML: the body (headings, paragraphs, lists, figures with their date, a
 * superscript number after each cited statement), its notes and its list of sources. The public
 * cycle page shows it (notes linking to published reviews), and the PDF export prints
 * `printableSynthesis` with Chromium: the notes are END NOTES, after the text and before the
 * sources (a browser cannot place footnotes at the bottom of their page). Every stored text is
 * escaped by `html`; a chart's SVG is our own renderer's output (src/documents/chart-svg.ts).
 */

const noteRef = (note: SynthesisNote, prefix: string) =>
  html`<sup class="note-ref"
    ><a href="#${prefix}note-${String(note.number)}" id="${prefix}ref-${String(note.number)}"
      >${String(note.number)}</a
    ></sup
  >`;

function inline(nodes: readonly SynthesisInline[] | undefined, notes: PrintableSynthesis['notes'], prefix: string) {
  return (nodes ?? []).map((node) => {
    if (node.type === 'hardBreak') return html`<br />`;
    let out: Html = html`${node.text}`;
    const marks = node.marks ?? [];
    if (marks.some((m) => m.type === 'italic')) out = html`<em>${out}</em>`;
    if (marks.some((m) => m.type === 'bold')) out = html`<strong>${out}</strong>`;
    const cited = marks.flatMap((m) => (m.type === 'citation' ? m.attrs.citations : []));
    const refs = cited.flatMap((id) => {
      const note = notes.get(id);
      return note ? [noteRef(note, prefix)] : [];
    });
    return html`${out}${refs}`;
  });
}

function list(node: SynthesisList, notes: PrintableSynthesis['notes'], prefix: string): Html {
  const items = node.content.map(
    (item) =>
      html`<li>
        ${inline(item.content[0].content, notes, prefix)}
        ${item.content.slice(1).map((l) => list(l as SynthesisList, notes, prefix))}
      </li>`,
  );
  if (node.type === 'bulletList')
    return html`<ul>
      ${items}
    </ul>`;
  const start = node.attrs?.start;
  return start && start !== 1
    ? html`<ol start="${String(start)}">
        ${items}
      </ol>`
    : html`<ol>
        ${items}
      </ol>`;
}

export function figureHtml(figure: FigureData | undefined, synthesis: PrintableSynthesis, t: Translate): Html {
  if (!figure) return html``;
  const n = (value: number) => formatNumber(value, synthesis.language);
  const date = html`<p class="figure-date">${figureDate(figure, synthesis.language, t)}</p>`;
  if (figure.type === 'objectivesMatrix') {
    const names = new Map(figure.countries.map((c) => [c.code, c.name]));
    // Only the objectives some country confirmed: the cycle's page shows the whole matrix.
    const confirmed = figure.objectives.filter((o) => figure.countries.some((c) => c.objectives.includes(o.number)));
    if (confirmed.length === 0)
      return html`<figure class="synthesis-figure synthesis-matrix">
        <figcaption>${t('synthesisExport.matrix_title')}</figcaption>
        <p>${t('synthesisExport.matrix_none')}</p>
        ${date}
      </figure>`;
    return html`<figure class="synthesis-figure synthesis-matrix">
      <figcaption>${t('synthesisExport.matrix_title')}</figcaption>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">${t('portal.figures.objective')}</th>
              <th scope="col">${t('portal.figures.total')}</th>
              <th scope="col">${t('portal.figures.countries')}</th>
            </tr>
          </thead>
          <tbody>
            ${confirmed.map((o) => {
              const countries = figure.countries.filter((c) => c.objectives.includes(o.number)).map((c) => c.code);
              return html`<tr>
                <th scope="row">${String(o.number)}. ${o.title}</th>
                <td class="numeric">${n(countries.length)}</td>
                <td>${countries.map((c) => names.get(c) ?? c).join(synthesis.language === 'ar' ? '، ' : ', ')}</td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
      ${date}
    </figure>`;
  }
  if (figure.missing) {
    return html`<p class="figure-missing">${t('synthesisExport.figure_missing', { code: figure.code })}</p>`;
  }
  if (figure.codedCountries === 0)
    return html`<figure class="synthesis-figure" aria-label="${figure.title}">
      <figcaption>${figure.title}</figcaption>
      <p>${t('synthesisExport.figure_none')}</p>
      ${date}
    </figure>`;
  return html`<figure class="synthesis-figure" aria-label="${figure.title}">
    <figcaption>${figure.title}</figcaption>
    ${figure.svg ? html`<div class="table-wrap figures-chart">${new Html(figure.svg)}</div>` : ''}
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">${t('figures.value')}</th>
            <th scope="col">${t('figures.countries')}</th>
          </tr>
        </thead>
        <tbody>
          ${figure.values.map(
            (v) =>
              html`<tr>
                <th scope="row">${v.label}</th>
                <td class="numeric">${t('figures.count', { count: n(v.count), total: n(figure.codedCountries) })}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    ${date}
  </figure>`;
}

/** The document's body; `prefix` keeps ids apart when a page shows several syntheses. */
export function synthesisBody(synthesis: PrintableSynthesis, t: Translate, prefix = ''): Html {
  let figure = 0;
  const block = (node: SynthesisBlock): Html => {
    switch (node.type) {
      case 'heading': {
        const level = Math.min(node.attrs.level + 1, 4); // the synthesis's title is the h1
        return new Html(`<h${level}>${inline(node.content, synthesis.notes, prefix).join('')}</h${level}>`);
      }
      case 'paragraph':
        return html`<p>${inline(node.content, synthesis.notes, prefix)}</p>`;
      case 'bulletList':
      case 'orderedList':
        return list(node, synthesis.notes, prefix);
      case 'figure':
      case 'objectivesMatrix':
        return figureHtml(synthesis.figures[figure++], synthesis, t);
    }
  };
  return html`${synthesis.document.content.map(block)}`;
}

/** The notes, numbered as in the text; with `links`, each names the published review to read it in. */
export function notesHtml(synthesis: PrintableSynthesis, t: Translate, prefix = '', links = false): Html {
  if (synthesis.notes.size === 0) return html``;
  return html`<section class="synthesis-notes" aria-labelledby="${prefix}notes-title">
    <h2 id="${prefix}notes-title">${t('synthesisExport.notes')}</h2>
    <ol>
      ${[...synthesis.notes.values()].map(
        (note) =>
          html`<li id="${prefix}note-${String(note.number)}" value="${String(note.number)}">
            ${noteText(note, synthesis.language, t)}
            ${
              links && note.link
                ? html` <a href="${note.link}?lang=${synthesis.language}">${t('synthesisExport.read_review')}</a>`
                : ''
            }
          </li>`,
      )}
    </ol>
  </section>`;
}

export function sourcesHtml(synthesis: PrintableSynthesis, t: Translate, prefix = '', links = false): Html {
  const lines = sourceLines(synthesis.notes, synthesis.language, t);
  if (lines.length === 0) return html``;
  return html`<section class="synthesis-sources" aria-labelledby="${prefix}sources-title">
    <h2 id="${prefix}sources-title">${t('synthesisExport.sources')}</h2>
    <ul>
      ${lines.map(
        (line) =>
          html`<li>
            ${links && line.link ? html`<a href="${line.link}?lang=${synthesis.language}">${line.text}</a>` : line.text}
          </li>`,
      )}
    </ul>
  </section>`;
}

const PRINT_CSS = `
@page { size: A4; margin: 22mm 18mm 20mm 18mm; }
body { font-family: 'Noto Sans', 'Noto Naskh Arabic', sans-serif; font-size: 10.5pt; line-height: 1.45; color: #0b0c0c; }
:lang(ar) body, body:lang(ar) { font-family: 'Noto Naskh Arabic', 'Noto Sans', sans-serif; font-size: 12pt; }
h1 { font-size: 20pt; color: #1f3864; margin-block: 0 4mm; }
h2 { font-size: 14pt; color: #1f3864; margin-block: 6mm 2mm; break-after: avoid; }
h3, h4 { font-size: 12pt; color: #1f3864; margin-block: 4mm 2mm; break-after: avoid; }
.status, .figure-date, .synthetic { color: #505a5f; }
.note-ref { font-size: 0.7em; line-height: 0; unicode-bidi: isolate; }
.note-ref a { color: inherit; text-decoration: none; }
figure { margin: 4mm 0; break-inside: avoid; }
figcaption { font-weight: bold; margin-block-end: 2mm; }
.figures-chart svg { max-inline-size: 100%; block-size: auto; }
.figures-chart text { direction: ltr; }
table { border-collapse: collapse; inline-size: 100%; font-size: 9pt; }
th, td { border: 1px solid #b1b4b6; padding: 1mm 2mm; text-align: start; vertical-align: top; }
thead th { background: #d9e2f3; }
td.numeric { white-space: nowrap; }
.synthesis-notes ol, .synthesis-sources ul { font-size: 9pt; padding-inline-start: 6mm; }
.tag { border: 1px solid #505a5f; padding: 0 1mm; font-size: 8pt; }
`;

/** The self-contained HTML Chromium prints (export-synthesis.ts). */
export function printableSynthesis(synthesis: PrintableSynthesis, t: Translate): string {
  const { language } = synthesis;
  const page = html`<!doctype html>
    <html lang="${language}" dir="${direction(language)}">
      <head>
        <meta charset="utf-8" />
        <title>${synthesis.title}</title>
        <style>
          ${new Html(PRINT_CSS)}
        </style>
      </head>
      <body>
        <h1>${synthesis.title}</h1>
        <p class="status">${synthesis.cycleTitle} — ${statusLine(synthesis, t)}</p>
        ${synthesis.synthetic ? html`<p class="synthetic">${syntheticTag(t)} ${t('synthetic.explanation')}</p>` : ''}
        ${synthesisBody(synthesis, t)} ${notesHtml(synthesis, t)} ${sourcesHtml(synthesis, t)}
      </body>
    </html>`;
  return page.value;
}
