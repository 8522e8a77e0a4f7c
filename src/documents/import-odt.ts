import type { Element as XmlElement } from '@xmldom/xmldom';
import { normalizeText } from '../domain/blocks.js';
import { PacteError } from '../domain/errors.js';
import { elements, isHeaderRowText, parseXml } from './office-xml.js';
import type { SourceLine } from './source-lines.js';
import { readZipEntries, type ZipLimits } from './zip.js';

/**
 * Reads an OpenDocument text (.odt, LibreOffice's own format) as lines for parseReviewLines, the
 * way import-docx.ts reads Word: paragraphs in reading order, tables row by row without their
 * header row, list items with their level (the depth of `text:list`) and kind (the list style's
 * level: bullet or number). Tracked changes keep the insertions (already in the text) and drop
 * the deletions (held apart in `text:tracked-changes`); comments, notes, and the rendered numbers
 * of `text:number` are not text; text boxes are read after the paragraph that anchors them.
 * Only content.xml and styles.xml are unzipped (headers and footers live in styles.xml's
 * master pages, which are not read).
 */

const TEXT = 'urn:oasis:names:tc:opendocument:xmlns:text:1.0';
const TABLE = 'urn:oasis:names:tc:opendocument:xmlns:table:1.0';
const STYLE = 'urn:oasis:names:tc:opendocument:xmlns:style:1.0';
const FO = 'urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0';
const DRAW = 'urn:oasis:names:tc:opendocument:xmlns:drawing:1.0';
const OFFICE = 'urn:oasis:names:tc:opendocument:xmlns:office:1.0';

const CONTENT = 'content.xml';
const STYLES = 'styles.xml';
const MANIFEST = 'META-INF/manifest.xml';
/** The first entry of an OpenDocument text, stored uncompressed, as the format requires. */
const MIMETYPE = 'mimetypeapplication/vnd.oasis.opendocument.text';

/** A zip whose first entry says it is an OpenDocument text (not a template, spreadsheet…). */
export function isOdt(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(30, 30 + MIMETYPE.length)).toString('latin1') === MIMETYPE;
}

const is = (node: XmlElement, ns: string, name: string): boolean => node.localName === name && node.namespaceURI === ns;
const attr = (node: XmlElement | undefined, ns: string, name: string): string | undefined =>
  node?.getAttributeNS(ns, name) || undefined;
const childOf = (node: XmlElement | undefined, ns: string, name: string): XmlElement | undefined =>
  node ? elements(node).find((e) => is(e, ns, name)) : undefined;

/** A length (`0.4925in`, `1.25cm`, `12pt`, `5mm`) in points. */
function points(length: string | undefined): number | undefined {
  const m = /^(-?[\d.]+)(in|cm|mm|pt|pc|px)?$/u.exec(length ?? '');
  if (!m) return undefined;
  const per = { in: 72, cm: 72 / 2.54, mm: 72 / 25.4, pt: 1, pc: 12, px: 0.75 }[m[2] ?? 'pt'] ?? 1;
  return Number(m[1]) * per;
}

interface ParagraphStyle {
  indent: number | undefined;
  bold: boolean | undefined;
}

/** Paragraph and text styles (automatic and common, following parents) and list styles, by name. */
class Styles {
  private readonly styles = new Map<string, XmlElement>();
  private readonly lists = new Map<string, XmlElement>();

  constructor(roots: XmlElement[]) {
    for (const root of roots)
      for (const part of elements(root))
        if (is(part, OFFICE, 'styles') || is(part, OFFICE, 'automatic-styles'))
          for (const style of elements(part)) {
            const name = attr(style, STYLE, 'name');
            if (name === undefined) continue;
            if (is(style, STYLE, 'style')) this.styles.set(`${attr(style, STYLE, 'family') ?? ''}/${name}`, style);
            else if (is(style, TEXT, 'list-style')) this.lists.set(name, style);
          }
  }

  /** A property of a style or its parents: the first found going up. */
  private lookup<T>(
    family: string,
    name: string | undefined,
    get: (style: XmlElement) => T | undefined,
  ): T | undefined {
    const seen = new Set<string>();
    for (let at = name; at !== undefined && !seen.has(at);) {
      seen.add(at);
      const style = this.styles.get(`${family}/${at}`);
      const found = style ? get(style) : undefined;
      if (found !== undefined) return found;
      at = attr(style, STYLE, 'parent-style-name');
    }
    return undefined;
  }

  paragraph(name: string | undefined): ParagraphStyle {
    const indent = this.lookup('paragraph', name, (style) => {
      const props = childOf(style, STYLE, 'paragraph-properties');
      // LibreOffice keeps the indentation « before text » in margin-left, right to left too (as Word's w:left).
      return points(attr(props, FO, 'margin-left'));
    });
    return { indent, bold: this.lookup('paragraph', name, boldOf) };
  }

  textBold(name: string | undefined): boolean | undefined {
    return this.lookup('text', name, boldOf);
  }

  private listLevel(listStyle: string | undefined, level: number): XmlElement | undefined {
    const list = listStyle === undefined ? undefined : this.lists.get(listStyle);
    return list ? elements(list).find((l) => attr(l, TEXT, 'level') === String(level + 1)) : undefined;
  }

  /** Whether a list style's level (0 = top) is numbered; null when it shows no label at all. */
  ordered(listStyle: string | undefined, level: number): boolean | null {
    const found = this.listLevel(listStyle, level);
    if (!found || is(found, TEXT, 'list-level-style-bullet') || is(found, TEXT, 'list-level-style-image')) return false;
    return (attr(found, STYLE, 'num-format') ?? '') === '' ? null : true;
  }

  /** Where a list level puts its items' text, in points (label alignment, or the older space-before mode). */
  indent(listStyle: string | undefined, level: number): number | undefined {
    const props = childOf(this.listLevel(listStyle, level), STYLE, 'list-level-properties');
    const alignment = childOf(props, STYLE, 'list-level-label-alignment');
    if (alignment) return points(attr(alignment, FO, 'margin-left'));
    const before = points(attr(props, TEXT, 'space-before'));
    return before === undefined ? undefined : before + (points(attr(props, TEXT, 'min-label-width')) ?? 0);
  }
}

function boldOf(style: XmlElement): boolean | undefined {
  const props = childOf(style, STYLE, 'text-properties');
  const weight = attr(props, FO, 'font-weight') ?? attr(props, STYLE, 'font-weight-complex');
  return weight === undefined ? undefined : weight === 'bold' || Number(weight) >= 600;
}

/** Inline elements whose content is not the paragraph's text. */
const NOT_TEXT = new Set(['annotation', 'annotation-end', 'note', 'number', 'change', 'change-start', 'change-end']);

/** The list a block sits in: its depth and the list style its labels come from. */
interface ListContext {
  level: number;
  style: string | undefined;
}

interface Run {
  text: string;
  /** Has non-space text that is not bold. */
  plain: boolean;
  boxes: XmlElement[];
}

class BodyReader {
  readonly lines: SourceLine[] = [];

  constructor(private readonly styles: Styles) {}

  blocks(container: XmlElement): void {
    for (const element of elements(container)) this.block(element, undefined);
  }

  private block(element: XmlElement, list: ListContext | undefined): void {
    if (element.namespaceURI !== TEXT && element.namespaceURI !== TABLE) return;
    switch (element.localName) {
      case 'p':
      case 'h':
        this.paragraph(element, undefined);
        break;
      case 'list':
        this.list(element, list);
        break;
      case 'table':
        this.table(element);
        break;
      case 'section':
      case 'index-body':
      case 'table-of-content':
        this.blocks(element);
        break;
      default: // tracked changes (the deletions), sequence declarations, soft page breaks, bookmarks…
    }
  }

  private list(element: XmlElement, outer: ListContext | undefined): void {
    const level = outer ? outer.level + 1 : 0;
    const style = attr(element, TEXT, 'style-name') ?? outer?.style;
    const ordered = this.styles.ordered(style, Math.min(level, 9));
    const indent = this.styles.indent(style, Math.min(level, 9));
    for (const item of elements(element)) {
      const header = is(item, TEXT, 'list-header'); // an item without a label
      if (!header && !is(item, TEXT, 'list-item')) continue;
      let first = !header && ordered !== null;
      for (const part of elements(item)) {
        if (is(part, TEXT, 'list')) this.list(part, { level, style });
        else if (is(part, TEXT, 'p') || is(part, TEXT, 'h')) {
          // The item's first paragraph carries its label; later ones go on without one.
          const listed =
            first && is(part, TEXT, 'p') ? { level: Math.min(level, 8), ordered: ordered === true } : undefined;
          if (this.paragraph(part, listed, indent)) first = false;
        } else this.block(part, { level, style });
      }
    }
  }

  /** Adds the paragraph's line (if it has text) and its text boxes; false when it had no text. */
  private paragraph(p: XmlElement, list: SourceLine['list'], listIndent?: number): boolean {
    const style = this.styles.paragraph(attr(p, TEXT, 'style-name'));
    const run: Run = { text: '', plain: false, boxes: [] };
    this.inline(p, style.bold === true, run);
    const text = normalizeText(run.text);
    if (text !== '') {
      // In a list, a paragraph without an indentation of its own takes its level's.
      const indent = Math.max((style.indent || listIndent) ?? 0, 0);
      const line: SourceLine = { text, paragraph: true, strong: !run.plain, indent };
      if (list && !is(p, TEXT, 'h')) line.list = list;
      this.lines.push(line);
    }
    for (const box of run.boxes) this.blocks(box);
    return text !== '';
  }

  private inline(parent: XmlElement, bold: boolean, run: Run): void {
    for (let node = parent.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === 3 || node.nodeType === 4) {
        const text = node.nodeValue ?? '';
        run.text += text;
        if (!bold && text.trim() !== '') run.plain = true;
        continue;
      }
      if (node.nodeType !== 1) continue;
      const element = node as XmlElement;
      if (element.namespaceURI === DRAW) {
        run.boxes.push(...textBoxes(element));
        continue;
      }
      if (element.namespaceURI === OFFICE || (element.namespaceURI === TEXT && NOT_TEXT.has(element.localName ?? '')))
        continue;
      if (is(element, TEXT, 's')) run.text += ' '.repeat(Math.min(Number(attr(element, TEXT, 'c') ?? 1) || 1, 100));
      else if (is(element, TEXT, 'tab') || is(element, TEXT, 'line-break')) run.text += ' ';
      else if (is(element, TEXT, 'span'))
        this.inline(element, this.styles.textBold(attr(element, TEXT, 'style-name')) ?? bold, run);
      else this.inline(element, bold, run); // links, fields, meta, ruby…
    }
  }

  private table(table: XmlElement): void {
    for (const row of rows(table)) {
      const cells = elements(row).filter((c) => is(c, TABLE, 'table-cell')); // covered cells are merged away
      if (isHeaderRowText(cells.map((cell) => cell.textContent ?? ''))) continue;
      for (const cell of cells) this.blocks(cell);
    }
  }
}

/**
 * The text boxes of a drawing: a frame's `draw:text-box`, or the paragraphs a shape holds itself
 * (how LibreOffice converts Word's text boxes), through groups.
 */
function textBoxes(shape: XmlElement): XmlElement[] {
  if (is(shape, DRAW, 'frame')) return elements(shape).filter((e) => is(e, DRAW, 'text-box'));
  if (is(shape, DRAW, 'g')) return elements(shape).flatMap(textBoxes);
  return elements(shape).some((e) => e.namespaceURI === TEXT) ? [shape] : [];
}

/** A table's body rows, through row groups; header rows (repeated on each page) are left out. */
function rows(parent: XmlElement): XmlElement[] {
  return elements(parent).flatMap((e) => {
    if (is(e, TABLE, 'table-row')) return [e];
    if (is(e, TABLE, 'table-rows') || is(e, TABLE, 'table-row-group')) return rows(e);
    return [];
  });
}

export async function readOdtLines(bytes: Uint8Array, file: string, limits: ZipLimits): Promise<SourceLine[]> {
  const parts = await readZipEntries(bytes, file, limits, [CONTENT, STYLES, MANIFEST]);
  // A password-protected OpenDocument keeps its manifest readable, which says how the parts are encrypted.
  if (parts.get(MANIFEST)?.toString('utf8').includes('encryption-data'))
    throw new PacteError('import.password_protected', { file });
  const content = parts.get(CONTENT);
  if (!content) throw new PacteError('import.corrupt_file', { file });
  const root = parseXml(content, file);
  const stylesXml = parts.get(STYLES);
  const styles = new Styles(stylesXml ? [parseXml(stylesXml, file), root] : [root]);
  const text = childOf(childOf(root, OFFICE, 'body'), OFFICE, 'text');
  if (!text) throw new PacteError('import.corrupt_file', { file });
  const reader = new BodyReader(styles);
  reader.blocks(text);
  return reader.lines;
}
