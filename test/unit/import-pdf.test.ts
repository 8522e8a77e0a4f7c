import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPdfText } from '../../src/documents/import-pdf.js';
import { parseReviewText } from '../../src/documents/import-text.js';
import { PacteError } from '../../src/domain/errors.js';
import { LIMITS, code, failure, questionnaire } from '../support/pdf-review.js';

// ---------------------------------------------------------------------------------------------
// Hand-made PDFs: Helvetica text at given places, no LibreOffice needed.

interface PlacedText {
  x: number;
  /** From the top of the page. */
  y: number;
  text: string;
}

const WIN_ANSI: Record<string, number> = { '…': 0x85, '’': 0x92, '•': 0x95, '–': 0x96, '—': 0x97 };

function winAnsi(text: string): Buffer {
  const bytes = [...text].map((c) => WIN_ANSI[c] ?? c.charCodeAt(0));
  return Buffer.from(bytes.flatMap((b) => (b === 0x28 || b === 0x29 || b === 0x5c ? [0x5c, b] : [b])));
}

function handMadePdf(pages: PlacedText[][], options: { image?: boolean; encrypted?: boolean } = {}): Buffer {
  const objects: Buffer[] = [];
  const add = (body: Buffer | string): number =>
    objects.push(typeof body === 'string' ? Buffer.from(body, 'latin1') : body);
  const stream = (content: Buffer, dict = ''): Buffer =>
    Buffer.concat([
      Buffer.from(`<< /Length ${content.length}${dict} >>\nstream\n`, 'latin1'),
      content,
      Buffer.from('\nendstream', 'latin1'),
    ]);
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add('(pages, below)');
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const image = options.image
    ? add(
        stream(
          randomBytes(64 * 64),
          ' /Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray /BitsPerComponent 8',
        ),
      )
    : 0;
  const kids: number[] = [];
  for (const page of pages) {
    const parts = page.map((t) =>
      Buffer.concat([
        Buffer.from(`BT /F1 10 Tf ${t.x} ${842 - t.y} Td (`, 'latin1'),
        winAnsi(t.text),
        Buffer.from(') Tj ET\n', 'latin1'),
      ]),
    );
    if (image) parts.push(Buffer.from('q 480 0 0 700 60 70 cm /Im1 Do Q\n', 'latin1'));
    const content = add(stream(Buffer.concat(parts)));
    const xobject = image ? ` /XObject << /Im1 ${image} 0 R >>` : '';
    kids.push(
      add(
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >>${xobject} >> /Contents ${content} 0 R >>`,
      ),
    );
  }
  objects[1] = Buffer.from(`<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`);
  // A standard security handler whose key matches no password: readers must ask for one.
  const encrypt = options.encrypted
    ? add(`<< /Filter /Standard /V 1 /R 2 /O <${'ab'.repeat(32)}> /U <${'cd'.repeat(32)}> /P -4 >>`)
    : 0;
  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xE2\xE3\xCF\xD3\n', 'latin1')];
  const offsets: number[] = [];
  let length = chunks[0]?.length ?? 0;
  objects.forEach((body, i) => {
    offsets.push(length);
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    chunks.push(chunk);
    length += chunk.length;
  });
  const xref = [
    'xref',
    `0 ${objects.length + 1}`,
    '0000000000 65535 f ',
    ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `),
  ].join('\n');
  const security = encrypt ? ` /Encrypt ${encrypt} 0 R /ID [<${'01'.repeat(16)}> <${'01'.repeat(16)}>]` : '';
  chunks.push(
    Buffer.from(
      `${xref}\ntrailer\n<< /Size ${objects.length + 1} /Root 1 0 R${security} >>\nstartxref\n${length}\n%%EOF\n`,
    ),
  );
  return Buffer.concat(chunks);
}

const english = questionnaire({
  I: [
    ['a', 'Was a coordination mechanism set up?'],
    ['b', 'Who led the review?'],
  ],
  II: [['a', 'What policies were adopted?']],
});

/** Three pages of a two-column table, with a running header and footer, page numbers and header rows. */
function tablePages(): PlacedText[][] {
  const furniture = (n: number): PlacedText[] => [
    { x: 60, y: 30, text: 'Republic of Testland - National review 2021' },
    { x: 270, y: 815, text: `Page ${n} / 3` },
    { x: 60, y: 60, text: 'Questions' },
    { x: 300, y: 60, text: 'Answers' },
  ];
  return [
    [
      ...furniture(1),
      { x: 60, y: 90, text: 'National review of Testland' },
      { x: 60, y: 110, text: 'I.- Methodology' },
      { x: 60, y: 140, text: 'a) Was a coordination' },
      { x: 60, y: 152, text: 'mechanism set up?' },
      { x: 300, y: 140, text: '•' },
      { x: 312, y: 140, text: 'Yes, an inter-ministerial committee' },
      { x: 312, y: 152, text: 'chaired by the Prime Minister.' },
      { x: 320, y: 166, text: '–' },
      { x: 332, y: 166, text: 'It met twice, in 2019 and 2020.' },
      { x: 300, y: 180, text: '•' },
      { x: 312, y: 180, text: 'Its secretariat is the Ministry of Labour.' },
      { x: 60, y: 210, text: 'b) Who led the review?' },
      { x: 300, y: 210, text: 'The Ministry of Labour led it, with the' },
      { x: 300, y: 222, text: 'statistics office.' },
    ],
    [
      ...furniture(2),
      { x: 300, y: 90, text: 'b) the review was published in 2021.' },
      { x: 60, y: 130, text: 'II.- Policies' },
      { x: 60, y: 160, text: 'a) What policies were adopted?' },
      { x: 300, y: 160, text: '1.' },
      { x: 312, y: 160, text: 'A migration law;' },
      { x: 300, y: 172, text: '2.' },
      { x: 312, y: 172, text: 'A labour agreement, signed with' },
      { x: 312, y: 184, text: 'three countries in 2019;' },
    ],
    [...furniture(3), { x: 300, y: 90, text: '3.' }, { x: 312, y: 90, text: 'A new agency.' }],
  ];
}

// npm test installs poppler-utils and LibreOffice: without them these fail, saying so — never skip.
describe('readPdfText on hand-made PDFs', () => {
  it('reads a two-column table row by row, without page furniture', async () => {
    const text = await readPdfText(handMadePdf(tablePages()), 'table.pdf', LIMITS);
    expect(text).not.toMatch(/Republic of Testland|Page \d|Questions|Answers/u);
    const doc = parseReviewText(text, english);
    expect(doc.title).toBe('National review of Testland');
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
                text: 'Yes, an inter-ministerial committee chaired by the Prime Minister.',
                blocks: [
                  { type: 'list', ordered: false, items: [{ text: 'It met twice, in 2019 and 2020.', blocks: [] }] },
                ],
              },
              { text: 'Its secretariat is the Ministry of Labour.', blocks: [] },
            ],
          },
        ],
      },
      {
        id: 'I.b',
        sourceText: 'Who led the review?',
        // « b) » starts a line of the answer: it stays in the answer (as an item), not a question.
        blocks: [
          { type: 'paragraph', text: 'The Ministry of Labour led it, with the statistics office.' },
          { type: 'list', ordered: false, items: [{ text: 'b) the review was published in 2021.', blocks: [] }] },
        ],
      },
      {
        id: 'II.a',
        sourceText: 'What policies were adopted?',
        blocks: [
          {
            type: 'list',
            ordered: true,
            items: [
              { text: 'A migration law;', blocks: [] },
              { text: 'A labour agreement, signed with three countries in 2019;', blocks: [] },
              { text: 'A new agency.', blocks: [] },
            ],
          },
        ],
      },
    ]);
  });

  it('keeps a page number that is text, and drops one alone at the foot of a page', async () => {
    const text = await readPdfText(
      handMadePdf([
        [
          { x: 60, y: 100, text: 'I.- Methodology' },
          { x: 60, y: 130, text: 'a) Was a coordination mechanism set up?' },
          { x: 60, y: 170, text: '12' },
          { x: 290, y: 815, text: '- 1 -' },
        ],
      ]),
      'single.pdf',
      LIMITS,
    );
    expect(text.split('\n')).toEqual(['I.- Methodology', 'a) Was a coordination mechanism set up?', '12']);
  });

  it('says when a PDF has no text (a scan)', async () => {
    const pdf = handMadePdf([[], []], { image: true });
    expect(await code(() => readPdfText(pdf, 'scan.pdf', LIMITS))).toBe('import.no_text');
  });

  it('says when a PDF is damaged or not a PDF', async () => {
    const pdf = handMadePdf(tablePages());
    const truncated = pdf.subarray(0, Math.floor(pdf.length * 0.6));
    expect(await code(() => readPdfText(truncated, 'truncated.pdf', LIMITS))).toBe('import.corrupt_file');
    expect(await code(() => readPdfText(randomBytes(20_000), 'random.pdf', LIMITS))).toBe('import.corrupt_file');
    const fake = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(20_000)]);
    const error = await failure(() => readPdfText(fake, 'fake.pdf', LIMITS));
    expect(error).toBeInstanceOf(PacteError);
    expect(error instanceof PacteError && error.details).toMatchObject({ file: 'fake.pdf', format: 'pdf' });
    expect(error instanceof PacteError && error.code).toBe('import.corrupt_file');
  });

  it('says when a PDF needs a password', async () => {
    const pdf = handMadePdf(tablePages(), { encrypted: true });
    expect(await code(() => readPdfText(pdf, 'locked.pdf', LIMITS))).toBe('import.password_protected');
  });

  it('stops pdftotext when it takes too long', async () => {
    const pdf = handMadePdf(tablePages());
    const started = Date.now();
    const error = await failure(() => readPdfText(pdf, 'slow.pdf', { ...LIMITS, timeoutMs: 1 }));
    expect(error instanceof PacteError && error.code).toBe('import.timeout');
    expect(error instanceof PacteError && error.details).toMatchObject({ file: 'slow.pdf' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('says which tool is missing and how to install it', async () => {
    const path = process.env.PATH;
    const empty = mkdtempSync(join(tmpdir(), 'pacte-empty-path-'));
    process.env.PATH = empty;
    try {
      const error = await failure(() => readPdfText(handMadePdf(tablePages()), 'any.pdf', LIMITS));
      expect(error instanceof PacteError && error.code).toBe('import.tool_missing');
      expect(error instanceof PacteError && error.details).toEqual({
        file: 'any.pdf',
        tool: 'pdftotext',
        install: 'apt-get install poppler-utils',
      });
    } finally {
      process.env.PATH = path;
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
