import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readDocxLines } from '../../src/documents/import-docx.js';
import { parseReviewLines } from '../../src/documents/import-text.js';
import { questionnaire } from '../support/fixtures.js';

/**
 * What Word paragraphs tell the parser besides their text (issue 16, items 3 and 4): their start
 * indentation in points (lists typed by hand nest by it), whether they are bold (a question's
 * wording), and the text boxes they anchor, read once after them.
 */
const LIMITS = { maxUncompressedBytes: 64 * 1024 * 1024, maxEntries: 100 };
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const NS = [
  `xmlns:w="${W}"`,
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"',
  'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"',
  'xmlns:v="urn:schemas-microsoft-com:vml"',
].join(' ');

function docxOf(body: string, styles = '', numbering = ''): Uint8Array {
  return zipSync({
    'word/document.xml': strToU8(`<w:document ${NS}><w:body>${body}</w:body></w:document>`),
    'word/styles.xml': strToU8(`<w:styles xmlns:w="${W}">${styles}</w:styles>`),
    'word/numbering.xml': strToU8(`<w:numbering xmlns:w="${W}">${numbering}</w:numbering>`),
  });
}

const p = (text: string, pPr = '', rPr = ''): string =>
  `<w:p><w:pPr>${pPr}</w:pPr><w:r><w:rPr>${rPr}</w:rPr><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

describe('readDocxLines: indentation and boldness', () => {
  it('gives the start indentation in points from the paragraph, its style or its numbering level', async () => {
    const styles =
      '<w:style w:type="paragraph" w:styleId="Quote"><w:pPr><w:ind w:left="1440"/></w:pPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="Quote2"><w:basedOn w:val="Quote"/></w:style>';
    const numbering =
      '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/><w:pPr><w:ind w:left="1080" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>' +
      '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>';
    const body = [
      p('- start', '<w:ind w:start="720" w:hanging="360"/>'),
      p('- left, right to left', '<w:bidi/><w:ind w:left="425" w:right="0" w:hanging="283"/>'),
      // w:bidi mirrors the sides: w:left is the start (from the right margin), w:right the end.
      p('- end indent only, right to left', '<w:bidi/><w:ind w:right="1080"/>'),
      p('by style', '<w:pStyle w:val="Quote2"/>'),
      p('by numbering', '<w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr>'),
      p('none'),
    ].join('');
    const lines = await readDocxLines(docxOf(body, styles, numbering), 'x.docx', LIMITS);
    expect(lines.map((l) => [l.text, l.indent])).toEqual([
      ['- start', 36],
      ['- left, right to left', 21.25],
      ['- end indent only, right to left', 0],
      ['by style', 72],
      ['by numbering', 54],
      ['none', 0],
    ]);
  });

  it('says a paragraph is bold when all its text is, by w:b, w:bCs or its style', async () => {
    const styles =
      '<w:style w:type="paragraph" w:styleId="Q"><w:rPr><w:b/></w:rPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="Q2"><w:basedOn w:val="Q"/></w:style>';
    const body = [
      '<w:p><w:r><w:rPr><w:bCs/></w:rPr><w:t>أ</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">) سؤال</w:t></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r></w:p>',
      p('by its style', '<w:pStyle w:val="Q2"/>'),
      p('bold turned off', '<w:pStyle w:val="Q"/>', '<w:b w:val="0"/>'),
      '<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">half </w:t></w:r><w:r><w:t>bold</w:t></w:r></w:p>',
    ].join('');
    const lines = await readDocxLines(docxOf(body, styles), 'x.docx', LIMITS);
    expect(lines.map((l) => [l.text, l.strong])).toEqual([
      ['أ) سؤال', true],
      ['by its style', true],
      ['bold turned off', false],
      ['half bold', false],
    ]);
  });
});

describe('readDocxLines: bullets typed as symbols', () => {
  it('reads a Wingdings symbol before any text as a bullet, unless deleted', async () => {
    const sym = (char: string) => `<w:r><w:sym w:font="Wingdings" w:char="${char}"/></w:r>`;
    const body = [
      `<w:p><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr>${sym('F0A7')}<w:r><w:tab/><w:t>typed bullet</w:t></w:r></w:p>`,
      `<w:p><w:r><w:t xml:space="preserve">a tick </w:t></w:r>${sym('F0FC')}<w:r><w:t xml:space="preserve"> in the text</w:t></w:r></w:p>`,
      `<w:p><w:del w:id="1" w:author="A">${sym('F0A7')}</w:del><w:r><w:t>deleted symbol</w:t></w:r></w:p>`,
    ].join('');
    const lines = await readDocxLines(docxOf(body), 'x.docx', LIMITS);
    // A tick is a check box's (docx-check-box.ts), wherever it is.
    expect(lines.map((l) => l.text)).toEqual(['\uF0A7 typed bullet', 'a tick ✓ in the text', 'deleted symbol']);
    const doc = parseReviewLines(
      [
        { text: 'I.- Methodology', paragraph: true },
        { text: 'a) Was a coordination mechanism set up?', paragraph: true },
        ...lines.slice(0, 1),
      ],
      questionnaire({ I: [['a', 'Was a coordination mechanism set up?']] }),
    );
    expect(doc.questions[0]?.blocks).toEqual([
      { type: 'list', ordered: false, items: [{ text: 'typed bullet', blocks: [] }] },
    ]);
  });
});

describe('readDocxLines: text boxes', () => {
  it('reads a text box once (not its VML fallback) after the paragraph that anchors it', async () => {
    const box = (text: string) => `<w:txbxContent>${p(text)}</w:txbxContent>`;
    const body = [
      '<w:p><w:r><w:t xml:space="preserve">Before the box. </w:t></w:r><w:r><mc:AlternateContent>',
      `<mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>${box('In the box.')}</wps:txbx></wps:wsp></w:drawing></mc:Choice>`,
      `<mc:Fallback><w:pict><v:shape><v:textbox>${box('In the box.')}</v:textbox></v:shape></w:pict></mc:Fallback>`,
      '</mc:AlternateContent></w:r><w:r><w:t>After it.</w:t></w:r></w:p>',
      `<w:p><w:r><w:pict><v:shape><v:textbox>${box('A VML box alone.')}</v:textbox></v:shape></w:pict></w:r></w:p>`,
    ].join('');
    const lines = await readDocxLines(docxOf(body), 'x.docx', LIMITS);
    expect(lines.map((l) => l.text)).toEqual(['Before the box. After it.', 'In the box.', 'A VML box alone.']);
  });
});

describe('readDocxLines: tracked changes', () => {
  it("joins a paragraph whose mark was deleted to the next one, keeping the later paragraph's properties", async () => {
    const body = [
      '<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="A"/></w:rPr></w:pPr><w:r><w:t>The committee met</w:t></w:r></w:p>',
      `<w:p><w:pPr><w:ind w:left="720"/></w:pPr><w:ins w:id="2" w:author="A"><w:r><w:t>nine</w:t></w:r></w:ins><w:del w:id="3" w:author="A"><w:r><w:delText>eight</w:delText></w:r></w:del><w:r><w:t xml:space="preserve"> times.</w:t></w:r></w:p>`,
      '<w:p><w:pPr><w:rPr><w:del w:id="4" w:author="A"/></w:rPr></w:pPr><w:del w:id="5" w:author="A"><w:r><w:delText>Deleted with its mark.</w:delText></w:r></w:del></w:p>',
      p('Next paragraph.'),
    ].join('');
    const lines = await readDocxLines(docxOf(body), 'x.docx', LIMITS);
    expect(lines.map((l) => [l.text, l.indent])).toEqual([
      ['The committee met nine times.', 36],
      ['Next paragraph.', 0],
    ]);
  });
});
