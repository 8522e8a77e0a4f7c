import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { PacteError } from '../domain/errors.js';
import { escapeHtml } from '../domain/html.js';
import { direction, type Language } from '../domain/language.js';
import { parseBboxLayout } from './pdf/bbox.js';
import { findProgram, runPdftotext } from './pdf/run-pdftotext.js';

/**
 * HTML → PDF with Debian's Chromium, driven by playwright-core (no browser is downloaded).
 *
 * One browser per process, started on the first PDF and kept warm (starting Chromium costs
 * about a second; a page costs tens of milliseconds), started again if it died, closed by
 * `closePdfBrowser()` when the server or the CLI ends. Each PDF gets its own browser context —
 * no cookie, cache or storage shared between exports — with JavaScript off and every request
 * refused: the HTML is self-contained and its text is escaped, and nothing it says may reach
 * the network.
 *
 * The table of contents needs the page of each section, which only the layout knows: the
 * document is rendered once with a marker word in each section heading (and the contents
 * without numbers, in the same room), the markers are looked up page by page with pdftotext,
 * and the document is rendered again with the numbers. Markers that cannot be found leave
 * their entry without a number rather than failing the export.
 */

export const CHROMIUM = '/usr/bin/chromium';
/** Headless, without sandbox (containers), and nothing that reaches the network on its own. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
/** A page that takes longer than this to load or print is abandoned. */
const PAGE_TIMEOUT_MS = 60_000;
/** Same as in the printable HTML's @page rule: the header and footer are drawn in these margins. */
const MARGIN = { top: '22mm', bottom: '20mm', left: '18mm', right: '18mm' };
const FONTS = "'Noto Sans', 'Noto Naskh Arabic', sans-serif";

let browser: Promise<Browser> | null = null;

/** What making a PDF needs on the server, and how an administrator installs it (Debian). */
const PDF_INSTALL = 'apt-get install -y chromium fonts-noto-core poppler-utils';

/**
 * Throws `export.tool_missing` (503) naming the program and the command that installs it,
 * unless Chromium (printing) and pdftotext (the contents' page numbers) are both there: asked
 * before a PDF export is queued, so nobody waits for a job that cannot succeed.
 */
export async function requirePdfTools(chromiumPath = CHROMIUM): Promise<void> {
  const missing = !existsSync(chromiumPath) ? 'chromium' : (await findProgram('pdftotext')) ? null : 'pdftotext';
  if (missing) throw new PacteError('export.tool_missing', { tool: missing, install: PDF_INSTALL });
}

async function warmBrowser(): Promise<Browser> {
  if (browser) {
    const current = await browser.catch(() => null);
    if (current?.isConnected()) return current;
    browser = null;
  }
  await requirePdfTools();
  const launching = chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: PAGE_TIMEOUT_MS });
  browser = launching;
  launching.catch(() => {
    if (browser === launching) browser = null;
  });
  return launching;
}

/** Closes the shared browser (the server's onClose, the CLI's end); the next PDF starts another. */
export async function closePdfBrowser(): Promise<void> {
  const closing = browser;
  browser = null;
  const current = await closing?.catch(() => null);
  await current?.close().catch(() => {});
}

export interface PdfFrame {
  /** The language of the frame: header and footer direction and font. */
  language: Language;
  /** The running header: e.g. « Maroc (MAR) — Examen régional arabe 2021 ». */
  header: string;
  /** The footer: « Page » n « sur » total. */
  page: { label: string; of: string };
}

/**
 * Chromium draws these in the page margins, without the page's styles: the font, size and
 * direction are set here. Only the classes pageNumber and totalPages are filled in; stored text
 * (the country's name, the cycle's title) is escaped.
 */
export function pdfFurniture(frame: PdfFrame): { headerTemplate: string; footerTemplate: string } {
  const dir = direction(frame.language);
  const box = (content: string, align: string) =>
    `<div lang="${frame.language}" dir="${dir}" style="inline-size: 100%; margin-inline: 18mm; font-family: ${FONTS}; font-size: 8pt; color: #505a5f; text-align: ${align};">${content}</div>`;
  return {
    headerTemplate: box(escapeHtml(frame.header), 'start'),
    footerTemplate: box(
      `${escapeHtml(frame.page.label)} <span class="pageNumber"></span> ${escapeHtml(frame.page.of)} <span class="totalPages"></span>`,
      'center',
    ),
  };
}

/** Renders a self-contained HTML document as an A4, tagged PDF with an outline. */
export async function htmlToPdf(html: string, frame: PdfFrame): Promise<Buffer> {
  const context = await (await warmBrowser()).newContext({ javaScriptEnabled: false, offline: true });
  try {
    await context.route('**/*', (route) => route.abort());
    const page = await context.newPage();
    page.setDefaultTimeout(PAGE_TIMEOUT_MS);
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      tagged: true,
      outline: true,
      displayHeaderFooter: true,
      ...pdfFurniture(frame),
      margin: MARGIN,
    });
  } finally {
    await context.close().catch(() => {});
  }
}

/** The 1-based page on which each marker appears first, in a word (markers not found are left out). */
export async function markerPages(pdf: Uint8Array, markers: readonly string[]): Promise<Map<string, number>> {
  const pages = parseBboxLayout(
    await runPdftotext(pdf, 'export.pdf', { timeoutMs: 30_000, memoryBytes: 512 * 1024 * 1024 }),
  );
  const wanted = new Set(markers);
  const found = new Map<string, number>();
  pages.forEach((page, index) => {
    for (const word of page.words) {
      for (const marker of wanted) if (word.text.includes(marker) && !found.has(marker)) found.set(marker, index + 1);
    }
  });
  return found;
}

/**
 * A PDF with a table of contents that gives pages: `render(pages)` makes the HTML — with
 * `pages` null, markers in the headings; then with the page of each section.
 */
export async function pdfWithContents(
  sections: readonly string[],
  marker: (section: string) => string,
  render: (pages: Record<string, number> | null) => string,
  frame: PdfFrame,
  progress: (percent: number) => Promise<void> | void = () => {},
): Promise<Buffer> {
  const draft = await htmlToPdf(render(null), frame);
  await progress(50);
  const found = await markerPages(
    draft,
    sections.map((s) => marker(s)),
  );
  const pages: Record<string, number> = {};
  for (const section of sections) {
    const page = found.get(marker(section));
    if (page !== undefined) pages[section] = page;
  }
  await progress(70);
  return htmlToPdf(render(pages), frame);
}
