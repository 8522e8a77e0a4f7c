import type { Element as XmlElement } from '@xmldom/xmldom';
import { normalizeText } from '../domain/blocks.js';
import { PacteError } from '../domain/errors.js';
import { elements, isHeaderRowText, parseXml } from './office-xml.js';
import type { SourceLine } from './source-lines.js';
import { readZipEntries, type ZipLimits } from './zip.js';

/**
 * Reads a Word document (DOCX) as lines for parseReviewLines: every paragraph of the body in
 * reading order (a table row by row, each cell's paragraphs in turn), with the list level and
 * kind Word's numbering gives it. Only word/document.xml, word/numbering.xml and
 * word/styles.xml are unzipped; the archive is checked for zip bombs first (zip.ts).
 */

/** WordprocessingML, transitional (what Word writes) and strict. */
const W_NAMESPACES = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
]);

const DOCUMENT = 'word/document.xml';
const NUMBERING = 'word/numbering.xml';
const STYLES = 'word/styles.xml';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;

/** An OLE compound file: what an encrypted (password-protected) Office file is, or an old .doc. */
export function isOleCompound(bytes: Uint8Array): boolean {
  return OLE_MAGIC.every((byte, i) => bytes[i] === byte);
}

/** Built-in heading styles, by their (always English) style names. */
const HEADING_STYLE = /^(?:title|subtitle|heading \d)$/iu;

// ——— XML helpers ———

function isW(node: XmlElement, name: string): boolean {
  return node.localName === name && W_NAMESPACES.has(node.namespaceURI ?? '');
}

function child(parent: XmlElement | undefined, name: string): XmlElement | undefined {
  return parent ? elements(parent).find((e) => isW(e, name)) : undefined;
}

function childrenNamed(parent: XmlElement, name: string): XmlElement[] {
  return elements(parent).filter((e) => isW(e, name));
}

/** A `w:`-qualified attribute (`w:val`, `w:ilvl`…), whatever its prefix. */
function attr(element: XmlElement | undefined, name: string): string | undefined {
  if (!element) return undefined;
  for (let i = 0; i < element.attributes.length; i++) {
    const a = element.attributes.item(i);
    if (a && a.localName === name && (a.namespaceURI === null || W_NAMESPACES.has(a.namespaceURI))) return a.value;
  }
  return undefined;
}

/** `w:val` of the child `name`. */
function val(parent: XmlElement | undefined, name: string): string | undefined {
  return attr(child(parent, name), 'val');
}

/** An on/off property (`<w:tblHeader/>`, `<w:tblHeader w:val="false"/>`). */
function isOn(element: XmlElement | undefined): boolean {
  if (!element) return false;
  const value = attr(element, 'val');
  return value === undefined || !['0', 'false', 'off'].includes(value);
}

// ——— styles.xml and numbering.xml ———

interface NumPr {
  numId: string | undefined;
  ilvl: number | undefined;
}

function numPr(pPr: XmlElement | undefined): NumPr | undefined {
  const element = child(pPr, 'numPr');
  if (!element) return undefined;
  const ilvl = val(element, 'ilvl');
  return { numId: val(element, 'numId'), ilvl: ilvl === undefined ? undefined : Number(ilvl) };
}

interface StyleInfo {
  numId: string | undefined;
  ilvl: number | undefined;
  heading: boolean;
  /** The style's start indentation in points, when it or a style it is based on sets one. */
  indent: number | undefined;
  /** The style makes its text bold. */
  bold: boolean;
}

/** The start indentation a `w:ind` gives (`w:start`, or `w:left` as LibreOffice and Word 2007 write it), in points. */
function indentOf(pPr: XmlElement | undefined): number | undefined {
  const ind = child(pPr, 'ind');
  const twips = attr(ind, 'start') ?? attr(ind, 'left');
  return twips === undefined || !Number.isFinite(Number(twips)) ? undefined : Number(twips) / 20;
}

/** Bold as a run property says it (`w:b`, or `w:bCs` for Arabic script); undefined when it says nothing. */
function boldOf(rPr: XmlElement | undefined): boolean | undefined {
  const b = child(rPr, 'b') ?? child(rPr, 'bCs');
  return b ? isOn(b) : undefined;
}

class Styles {
  private readonly byId = new Map<string, XmlElement>();
  private readonly resolved = new Map<string, StyleInfo>();
  readonly defaultParagraph: string | undefined;

  constructor(root: XmlElement | undefined) {
    let byDefault: string | undefined;
    for (const style of root ? childrenNamed(root, 'style') : []) {
      const id = attr(style, 'styleId');
      if (id === undefined || (attr(style, 'type') ?? 'paragraph') !== 'paragraph') continue;
      this.byId.set(id, style);
      if (isDefault(style)) byDefault = id;
    }
    this.defaultParagraph = byDefault;
  }

  /** Numbering and heading-ness of a paragraph style, following `w:basedOn`. */
  info(id: string | undefined): StyleInfo {
    const none: StyleInfo = { numId: undefined, ilvl: undefined, heading: false, indent: undefined, bold: false };
    if (id === undefined) return none;
    const cached = this.resolved.get(id);
    if (cached) return cached;
    const info = { ...none };
    let headingKnown = false;
    let boldKnown = false;
    const seen = new Set<string>();
    for (let at: string | undefined = id; at !== undefined && !seen.has(at);) {
      seen.add(at);
      const style = this.byId.get(at);
      if (!style) break;
      const pPr = child(style, 'pPr');
      const own = numPr(pPr);
      if (info.numId === undefined && own?.numId !== undefined) info.numId = own.numId;
      if (info.ilvl === undefined && own?.ilvl !== undefined) info.ilvl = own.ilvl;
      info.indent ??= indentOf(pPr);
      const bold = boldOf(child(style, 'rPr'));
      if (!boldKnown && bold !== undefined) [info.bold, boldKnown] = [bold, true];
      if (!headingKnown) {
        const outline = val(pPr, 'outlineLvl');
        if (HEADING_STYLE.test(val(style, 'name') ?? '') || (outline !== undefined && Number(outline) < 9)) {
          info.heading = true;
          headingKnown = true;
        }
      }
      at = val(style, 'basedOn');
    }
    this.resolved.set(id, info);
    return info;
  }

  numIdOf(id: string): string | undefined {
    return this.info(id).numId;
  }
}

function isDefault(style: XmlElement): boolean {
  const value = attr(style, 'default');
  return value === '1' || value === 'true' || value === 'on';
}

interface AbstractNum {
  levels: Map<number, XmlElement>;
  /** A list style's definition lives in the numbering its style points to. */
  numStyleLink: string | undefined;
}

class Numbering {
  private readonly abstracts = new Map<string, AbstractNum>();
  private readonly nums = new Map<string, { abstractId: string | undefined; overrides: Map<number, XmlElement> }>();

  constructor(
    root: XmlElement | undefined,
    private readonly styles: Styles,
  ) {
    for (const element of root ? elements(root) : []) {
      if (isW(element, 'abstractNum')) {
        const levels = new Map<number, XmlElement>();
        for (const lvl of childrenNamed(element, 'lvl')) levels.set(Number(attr(lvl, 'ilvl') ?? 0), lvl);
        this.abstracts.set(attr(element, 'abstractNumId') ?? '', {
          levels,
          numStyleLink: val(element, 'numStyleLink'),
        });
      } else if (isW(element, 'num')) {
        const overrides = new Map<number, XmlElement>();
        for (const override of childrenNamed(element, 'lvlOverride')) {
          const lvl = child(override, 'lvl');
          if (lvl) overrides.set(Number(attr(override, 'ilvl') ?? 0), lvl);
        }
        this.nums.set(attr(element, 'numId') ?? '', { abstractId: val(element, 'abstractNumId'), overrides });
      }
    }
  }

  /** The abstract numbering behind a numId, through list-style links. */
  private abstract(numId: string): AbstractNum | undefined {
    let id: string | undefined = numId;
    for (let hops = 0; hops < 5 && id !== undefined; hops++) {
      const num = this.nums.get(id);
      const abstract = num?.abstractId === undefined ? undefined : this.abstracts.get(num.abstractId);
      if (!abstract || abstract.levels.size > 0 || abstract.numStyleLink === undefined) return abstract;
      id = this.styles.numIdOf(abstract.numStyleLink);
    }
    return undefined;
  }

  /** The level a style-numbered paragraph gets when its style names no level: the lvl linked to the style. */
  levelOfStyle(numId: string, styleId: string | undefined): number {
    if (styleId === undefined) return 0;
    for (const [ilvl, lvl] of this.abstract(numId)?.levels ?? []) if (val(lvl, 'pStyle') === styleId) return ilvl;
    return 0;
  }

  private level(numId: string, ilvl: number): XmlElement | undefined {
    return this.nums.get(numId)?.overrides.get(ilvl) ?? this.abstract(numId)?.levels.get(ilvl);
  }

  /** The indentation a level gives its paragraphs, in points. */
  indent(numId: string, ilvl: number): number | undefined {
    return indentOf(child(this.level(numId, ilvl), 'pPr'));
  }

  /** `w:numFmt` of a level (`bullet`, `decimal`, `none`…); undefined when not defined. */
  format(numId: string, ilvl: number): string | undefined {
    const lvl = this.level(numId, ilvl);
    if (!lvl) return undefined;
    // The first numFmt, also when inside mc:AlternateContent (Word 2010's custom formats).
    const format = lvl.getElementsByTagNameNS('*', 'numFmt').item(0) as XmlElement | null;
    return attr(format ?? undefined, 'val') ?? 'decimal';
  }
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
    if (SKIPPED.has(name)) continue;
    if (name === 't') text += node.textContent ?? '';
    else if (name === 'tab' || name === 'ptab' || name === 'br' || name === 'cr') text += ' ';
    else if (name === 'noBreakHyphen') text += '-';
    else if (name !== 'softHyphen') text += paragraphText(node); // runs, insertions, links, fields…
  }
  return text;
}

/** Every run with text is bold (by its own properties, else by the paragraph's style). */
function allBold(p: XmlElement, styleBold: boolean): boolean {
  let any = false;
  const runs = p.getElementsByTagNameNS('*', 'r');
  for (let i = 0; i < runs.length; i++) {
    const run = runs.item(i);
    if (!run || !isW(run, 'r') || normalizeText(paragraphText(run)) === '') continue;
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
    let inside = false;
    for (let at = box.parentNode; at && at !== p; at = at.parentNode) {
      const name = (at as XmlElement).localName;
      if (name === 'Fallback' || name === 'txbxContent') inside = true;
    }
    if (!inside) boxes.push(box);
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

  private paragraph(p: XmlElement): void {
    const text = normalizeText(paragraphText(p));
    // Text boxes are read after the paragraph that anchors them, as paragraphs of their own.
    const boxes = textBoxes(p);
    if (text !== '') this.lines.push(this.line(p, text));
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
      for (const cell of cells) this.blocks(cell);
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
  return reader.lines;
}
