import { describe, expect, it } from 'vitest';
import { checkBoxText, isCheckBox, symbolText } from '../../src/documents/docx-check-box.js';
import { elements, parseXml } from '../../src/documents/office-xml.js';

// Check boxes as Word, LibreOffice and scripts write them, read as value-text.ts's ☒ / ☐.
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const W14 = 'http://schemas.microsoft.com/office/word/2010/wordml';
const first = (xml: string) =>
  elements(parseXml(Buffer.from(`<w:p xmlns:w="${W}" xmlns:w14="${W14}">${xml}</w:p>`), 'x'))[0]!;

const control = (checked: string | null, glyph: string) =>
  first(
    `<w:sdt><w:sdtPr><w14:checkbox>${checked === null ? '' : `<w14:checked w14:val="${checked}"/>`}` +
      '<w14:checkedState w14:val="2612" w14:font="MS Gothic"/><w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/>' +
      `</w14:checkbox></w:sdtPr><w:sdtContent><w:r>${glyph}</w:r></w:sdtContent></w:sdt>`,
  );

describe('check-box content controls', () => {
  it('read by their state, whatever the glyph', () => {
    expect(checkBoxText(control('1', '<w:sym w:font="MS Gothic" w:char="2610"/>'))).toBe('☒');
    expect(checkBoxText(control('true', '<w:t>☐</w:t>'))).toBe('☒');
    expect(checkBoxText(control('0', '<w:sym w:font="MS Gothic" w:char="2610"/>'))).toBe('☐');
  });

  it('without a tick in the state, by the glyph shown', () => {
    expect(checkBoxText(control(null, '<w:t>☒</w:t>'))).toBe('☒');
    expect(checkBoxText(control('0', '<w:t>✓</w:t>'))).toBe('☒');
    expect(checkBoxText(control(null, '<w:sym w:font="Wingdings" w:char="F0FE"/>'))).toBe('☒');
    expect(checkBoxText(control(null, '<w:t>☐</w:t>'))).toBe('☐');
  });

  it('other content controls are not check boxes', () => {
    expect(isCheckBox(control('1', '<w:t>☒</w:t>'))).toBe(true);
    expect(isCheckBox(first('<w:sdt><w:sdtPr><w:alias w:val="Nom"/></w:sdtPr><w:sdtContent/></w:sdt>'))).toBe(false);
  });
});

describe('symbols', () => {
  const sym = (font: string, char: string) => symbolText(first(`<w:sym w:font="${font}" w:char="${char}"/>`));
  it('Wingdings boxes and ticks, Unicode ones in any font', () => {
    expect(sym('Wingdings', 'F0FE')).toBe('☒');
    expect(sym('Wingdings', 'F0A8')).toBe('☐');
    expect(sym('Wingdings', 'F0FC')).toBe('✓');
    expect(sym('MS Gothic', '2612')).toBe('☒');
    expect(sym('Segoe UI Symbol', '2713')).toBe('✓');
  });
  it('other symbols stay decoration, as before', () => {
    expect(sym('Symbol', 'F0B7')).toBe('');
    expect(sym('Wingdings', 'F0D8')).toBe('');
  });
});
