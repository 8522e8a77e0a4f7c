import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readDocxLines } from '../../src/documents/import-docx.js';
import { isOdt, readOdtLines } from '../../src/documents/import-odt.js';
import { parseReviewLines } from '../../src/documents/import-text.js';
import { detectFormat, readReview } from '../../src/documents/read-review.js';
import { PacteError } from '../../src/domain/errors.js';
import { arab2021 } from '../support/fixtures.js';

const LIMITS = { maxUncompressedBytes: 64 * 1024 * 1024, maxEntries: 5000 };
const DOCUMENTS = 'test/fixtures/documents';

const NS = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"',
  'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"',
  'xmlns:dc="http://purl.org/dc/elements/1.1/"',
].join(' ');

/** An OpenDocument text as LibreOffice zips it: the mimetype first and stored, then the parts. */
function odtOf(body: string, styles = '', manifest = '<manifest/>'): Uint8Array {
  return zipSync({
    mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }],
    'content.xml': strToU8(
      `<?xml version="1.0"?><office:document-content ${NS}><office:automatic-styles>${styles}</office:automatic-styles>` +
        `<office:body><office:text>${body}</office:text></office:body></office:document-content>`,
    ),
    'META-INF/manifest.xml': strToU8(manifest),
  });
}

const LISTS =
  '<text:list-style style:name="L1"><text:list-level-style-bullet text:level="1" text:bullet-char="•"/>' +
  '<text:list-level-style-number text:level="2" style:num-format="1"><style:list-level-properties>' +
  '<style:list-level-label-alignment fo:margin-left="0.5in"/></style:list-level-properties></text:list-level-style-number>' +
  '<text:list-level-style-number text:level="3" style:num-format=""/></text:list-style>' +
  '<style:style style:name="B" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>' +
  '<style:style style:name="Q" style:family="paragraph"><style:text-properties style:font-weight-complex="bold"/></style:style>' +
  '<style:style style:name="In" style:family="paragraph"><style:paragraph-properties fo:margin-left="0.5in"/></style:style>' +
  '<style:style style:name="In2" style:family="paragraph" style:parent-style-name="In"/>';

const shape = (lines: Awaited<ReturnType<typeof readOdtLines>>) =>
  lines.map(({ text, list, strong, indent }) => ({ text, ...(list ? { list } : {}), strong, indent }));

describe('readOdtLines on hand-written OpenDocument', () => {
  it('reads lists by depth and kind, tables without header rows or merged cells, boldness and indentation', async () => {
    const body = [
      '<text:h text:outline-level="1">Review</text:h>',
      '<text:p text:style-name="Q"><text:span text:style-name="B">a)</text:span> Question?</text:p>',
      '<text:list text:style-name="L1"><text:list-item><text:p>one<text:s text:c="3"/>spaced</text:p>',
      '<text:list><text:list-item><text:p>numbered</text:p><text:p>its second paragraph</text:p>',
      '<text:list><text:list-item><text:p>no label</text:p></text:list-item></text:list>',
      '</text:list-item></text:list></text:list-item>',
      '<text:list-header><text:p>header of a list</text:p></text:list-header></text:list>',
      '<text:p text:style-name="In2">- typed<text:tab/>by hand</text:p>',
      '<table:table><table:table-header-rows><table:table-row><table:table-cell><text:p>Repeated</text:p></table:table-cell></table:table-row></table:table-header-rows>',
      '<table:table-row><table:table-cell><text:p>Questions</text:p></table:table-cell><table:table-cell><text:p>Réponses</text:p></table:table-cell></table:table-row>',
      '<table:table-row><table:table-cell table:number-columns-spanned="2"><text:p>wide</text:p></table:table-cell><table:covered-table-cell><text:p>hidden</text:p></table:covered-table-cell></table:table-row>',
      '</table:table>',
    ].join('');
    const lines = await readOdtLines(odtOf(body, LISTS), 'x.odt', LIMITS);
    expect(shape(lines)).toEqual([
      { text: 'Review', strong: false, indent: 0 },
      { text: 'a) Question?', strong: true, indent: 0 },
      { text: 'one spaced', list: { level: 0, ordered: false }, strong: false, indent: 0 },
      { text: 'numbered', list: { level: 1, ordered: true }, strong: false, indent: 36 },
      { text: 'its second paragraph', strong: false, indent: 36 },
      { text: 'no label', strong: false, indent: 0 },
      { text: 'header of a list', strong: false, indent: 0 },
      { text: '- typed by hand', strong: false, indent: 36 },
      { text: 'wide', strong: false, indent: 0 },
    ]);
  });

  it('keeps insertions, drops deletions, comments and notes, and reads text boxes after their paragraph', async () => {
    const body = [
      '<text:tracked-changes><text:changed-region text:id="c1"><text:deletion><text:p>deleted words</text:p></text:deletion></text:changed-region>',
      '<text:changed-region text:id="c2"><text:insertion/></text:changed-region></text:tracked-changes>',
      '<text:p>kept<text:change text:change-id="c1"/> <text:change-start text:change-id="c2"/>inserted<text:change-end text:change-id="c2"/>',
      '<office:annotation><dc:creator>A</dc:creator><text:p>a comment</text:p></office:annotation> text',
      '<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>a footnote</text:p></text:note-body></text:note>.',
      '<draw:frame><draw:text-box><text:p>in a text box</text:p></draw:text-box></draw:frame></text:p>',
      // LibreOffice's form of a Word text box: the shape holds its paragraphs itself.
      '<text:p><draw:custom-shape><text:p>in a shape</text:p><draw:enhanced-geometry/></draw:custom-shape></text:p>',
    ].join('');
    const lines = await readOdtLines(odtOf(body), 'x.odt', LIMITS);
    expect(lines.map((l) => l.text)).toEqual(['kept inserted text.', 'in a text box', 'in a shape']);
  });

  it('refuses a password-protected file and a broken one with their own codes', async () => {
    const encrypted = odtOf(
      '<text:p>x</text:p>',
      '',
      '<manifest><file-entry><encryption-data/></file-entry></manifest>',
    );
    await expect(readOdtLines(encrypted, 'x.odt', LIMITS)).rejects.toMatchObject({ code: 'import.password_protected' });
    const broken = zipSync({
      mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }],
      'content.xml': strToU8('<office:document-content'),
    });
    const error: unknown = await readOdtLines(broken, 'x.odt', LIMITS).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PacteError);
    expect((error as PacteError).code).toBe('import.corrupt_file');
  });
});

describe('OpenDocument reviews made by LibreOffice', () => {
  it('are told from Word files by content, whatever their name', () => {
    const odt = readFileSync(`${DOCUMENTS}/fr-table.odt`);
    expect(isOdt(odt)).toBe(true);
    expect(detectFormat(odt, 'review.docx')).toBe('odt');
    expect(detectFormat(readFileSync(`${DOCUMENTS}/fr-table.docx`), 'review.odt')).toBe('docx');
  });

  for (const name of ['fr-table', 'ar-paragraphs']) {
    it(`read ${name}.odt as its Word original reads`, async () => {
      const questionnaire = arab2021();
      const fromDocx = parseReviewLines(
        await readDocxLines(readFileSync(`${DOCUMENTS}/${name}.docx`), 'x.docx', LIMITS),
        questionnaire,
      );
      const fromOdt = await readReview(readFileSync(`${DOCUMENTS}/${name}.odt`), `${name}.odt`, questionnaire);
      expect(fromOdt.format).toBe('odt');
      expect(fromOdt.questions).toEqual(fromDocx.questions);
      expect(fromOdt.language).toBe(fromDocx.language);
    });
  }
});
