import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createDeflateRaw, crc32, deflateRawSync } from 'node:zlib';
import {
  DeletedTextRun,
  Document,
  HeadingLevel,
  InsertedTextRun,
  LevelFormat,
  Packer,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import { describe, expect, it } from 'vitest';
import { exportDocx, type DocxLayout } from '../../src/documents/export-docx.js';
import { isOleCompound, readDocxLines } from '../../src/documents/import-docx.js';
import { parseReviewLines, parseReviewText } from '../../src/documents/import-text.js';
import type { SourceLine } from '../../src/documents/source-lines.js';
import type { Block } from '../../src/domain/blocks.js';
import { PacteError } from '../../src/domain/errors.js';
import type { Questionnaire } from '../../src/domain/questionnaire.js';
import { arab2021, fixtureReview, seedReview, TABLE_LABELS, questionnaire } from '../support/fixtures.js';
import { SEED } from '../support/pacte.js';

const LIMITS = { maxUncompressedBytes: 256 * 1024 * 1024, maxEntries: 5000 };
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

const english = questionnaire({
  I: [
    ['a', 'Was a coordination mechanism set up?'],
    ['b', 'Who led the review?'],
  ],
  II: [['a', 'What policies were adopted?']],
});

/** Lines without their indentation and boldness (tested in import-docx-extras.test.ts). */
const structure = (lines: SourceLine[]) => lines.map(({ indent: _indent, strong: _strong, ...rest }) => rest);

async function errorCode(run: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await run();
  } catch (error) {
    return error instanceof PacteError ? error.code : `not a PacteError: ${String(error)}`;
  }
  return undefined;
}

async function readDocx(bytes: Uint8Array, q: Questionnaire = english) {
  return parseReviewLines(await readDocxLines(bytes, 'review.docx', LIMITS), q);
}

const blocksOf = (doc: { questions: { id: string; blocks: Block[] }[] }, id: string): Block[] | undefined =>
  doc.questions.find((q) => q.id === id)?.blocks;

// ——— a tiny zip writer, to build archives Word would never write ———

interface RawEntry {
  name: string;
  /** Already deflated data (method 8). */
  compressed: Buffer;
  /** The sizes the headers declare (they may lie). */
  size: number;
  crc?: number;
}

function entry(name: string, data: string | Buffer): RawEntry {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  return { name, compressed: deflateRawSync(bytes), size: bytes.length, crc: crc32(bytes) };
}

function zip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(e.crc ?? 0, 14);
    local.writeUInt32LE(e.compressed.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(e.crc ?? 0, 16);
    central.writeUInt32LE(e.compressed.length, 20);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.compressed);
    centrals.push(central, name);
    offset += local.length + name.length + e.compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** `size` bytes of zeros, deflated chunk by chunk (never all in memory). */
async function deflatedZeros(size: number): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  const zeros = Buffer.alloc(1024 * 1024);
  for (let left = size; left > 0; left -= zeros.length) {
    if (!deflate.write(zeros.subarray(0, Math.min(left, zeros.length)))) await once(deflate, 'drain');
  }
  deflate.end();
  await once(deflate, 'end');
  return Buffer.concat(chunks);
}

/** A minimal DOCX from hand-written parts. */
function docxOf(body: string, parts: { styles?: string; numbering?: string } = {}): Buffer {
  return zip([
    entry('[Content_Types].xml', '<?xml version="1.0"?><Types/>'),
    entry('word/document.xml', `<?xml version="1.0"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`),
    ...(parts.styles === undefined
      ? []
      : [entry('word/styles.xml', `<w:styles xmlns:w="${W}">${parts.styles}</w:styles>`)]),
    ...(parts.numbering === undefined
      ? []
      : [entry('word/numbering.xml', `<w:numbering xmlns:w="${W}">${parts.numbering}</w:numbering>`)]),
  ]);
}

const p = (text: string, pPr = ''): string => `<w:p><w:pPr>${pPr}</w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;

describe('readDocxLines on the seed exported by exportDocx', () => {
  const questionnaireArab = arab2021();
  const fromText = parseReviewText(readFileSync(SEED, 'utf8'), questionnaireArab);

  for (const layout of ['table', 'paragraphs'] as const) {
    it(`reads the seed's ${layout} layout back to the questions and blocks read from its text`, async () => {
      const bytes = await exportDocx(seedReview(), { layout, labels: TABLE_LABELS.fr });
      const doc = await readDocx(bytes, questionnaireArab);
      expect(doc.questions.map((q) => q.id)).toEqual(fromText.questions.map((q) => q.id));
      for (const [i, question] of fromText.questions.entries()) expect(doc.questions[i], question.id).toEqual(question);
      expect(doc.title).toBe(fromText.title);
      expect(doc.language).toBe('fr');
      expect(doc.unmatched).toEqual([]);
    });
  }

  const cases: ['en' | 'ar', DocxLayout][] = [
    ['en', 'table'],
    ['ar', 'paragraphs'],
    ['ar', 'table'],
  ];
  for (const [language, layout] of cases) {
    it(`reads back the ${language} fixture's ${layout} layout, unanswered questions included`, async () => {
      const review = fixtureReview(language);
      const doc = await readDocx(
        await exportDocx(review, { layout, labels: TABLE_LABELS[language] }),
        questionnaireArab,
      );
      expect(doc.language).toBe(language);
      expect(doc.title).toBe(review.title);
      expect(doc.questions).toEqual(
        review.sections.flatMap((s) =>
          s.questions.map((q) => ({ id: q.id, sourceText: q.text, blocks: q.answer.blocks })),
        ),
      );
    });
  }
});

describe('readDocxLines on documents written with docx', () => {
  const numbering = {
    config: [
      {
        reference: 'bullets',
        levels: [0, 1, 2].map((level) => ({ level, format: LevelFormat.BULLET, text: '▪' })),
      },
      {
        reference: 'numbers',
        levels: [0, 1, 2].map((level) => ({ level, format: LevelFormat.DECIMAL, text: `%${level + 1}.` })),
      },
    ],
  };
  const bullet = (text: string, level: number): Paragraph =>
    new Paragraph({ text, numbering: { reference: 'bullets', level } });
  const numbered = (text: string, level: number, instance = 1): Paragraph =>
    new Paragraph({ text, numbering: { reference: 'numbers', level, instance } });
  const cell = (...children: Paragraph[]): TableCell => new TableCell({ children });

  it('reads real Word lists by level, a table without its header row, and paragraphs as blocks', async () => {
    const document = new Document({
      numbering,
      sections: [
        {
          children: [
            new Paragraph({ text: 'National review of Utopia', heading: HeadingLevel.TITLE }),
            new Paragraph({ text: 'I.- Methodology', heading: HeadingLevel.HEADING_1 }),
            new Table({
              rows: [
                // A header row known by its words only (no w:tblHeader).
                new TableRow({ children: [cell(new Paragraph('Questions')), cell(new Paragraph('Answers'))] }),
                new TableRow({
                  children: [
                    cell(new Paragraph('a) Was a coordination mechanism'), new Paragraph('set up?')),
                    cell(
                      bullet('Yes, an inter-ministerial committee.', 0),
                      bullet('It met twice.', 1),
                      numbered('First meeting in March;', 2),
                      numbered('second in June.', 2),
                      bullet('Its members are ministries.', 0),
                      new Paragraph(''),
                      new Paragraph('A paragraph after the list.'),
                      numbered('One', 0, 2),
                      numbered('Two', 0, 2),
                    ),
                  ],
                }),
                new TableRow({
                  tableHeader: true,
                  children: [cell(new Paragraph('Repeated header')), cell(new Paragraph('skipped'))],
                }),
              ],
            }),
            new Paragraph({ text: 'II.- Policies', heading: HeadingLevel.HEADING_1 }),
            new Paragraph({ children: [new TextRun({ text: 'a) What policies were adopted?', bold: true })] }),
            new Paragraph({
              children: [
                new TextRun('A law'),
                new DeletedTextRun({ id: 1, author: 'A', date: '2024-01-15T10:00:00Z', text: ' (deleted draft)' }),
                new InsertedTextRun({ id: 2, author: 'A', date: '2024-01-15T10:00:00Z', text: ' on labour' }),
                new TextRun({ children: [new Tab(), 'and'] }),
                new TextRun({ text: 'an agreement.', break: 1 }),
              ],
            }),
            new Paragraph('Its second paragraph.'),
          ],
        },
      ],
    });
    const bytes = await Packer.toBuffer(document);
    const lines = await readDocxLines(bytes, 'utopia.docx', LIMITS);
    expect(structure(lines.slice(0, 5))).toEqual([
      { text: 'National review of Utopia', paragraph: true },
      { text: 'I.- Methodology', paragraph: true },
      { text: 'a) Was a coordination mechanism', paragraph: true },
      { text: 'set up?', paragraph: true },
      { text: 'Yes, an inter-ministerial committee.', paragraph: true, list: { level: 0, ordered: false } },
    ]);
    expect(lines.map((l) => l.text)).not.toContain('Repeated header');

    const doc = parseReviewLines(lines, english);
    expect(doc.title).toBe('National review of Utopia');
    expect(doc.unmatched).toEqual([]);
    expect(doc.questions).toEqual([
      {
        id: 'I.a',
        sourceText: 'Was a coordination mechanism set up?',
        blocks: [
          {
            type: 'list',
            ordered: false,
            items: [
              {
                text: 'Yes, an inter-ministerial committee.',
                blocks: [
                  {
                    type: 'list',
                    ordered: false,
                    items: [
                      {
                        text: 'It met twice.',
                        blocks: [
                          {
                            type: 'list',
                            ordered: true,
                            items: [
                              { text: 'First meeting in March;', blocks: [] },
                              { text: 'second in June.', blocks: [] },
                            ],
                          },
                        ],
                      },
                    ],
                  },
                ],
              },
              { text: 'Its members are ministries.', blocks: [] },
            ],
          },
          { type: 'paragraph', text: 'A paragraph after the list.' },
          {
            type: 'list',
            ordered: true,
            items: [
              { text: 'One', blocks: [] },
              { text: 'Two', blocks: [] },
            ],
          },
        ],
      },
      {
        id: 'II.a',
        sourceText: 'What policies were adopted?',
        blocks: [
          { type: 'paragraph', text: 'A law on labour and an agreement.' },
          { type: 'paragraph', text: 'Its second paragraph.' },
        ],
      },
    ]);
  });
});

describe('readDocxLines on hand-written parts', () => {
  const styles = [
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>',
    '<w:style w:type="paragraph" w:styleId="Titre"><w:name w:val="Title"/></w:style>',
    // A numbered heading style stays a heading: the parser reads « I.- » in its text.
    '<w:style w:type="paragraph" w:styleId="Titre1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>',
    '<w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>',
    '<w:style w:type="paragraph" w:styleId="ListBullet2"><w:name w:val="List Bullet 2"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>',
    '<w:style w:type="paragraph" w:styleId="MyList"><w:name w:val="My list"/><w:basedOn w:val="ListBullet2"/></w:style>',
    '<w:style w:type="paragraph" w:styleId="LinkedList"><w:name w:val="Linked list"/><w:pPr><w:numPr><w:numId w:val="6"/></w:numPr></w:pPr></w:style>',
  ].join('');
  const lvl = (ilvl: number, format: string): string =>
    `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${format}"/><w:lvlText w:val="x"/></w:lvl>`;
  const numberingXml = [
    `<w:abstractNum w:abstractNumId="10">${lvl(0, 'bullet')}${lvl(1, 'decimal')}</w:abstractNum>`,
    `<w:abstractNum w:abstractNumId="11">${lvl(0, 'upperRoman')}</w:abstractNum>`,
    `<w:abstractNum w:abstractNumId="12">${lvl(0, 'none')}</w:abstractNum>`,
    `<w:abstractNum w:abstractNumId="13">${lvl(0, 'decimal')}</w:abstractNum>`,
    '<w:abstractNum w:abstractNumId="14"><w:numStyleLink w:val="LinkedList"/></w:abstractNum>',
    `<w:abstractNum w:abstractNumId="15">${lvl(0, 'lowerLetter')}</w:abstractNum>`,
    '<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>',
    '<w:num w:numId="2"><w:abstractNumId w:val="11"/></w:num>',
    '<w:num w:numId="3"><w:abstractNumId w:val="12"/></w:num>',
    `<w:num w:numId="4"><w:abstractNumId w:val="13"/><w:lvlOverride w:ilvl="0">${lvl(0, 'bullet')}</w:lvlOverride></w:num>`,
    '<w:num w:numId="5"><w:abstractNumId w:val="14"/></w:num>',
    '<w:num w:numId="6"><w:abstractNumId w:val="15"/></w:num>',
  ].join('');
  const numPr = (numId: number, ilvl?: number): string =>
    `<w:numPr>${ilvl === undefined ? '' : `<w:ilvl w:val="${ilvl}"/>`}<w:numId w:val="${numId}"/></w:numPr>`;

  it('takes numbering from paragraph styles, overrides and list-style links', async () => {
    const body = [
      p('Review', '<w:pStyle w:val="Titre"/>'),
      p('I.- Methodology', '<w:pStyle w:val="Titre1"/>'),
      p('styled bullet', '<w:pStyle w:val="ListBullet"/>'),
      p('styled level 1', '<w:pStyle w:val="ListBullet2"/>'),
      p('inherited style', '<w:pStyle w:val="MyList"/>'),
      p('numbering removed', `<w:pStyle w:val="ListBullet"/>${numPr(0)}`),
      p('format none', numPr(3, 0)),
      p('override to bullet', numPr(4, 0)),
      p('linked list style', numPr(5, 0)),
      p('unknown numbering', numPr(99, 0)),
      p('outline level', `${numPr(1, 0)}<w:outlineLvl w:val="0"/>`),
    ].join('');
    const lines = await readDocxLines(docxOf(body, { styles, numbering: numberingXml }), 'x.docx', LIMITS);
    expect(structure(lines)).toEqual([
      { text: 'Review', paragraph: true },
      { text: 'I.- Methodology', paragraph: true },
      { text: 'styled bullet', paragraph: true, list: { level: 0, ordered: false } },
      { text: 'styled level 1', paragraph: true, list: { level: 1, ordered: true } },
      { text: 'inherited style', paragraph: true, list: { level: 1, ordered: true } },
      { text: 'numbering removed', paragraph: true },
      { text: 'format none', paragraph: true },
      { text: 'override to bullet', paragraph: true, list: { level: 0, ordered: false } },
      { text: 'linked list style', paragraph: true, list: { level: 0, ordered: true } },
      { text: 'unknown numbering', paragraph: true },
      { text: 'outline level', paragraph: true },
    ]);
  });

  it('skips deletions, moves, field codes and drawings; reads content controls and nested tables', async () => {
    const body = [
      '<w:sdt><w:sdtContent>',
      p('in a content control'),
      '</w:sdtContent></w:sdt>',
      '<w:p><w:r><w:t xml:space="preserve">kept </w:t></w:r><w:del><w:r><w:delText>gone</w:delText></w:r></w:del>',
      '<w:moveFrom><w:r><w:t>moved away</w:t></w:r></w:moveFrom><w:moveTo><w:r><w:t>moved here</w:t></w:r></w:moveTo>',
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> HYPERLINK "x" </w:instrText></w:r>',
      '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:hyperlink><w:r><w:t xml:space="preserve"> link </w:t></w:r></w:hyperlink>',
      '<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:drawing><w:t>in a drawing</w:t></w:drawing></w:r>',
      '<w:r><w:t>Covid</w:t><w:noBreakHyphen/><w:t>19</w:t><w:softHyphen/></w:r></w:p>',
      '<w:p><w:pPr><w:rPr><w:del/></w:rPr></w:pPr><w:del><w:r><w:delText>all deleted</w:delText></w:r></w:del></w:p>',
      '<w:p/>',
      `<w:tbl><w:tr><w:tc>${p('outer')}<w:tbl><w:tr><w:tc>${p('inner')}</w:tc></w:tr></w:tbl></w:tc><w:tc>${p('right')}</w:tc></w:tr></w:tbl>`,
    ].join('');
    const lines = await readDocxLines(docxOf(body), 'x.docx', LIMITS);
    expect(lines.map((l) => l.text)).toEqual([
      'in a content control',
      'kept moved here link Covid-19',
      'outer',
      'inner',
      'right',
    ]);
  });

  it('skips a header row in any of the three languages', async () => {
    const row = (...cells: string[]): string => `<w:tr>${cells.map((c) => `<w:tc>${p(c)}</w:tc>`).join('')}</w:tr>`;
    const body = `<w:tbl>${row('Questions', 'Réponses')}${row('a) q', 'answer')}${row('الأسئلة', 'الإجابات')}${row('Question:', 'Answer')}</w:tbl>`;
    const lines = await readDocxLines(docxOf(body), 'x.docx', LIMITS);
    expect(lines.map((l) => l.text)).toEqual(['a) q', 'answer']);
  });
});

describe('parseReviewLines with structure', () => {
  const listed = (text: string, level: number, ordered = false): SourceLine => ({
    text,
    paragraph: true,
    list: { level, ordered },
  });
  const para = (text: string): SourceLine => ({ text, paragraph: true });

  it('nests by level, skipping levels, and starts a new list when the kind changes', () => {
    const doc = parseReviewLines(
      [
        para('I.- Methodology'),
        para('a) Was a coordination mechanism set up?'),
        listed('top', 0),
        listed('two levels down', 2),
        listed('back to one', 1),
        listed('numbered now', 1, true),
        listed('top again', 0),
        listed('numbered top', 0, true),
      ],
      english,
    );
    expect(blocksOf(doc, 'I.a')).toEqual([
      {
        type: 'list',
        ordered: false,
        items: [
          {
            text: 'top',
            blocks: [
              { type: 'list', ordered: false, items: [{ text: 'two levels down', blocks: [] }] },
              { type: 'list', ordered: false, items: [{ text: 'back to one', blocks: [] }] },
              { type: 'list', ordered: true, items: [{ text: 'numbered now', blocks: [] }] },
            ],
          },
          { text: 'top again', blocks: [] },
        ],
      },
      { type: 'list', ordered: true, items: [{ text: 'numbered top', blocks: [] }] },
    ]);
  });

  it('ends an unfinished wording at a list item, and a differently worded question at its question mark', () => {
    const doc = parseReviewLines(
      [
        para('I.- Methodology'),
        para('a) Was a coordination'),
        listed('1. not a marker here: the text is the item', 0, true),
        para('b) Who was in charge of the review?'),
        para('The ministry.'),
        para('II.- Policies'),
        para('a) What policies'),
        para('did you adopt'),
        para('▪ A typed bullet'),
        para('continued as a paragraph.'),
      ],
      english,
    );
    expect(doc.questions).toEqual([
      {
        id: 'I.a',
        sourceText: 'Was a coordination',
        blocks: [
          {
            type: 'list',
            ordered: true,
            items: [{ text: '1. not a marker here: the text is the item', blocks: [] }],
          },
        ],
      },
      {
        id: 'I.b',
        sourceText: 'Who was in charge of the review?',
        blocks: [{ type: 'paragraph', text: 'The ministry.' }],
      },
      {
        id: 'II.a',
        sourceText: 'What policies did you adopt',
        blocks: [
          { type: 'list', ordered: false, items: [{ text: 'A typed bullet', blocks: [] }] },
          { type: 'paragraph', text: 'continued as a paragraph.' },
        ],
      },
    ]);
  });

  it('rejects lines with no text', () => {
    expect(() => parseReviewLines([para(' '), para('')], english)).toThrow(PacteError);
  });
});

describe('readDocxLines on files that are not sound DOCX', () => {
  it('tells a password-protected (OLE) file', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600, 7)]);
    expect(isOleCompound(ole)).toBe(true);
    expect(isOleCompound(docxOf(p('x')))).toBe(false);
    expect(await errorCode(() => readDocxLines(ole, 'x.docx', LIMITS))).toBe('import.password_protected');
  });

  it('rejects a truncated zip, a non-zip, a zip without word/document.xml, and bad XML', async () => {
    const real = await exportDocx(fixtureReview('en'), { layout: 'table', labels: TABLE_LABELS.en });
    const read = (bytes: Uint8Array) => errorCode(() => readDocxLines(bytes, 'x.docx', LIMITS));
    expect(await read(real.subarray(0, Math.floor(real.length / 2)))).toBe('import.corrupt_file');
    expect(await read(real.subarray(0, real.length - 10))).toBe('import.corrupt_file');
    expect(await read(Buffer.from('PK\u0003\u0004 but nothing else'))).toBe('import.corrupt_file');
    expect(await read(zip([entry('word/other.xml', '<x/>'), entry('docProps/app.xml', '<x/>')]))).toBe(
      'import.corrupt_file',
    );
    expect(await read(docxOf('<w:p><w:r><w:t>unclosed</w:r></w:p>'))).toBe('import.corrupt_file');
    const doctype = zip([
      entry(
        'word/document.xml',
        `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document xmlns:w="${W}"><w:body>${p('&x;')}</w:body></w:document>`,
      ),
    ]);
    expect(await read(doctype)).toBe('import.corrupt_file');
    // A damaged entry: the deflated data is cut short of its declared size.
    const short = entry(
      'word/document.xml',
      `<w:document xmlns:w="${W}"><w:body>${p('text'.repeat(500))}</w:body></w:document>`,
    );
    expect(await read(zip([{ ...short, compressed: short.compressed.subarray(0, 20) }]))).toBe('import.corrupt_file');
  });

  it('rejects too many entries and too large declared sizes before inflating anything', async () => {
    const many = zip(Array.from({ length: 20 }, (_, i) => entry(`word/media/${i}.xml`, '<x/>')));
    const error = await readDocxLines(many, 'many.docx', { maxUncompressedBytes: 1e6, maxEntries: 10 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PacteError);
    expect((error as PacteError).code).toBe('import.archive_too_large');
    expect((error as PacteError).details).toEqual({ file: 'many.docx', exceeded: 'parts', limit: 10 });
    const big = docxOf(p('x'.repeat(5000)));
    const small = { maxUncompressedBytes: 4000, maxEntries: 10 };
    expect(await errorCode(() => readDocxLines(big, 'x.docx', small))).toBe('import.archive_too_large');
  });

  describe('zip bombs', () => {
    const SIZE = 200 * 1024 * 1024;
    let bomb: Buffer | undefined;
    const compressed = async (): Promise<Buffer> => (bomb ??= await deflatedZeros(SIZE));

    it('rejects 200 MB of zeros declared honestly, from the directory alone', async () => {
      const data = await compressed();
      expect(data.length).toBeLessThan(SIZE / 500);
      const honest = zip([{ name: 'word/document.xml', compressed: data, size: SIZE }]);
      const started = performance.now();
      // Within the size limit (256 MB), but compressed more than 200:1.
      expect(await errorCode(() => readDocxLines(honest, 'bomb.docx', LIMITS))).toBe('import.archive_too_large');
      // Beyond a smaller size limit.
      const limits = { maxUncompressedBytes: 50 * 1024 * 1024, maxEntries: 100 };
      const error = await readDocxLines(honest, 'bomb.docx', limits).catch((e: unknown) => e);
      expect((error as PacteError).details).toEqual({
        file: 'bomb.docx',
        exceeded: 'size',
        limitBytes: 50 * 1024 * 1024,
      });
      expect(performance.now() - started).toBeLessThan(1000);
    });

    it('stops inflating an entry that yields more than it declared', async () => {
      const liar = zip([{ name: 'word/document.xml', compressed: await compressed(), size: 4096 }]);
      const heap = process.memoryUsage().arrayBuffers;
      const started = performance.now();
      expect(await errorCode(() => readDocxLines(liar, 'liar.docx', LIMITS))).toBe('import.archive_too_large');
      expect(performance.now() - started).toBeLessThan(1000);
      expect(process.memoryUsage().arrayBuffers - heap).toBeLessThan(50 * 1024 * 1024);
    });
  });
});
