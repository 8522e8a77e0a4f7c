import type { Element as XmlElement } from '@xmldom/xmldom';
import { normalizeText } from '../domain/blocks.js';
import { PacteError } from '../domain/errors.js';
import {
  Numbering,
  Styles,
  W_NAMESPACES,
  attr,
  child,
  indentOf,
  boldOf,
  isOn,
  isW,
  numPr,
  val,
} from './docx-styles.js';
import { elements, isHeaderRowText, parseXml } from './office-xml.js';
import type { SourceLine } from './source-lines.js';
import { checkBoxText, isCheckBox, symbolText } from './docx-check-box.js';
import { readZipEntries, type ZipLimits } from './zip.js';

/**
 * Reads a Word document (DOCX) as lines for parseReviewLines: every paragraph of the body in
 * reading order (a table row by row, each cell's paragraphs in turn), with the list level and
 * kind Word's numbering gives it, its indentation and whether it is bold. Tracked changes read as
 * accepted (insertions kept, deletions and deleted paragraph marks applied); comments, notes,
 * field codes and drawings are not text; text boxes are read after the paragraph that anchors
 * them; merged cells are read once (a vMerge continuation holds nothing). Only
 * word/document.xml, word/numbering.xml and word/styles.xml are unzipped (so no header, footer,
 * comment or note part); the archive is checked for zip bombs first (zip.ts).
 */

const DOCUMENT = 'word/document.xml';
const NUMBERING = 'word/numbering.xml';
const STYLES = 'word/styles.xml';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;

/** An OLE compound file: what an encrypted (password-protected) Office file is, or an old .doc. */
export function isOleCompound(bytes: Uint8Array): boolean {
  return OLE_MAGIC.every((byte, i) => bytes[i] === byte);
}

// ——— document.xml ———

/** Elements whose text is not the paragraph's: deletions, field codes, drawings, notes. */
const SKIPPED = new Set([
  'del',
  'moveFrom',
  'delText',
  'instrText',
  'delInstrText',
  'pPr',
  'rPr',
  'drawing',
  'pict',
  'object',
  'footnoteReference',
  'endnoteReference',
  'commentReference',
  'fldData',
  'sym',
]);

function paragraphText(element: XmlElement): string {
  let text = '';
  for (const node of elements(element)) {
    if (!W_NAMESPACES.has(node.namespaceURI ?? '')) {
      // mc:AlternateContent holds drawings and text boxes twice over; other markup may hold runs.
      if (node.localName !== 'AlternateContent') text += paragraphText(node);
      continue;
    }
    const name = node.localName ?? '';
    // Check boxes (issue 15): a content control's state, a symbol font's box or tick (docx-check-box.ts).
    if (name === 'sdt' && isCheckBox(node)) text += checkBoxText(node);
    else if (name === 'sym') text += symbolText(node);
    if ((name === 'sdt' && isCheckBox(node)) || SKIPPED.has(name)) continue;
    if (name === 't') text += node.textContent ?? '';
    else if (name === 'tab' || name === 'ptab' || name === 'br' || name === 'cr') text += ' ';
    else if (name === 'noBreakHyphen') text += '-';
    else if (name !== 'softHyphen') text += paragraphText(node); // runs, insertions, links, fields…
  }
  return text;
}

/** Where runs are not the paragraph's own text: deleted, or in a text box (read on its own). */
const NOT_THE_PARAGRAPH = new Set(['del', 'moveFrom', 'txbxContent', 'Fallback', 'AlternateContent']);

/** A text box inside these is another's (nested) or a repeat (VML fallback). */
const BOX_REPEATS = new Set(['Fallback', 'txbxContent']);

/** Whether a node sits, below `top`, in an element of one of these local names. */
function within(node: XmlElement, top: XmlElement, names: Set<string>): boolean {
  for (let at = node.parentNode; at && at !== top; at = at.parentNode)
    if (names.has((at as XmlElement).localName ?? '')) return true;
  return false;
}

/**
 * A symbol (`w:sym`, Insert › Symbol) before any text: a bullet typed by hand, as the character
 * its font maps it to (Wingdings' and Symbol's are in the private use area, U+F020–U+F0FF).
 * Other symbols are decoration, but for boxes and ticks (docx-check-box.ts).
 */
function leadingSymbol(p: XmlElement): string {
  const runs = p.getElementsByTagNameNS('*', 'r');
  for (let i = 0; i < runs.length; i++) {
    const run = runs.item(i);
    if (!run || !isW(run, 'r') || within(run, p, NOT_THE_PARAGRAPH)) continue;
    const sym = child(run, 'sym');
    const code = Number.parseInt(attr(sym, 'char') ?? '', 16);
    // A box or a tick is read in the text already (symbolText): a check box, not a bullet.
    if (sym)
      return Number.isInteger(code) && code > 0x20 && code <= 0xffff && symbolText(sym) === ''
        ? String.fromCharCode(code)
        : '';
    if (normalizeText(paragraphText(run)) !== '') return '';
  }
  return '';
}

/** Every run with text is bold (by its own properties, else by the paragraph's style). */
function allBold(p: XmlElement, styleBold: boolean): boolean {
  let any = false;
  const runs = p.getElementsByTagNameNS('*', 'r');
  for (let i = 0; i < runs.length; i++) {
    const run = runs.item(i);
    if (!run || !isW(run, 'r') || within(run, p, NOT_THE_PARAGRAPH) || normalizeText(paragraphText(run)) === '')
      continue;
    if (!(boldOf(child(run, 'rPr')) ?? styleBold)) return false;
    any = true;
  }
  return any;
}

/** The text boxes anchored in a paragraph, each once: mc:Fallback repeats them (VML), nested ones are their box's. */
function textBoxes(p: XmlElement): XmlElement[] {
  const boxes: XmlElement[] = [];
  const found = p.getElementsByTagNameNS('*', 'txbxContent');
  for (let i = 0; i < found.length; i++) {
    const box = found.item(i);
    if (!box || !isW(box, 'txbxContent')) continue;
    if (!within(box, p, BOX_REPEATS)) boxes.push(box);
  }
  return boxes;
}

class BodyReader {
  readonly lines: SourceLine[] = [];

  constructor(
    private readonly styles: Styles,
    private readonly numbering: Numbering,
  ) {}

  blocks(container: XmlElement): void {
    for (const element of elements(container)) {
      if (!W_NAMESPACES.has(element.namespaceURI ?? '')) continue;
      switch (element.localName) {
        case 'p':
          this.paragraph(element);
          break;
        case 'tbl':
          this.table(element);
          break;
        case 'sdt':
        case 'sdtContent':
        case 'customXml':
        case 'ins':
        case 'moveTo':
          this.blocks(element);
          break;
        default: // sectPr, bookmarks, deletions (w:del, w:moveFrom)…
      }
    }
  }

  /** Text of paragraphs whose mark a tracked change deleted: it runs on into the next paragraph. */
  private merged = '';

  /** A deleted mark ends a cell or the document (which Word does not allow): its text is a paragraph still. */
  flush(): void {
    if (this.merged !== '') this.lines.push({ text: this.merged, paragraph: true });
    this.merged = '';
  }

  private paragraph(p: XmlElement): void {
    const text = normalizeText(`${this.merged} ${leadingSymbol(p)} ${paragraphText(p)}`);
    this.merged = '';
    // Text boxes are read after the paragraph that anchors them, as paragraphs of their own.
    const boxes = textBoxes(p);
    if (child(child(child(p, 'pPr'), 'rPr'), 'del')) this.merged = text;
    else if (text !== '') this.lines.push(this.line(p, text));
    for (const box of boxes) this.blocks(box);
  }

  private line(p: XmlElement, text: string): SourceLine {
    const pPr = child(p, 'pPr');
    const styleId = val(pPr, 'pStyle') ?? this.styles.defaultParagraph;
    const style = this.styles.info(styleId);
    const own = numPr(pPr);
    const numId = own?.numId ?? style.numId;
    const outline = val(pPr, 'outlineLvl');
    const heading = style.heading || (outline !== undefined && Number(outline) < 9);
    const line: SourceLine = { text, paragraph: true, strong: allBold(p, style.bold) };
    let indent = indentOf(pPr) ?? style.indent;
    if (!heading && numId !== undefined && numId !== '0') {
      const ilvl = own?.ilvl ?? style.ilvl ?? this.numbering.levelOfStyle(numId, styleId);
      const level = Number.isInteger(ilvl) ? Math.min(Math.max(ilvl, 0), 8) : 0;
      const format = this.numbering.format(numId, level);
      if (format !== undefined && format !== 'none') line.list = { level, ordered: format !== 'bullet' };
      indent ??= this.numbering.indent(numId, level);
    }
    line.indent = Math.max(indent ?? 0, 0);
    return line;
  }

  private table(tbl: XmlElement): void {
    for (const row of collect(tbl, 'tr')) {
      const cells = collect(row, 'tc');
      if (isOn(child(child(row, 'trPr'), 'tblHeader')) || isHeaderRow(cells)) continue;
      for (const cell of cells) {
        this.blocks(cell);
        this.flush();
      }
    }
  }
}

/** Children `name` of a table or row, also when wrapped in content controls or custom XML. */
function collect(parent: XmlElement, name: string): XmlElement[] {
  return elements(parent).flatMap((e) => {
    if (isW(e, name)) return [e];
    if (isW(e, 'sdt') || isW(e, 'sdtContent') || isW(e, 'customXml')) return collect(e, name);
    return [];
  });
}

function isHeaderRow(cells: XmlElement[]): boolean {
  return isHeaderRowText(cells.map(paragraphText));
}

export async function readDocxLines(bytes: Uint8Array, file: string, limits: ZipLimits): Promise<SourceLine[]> {
  if (isOleCompound(bytes)) throw new PacteError('import.password_protected', { file });
  const parts = await readZipEntries(bytes, file, limits, [DOCUMENT, NUMBERING, STYLES]);
  const document = parts.get(DOCUMENT);
  if (!document) throw new PacteError('import.corrupt_file', { file });
  const stylesXml = parts.get(STYLES);
  const numberingXml = parts.get(NUMBERING);
  const styles = new Styles(stylesXml ? parseXml(stylesXml, file) : undefined);
  const numbering = new Numbering(numberingXml ? parseXml(numberingXml, file) : undefined, styles);
  const body = child(parseXml(document, file), 'body');
  if (!body) throw new PacteError('import.corrupt_file', { file });
  const reader = new BodyReader(styles, numbering);
  reader.blocks(body);
  reader.flush();
  return reader.lines;
}
