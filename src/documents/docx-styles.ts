import type { Element as XmlElement } from '@xmldom/xmldom';
import { elements } from './office-xml.js';

/**
 * Word's styles.xml and numbering.xml as the DOCX reader (import-docx.ts) asks them: which list
 * level and kind a paragraph's numbering gives, whether a style is a heading or bold, and the
 * indentation styles and numbering levels set; with the `w:` XML helpers both use.
 */

/** WordprocessingML, transitional (what Word writes) and strict. */
export const W_NAMESPACES = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
]);

/** Built-in heading styles, by their (always English) style names. */
const HEADING_STYLE = /^(?:title|subtitle|heading \d)$/iu;

// ——— XML helpers ———

export function isW(node: XmlElement, name: string): boolean {
  return node.localName === name && W_NAMESPACES.has(node.namespaceURI ?? '');
}

export function child(parent: XmlElement | undefined, name: string): XmlElement | undefined {
  return parent ? elements(parent).find((e) => isW(e, name)) : undefined;
}

export function childrenNamed(parent: XmlElement, name: string): XmlElement[] {
  return elements(parent).filter((e) => isW(e, name));
}

/** A `w:`-qualified attribute (`w:val`, `w:ilvl`…), whatever its prefix. */
export function attr(element: XmlElement | undefined, name: string): string | undefined {
  if (!element) return undefined;
  for (let i = 0; i < element.attributes.length; i++) {
    const a = element.attributes.item(i);
    if (a && a.localName === name && (a.namespaceURI === null || W_NAMESPACES.has(a.namespaceURI))) return a.value;
  }
  return undefined;
}

/** `w:val` of the child `name`. */
export function val(parent: XmlElement | undefined, name: string): string | undefined {
  return attr(child(parent, name), 'val');
}

/** An on/off property (`<w:tblHeader/>`, `<w:tblHeader w:val="false"/>`). */
export function isOn(element: XmlElement | undefined): boolean {
  if (!element) return false;
  const value = attr(element, 'val');
  return value === undefined || !['0', 'false', 'off'].includes(value);
}

// ——— styles.xml and numbering.xml ———

export interface NumPr {
  numId: string | undefined;
  ilvl: number | undefined;
}

export function numPr(pPr: XmlElement | undefined): NumPr | undefined {
  const element = child(pPr, 'numPr');
  if (!element) return undefined;
  const ilvl = val(element, 'ilvl');
  return { numId: val(element, 'numId'), ilvl: ilvl === undefined ? undefined : Number(ilvl) };
}

export interface StyleInfo {
  numId: string | undefined;
  ilvl: number | undefined;
  heading: boolean;
  /** The style's start indentation in points, when it or a style it is based on sets one. */
  indent: number | undefined;
  /** The style makes its text bold. */
  bold: boolean;
}

/** The start indentation a `w:ind` gives (`w:start`, or `w:left` as Word 2007 and LibreOffice write it), in points. */
export function indentOf(pPr: XmlElement | undefined): number | undefined {
  const ind = child(pPr, 'ind');
  // In a right-to-left (w:bidi) paragraph, w:left is measured from the right margin: the start still.
  const twips = attr(ind, 'start') ?? attr(ind, 'left');
  return twips === undefined || !Number.isFinite(Number(twips)) ? undefined : Number(twips) / 20;
}

/** Bold as a run property says it (`w:b`, or `w:bCs` for Arabic script); undefined when it says nothing. */
export function boldOf(rPr: XmlElement | undefined): boolean | undefined {
  const b = child(rPr, 'b') ?? child(rPr, 'bCs');
  return b ? isOn(b) : undefined;
}

export class Styles {
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

export class Numbering {
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
