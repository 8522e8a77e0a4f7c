import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BLOCK_LIMITS, type Block } from '../../src/domain/blocks.js';
import { clipboardToBlocks, htmlToBlocks, textToBlocks } from '../../src/web/lib/paste/index.js';

const dir = join(import.meta.dirname, '../fixtures/paste');
const documents = join(import.meta.dirname, '../fixtures/documents');
const read = (name: string) => readFileSync(join(dir, name), 'utf8');
const key = (name: string) => JSON.parse(read(`${name}.expected.json`)) as { blocks: Block[]; question?: string };

const item = (text: string, blocks: Block[] = []) => ({ text, blocks });
const bullets = (...items: ReturnType<typeof item>[]): Block => ({ type: 'list', ordered: false, items });
const numbered = (...items: ReturnType<typeof item>[]): Block => ({ type: 'list', ordered: true, items });
const para = (text: string): Block => ({ type: 'paragraph', text });

const samples = readdirSync(dir)
  .filter((f) => f.endsWith('.expected.json'))
  .map((f) => f.slice(0, -'.expected.json'.length));

describe('clipboard samples → their answer keys', () => {
  it('has every kind of sample, in French and Arabic', () => {
    for (const prefix of ['word-', 'libreoffice-', 'google-docs-', 'text-'])
      for (const language of ['fr', 'ar']) expect(samples.some((s) => s.startsWith(`${prefix}${language}`))).toBe(true);
  });

  it.each(samples)('%s', (name) => {
    const html = readdirSync(dir).includes(`${name}.html`);
    const blocks = html ? htmlToBlocks(read(`${name}.html`)) : textToBlocks(read(`${name}.txt`));
    expect(blocks).toEqual(key(name).blocks);
  });

  it('LibreOffice samples are the review documents’ own answers (answer keys in test/fixtures/documents)', () => {
    const answered = {
      fr: JSON.parse(readFileSync(join(documents, 'fr-table.expected.json'), 'utf8')).answered,
      ar: JSON.parse(readFileSync(join(documents, 'ar-paragraphs.expected.json'), 'utf8')).answered,
    };
    const lo = samples.filter((s) => s.startsWith('libreoffice-'));
    expect(lo.length).toBeGreaterThanOrEqual(8);
    for (const name of lo) {
      const [, language, question] = /^libreoffice-(fr|ar)-(.+)$/u.exec(name)!;
      expect(key(name).question).toBe(question);
      expect(htmlToBlocks(read(`${name}.html`))).toEqual(answered[language as 'fr' | 'ar'][question!]);
    }
  });

  it('keys go three levels deep with bullets and numbers', () => {
    const depth = (blocks: Block[]): number =>
      Math.max(
        0,
        ...blocks.map((b) => (b.type === 'list' ? 1 + Math.max(0, ...b.items.map((i) => depth(i.blocks))) : 0)),
      );
    for (const name of ['word-fr', 'word-ar', 'google-docs-fr', 'google-docs-ar', 'text-fr', 'text-ar']) {
      const blocks = key(name).blocks;
      expect(depth(blocks), name).toBe(3);
      expect(JSON.stringify(blocks)).toContain('"ordered":true');
      expect(JSON.stringify(blocks)).toContain('"ordered":false');
    }
  });
});

describe('htmlToBlocks edge cases', () => {
  it('drops empty items, keeps an item whose only content is a nested list', () => {
    expect(htmlToBlocks('<ul><li></li><li> &nbsp; </li><li><ul><li>deep</li></ul></li><li>b</li></ul>')).toEqual([
      bullets(item('', [bullets(item('deep'))]), item('b')),
    ]);
  });

  it('nests a list placed directly in a list under the item before it', () => {
    expect(htmlToBlocks('<ol><li>un</li><ul><li>a</li><li>b</li></ul><li>deux</li></ol>')).toEqual([
      numbered(item('un', [bullets(item('a'), item('b'))]), item('deux')),
    ]);
  });

  it('splits text at <br>: in an item the next lines are paragraphs of that item', () => {
    expect(htmlToBlocks('<ul><li>premier<br>suite<br/>fin</li></ul><p>a<br>b</p>')).toEqual([
      bullets(item('premier', [para('suite'), para('fin')])),
      para('a'),
      para('b'),
    ]);
  });

  it('reads right-to-left lists, keeps Arabic text and Eastern digits as they are', () => {
    const html = '<div dir="rtl"><ol><li dir="rtl"><p>الهدف ١٠٫٧</p><ol><li>أ</li></ol></li></ol></div>';
    expect(htmlToBlocks(html)).toEqual([numbered(item('الهدف ١٠٫٧', [numbered(item('أ'))]))]);
  });

  it('keeps two lists apart, drops emphasis, decodes references, collapses U+00A0 and U+202F', () => {
    const html = '<ul><li><b>x</b>&#8239;:</li></ul><ul><li>y&nbsp;&amp;&#x20AC;&eacute;</li></ul><ol><li>z</li></ol>';
    expect(htmlToBlocks(html)).toEqual([bullets(item('x :')), bullets(item('y &€é')), numbered(item('z'))]);
  });

  it('never goes deeper than blocks allow, and jumps of levels nest one level', () => {
    const deep =
      '<ul><li>1<ul><li>2<ul><li>3<ul><li>4<ul><li>5<ul><li>6<ul><li>7<ul><li>8</li></ul></li></ul></li></ul></li></ul></li></ul></li></ul></li></ul></li></ul>';
    const levels = (blocks: Block[]): number =>
      Math.max(
        0,
        ...blocks.map((b) => (b.type === 'list' ? 1 + Math.max(0, ...b.items.map((i) => levels(i.blocks))) : 0)),
      );
    expect(levels(htmlToBlocks(deep))).toBe(BLOCK_LIMITS.depth - 1);
    const word = (level: number, text: string) =>
      `<p class=MsoListParagraph style='mso-list:l0 level${level} lfo1'><span style='mso-list:Ignore'>·</span>${text}</p>`;
    expect(htmlToBlocks(word(1, 'a') + word(3, 'c') + word(1, 'b'))).toEqual([
      bullets(item('a', [bullets(item('c'))]), item('b')),
    ]);
  });

  it('skips styles, scripts, Word’s <xml> and conditional comments; survives broken HTML', () => {
    const html =
      '<style>p{x:<b>}</style><script>alert("<li>")</script><!--[if gte mso 9]><xml><o:x>y</o:x></xml><![endif]--><p>ok</p><li>stray</b></p>< 3';
    expect(htmlToBlocks(html)).toEqual([para('ok'), bullets(item('stray< 3'))]);
    expect(htmlToBlocks('')).toEqual([]);
  });

  it('reads 10,000 nested elements without overflowing the stack', () => {
    const blocks = htmlToBlocks('<ul><li>x'.repeat(10_000));
    expect(blocks).toHaveLength(1);
    expect(blocks[0]!.type).toBe('list');
  });

  it('turns typed markers in paragraphs into items, but not a year or a word', () => {
    expect(htmlToBlocks('<p>- un</p><p>2020. Une année</p><p>o tempora</p>')).toEqual([
      bullets(item('un')),
      para('2020. Une année'),
      para('o tempora'),
    ]);
  });
});

describe('textToBlocks edge cases', () => {
  it('a paragraph that is not indented ends the lists; blank lines do not', () => {
    expect(textToBlocks('- a\n\n- b\nfin\n- c')).toEqual([
      bullets(item('a'), item('b')),
      para('fin'),
      bullets(item('c')),
    ]);
  });

  it('tells roman numerals from letters: « i. » after « h. » is a letter', () => {
    const letters = 'abcdefghi'
      .split('')
      .map((l) => `${l}) ${l}`)
      .join('\n');
    expect(textToBlocks(letters)).toEqual([numbered(...'abcdefghi'.split('').map((l) => item(l)))]);
  });
});

describe('the clipboard', () => {
  it('falls back to the text when the HTML holds nothing', () => {
    expect(clipboardToBlocks({ html: '<meta charset="utf-8">', text: '- a\n- b' })).toEqual([
      bullets(item('a'), item('b')),
    ]);
  });
});
