import type { Element as XmlElement } from '@xmldom/xmldom';
import { elements } from './office-xml.js';
import { EMPTY, TICKED } from '../domain/value-text.js';

/**
 * What Word's check boxes say, for the DOCX reader (import-docx.ts): a check-box content control
 * (`w:sdt` with `w14:checkbox`) reads as ☒ or ☐ by its `w14:checked` state — also when a script
 * or an older LibreOffice set the state without redrawing the glyph — or, failing a state, by the
 * tick its content shows; a `w:sym` (a glyph from a symbol font) reads as the box or tick it
 * draws, so « ☒ Oui » comes through as value-text.ts reads it (issue 15).
 */

/** An attribute by its local name, whatever its namespace (w:val, w14:val). */
function localAttr(element: XmlElement, name: string): string | undefined {
  for (let i = 0; i < element.attributes.length; i++) {
    const attribute = element.attributes.item(i);
    if (attribute && (attribute.localName ?? attribute.name) === name) return attribute.value;
  }
  return undefined;
}

const named = (parent: XmlElement, name: string): XmlElement | undefined =>
  elements(parent).find((e) => e.localName === name);

/** Glyphs a symbol font draws at these code points (Wingdings' boxes and ticks), and Unicode's own. */
const SYMBOLS: Record<number, string> = {
  0xa8: EMPTY, // Wingdings ¨: an empty box
  0x6f: EMPTY, // Wingdings o
  0xfe: TICKED, // Wingdings þ: a ticked box
  0x78: TICKED, // Wingdings x: a box with a cross
  0xfd: TICKED,
  0xfc: '✓',
  0xfb: '✗',
};
const UNICODE = /[☐☑☒✓✔✗✘]/u;

/** The text a `w:sym` stands for: a box or a tick, else nothing (as before: other symbols are decoration). */
export function symbolText(sym: XmlElement): string {
  const code = Number.parseInt(localAttr(sym, 'char') ?? '', 16);
  if (!Number.isFinite(code)) return '';
  const unicode = String.fromCodePoint(code);
  if (UNICODE.test(unicode)) return unicode;
  const font = (localAttr(sym, 'font') ?? '').toLowerCase();
  return font.startsWith('wingdings') ? (SYMBOLS[code & 0xff] ?? '') : '';
}

/** Whether a `w:sdt` is a check-box content control. */
export function isCheckBox(sdt: XmlElement): boolean {
  const properties = named(sdt, 'sdtPr');
  return properties !== undefined && named(properties, 'checkbox') !== undefined;
}

/** ☒ or ☐: a check-box content control's state (`w14:checked`), else the glyph it shows. */
export function checkBoxText(sdt: XmlElement): string {
  const box = named(named(sdt, 'sdtPr')!, 'checkbox')!;
  const checked = named(box, 'checked');
  const state = checked ? (localAttr(checked, 'val') ?? 'true') : undefined;
  if (state !== undefined && ['1', 'true', 'on'].includes(state)) return TICKED;
  const content = named(sdt, 'sdtContent');
  if (!content) return EMPTY;
  const shown = [
    content.textContent ?? '',
    ...Array.from(content.getElementsByTagNameNS('*', 'sym')).map((s) => symbolText(s as XmlElement)),
  ].join('');
  return /[☒☑✓✔✗✘xX]/u.test(shown) ? TICKED : EMPTY;
}
