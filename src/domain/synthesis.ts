import { BLOCK_LIMITS } from './blocks.js';
import { PacteError } from './errors.js';

/**
 * The regional synthesis's document (issue 14, item 1): its own model, not the answers' blocks.
 * The JSON is ProseMirror's (type / attrs / content / text / marks), so the TipTap editor reads
 * and writes it as it is, and this module checks it strictly: anything the schema does not hold
 * is refused with `synthesis.invalid_document` and the path of the first fault, never dropped.
 *
 *   doc            content: block+ (may be empty)
 *   heading        attrs {level: 1|2|3}, content: inline*
 *   paragraph      content: inline*
 *   bulletList     content: listItem+
 *   orderedList    attrs {start?: integer ≥ 1}, content: listItem+
 *   listItem       content: paragraph, then bulletList | orderedList (nested no deeper than answers)
 *   figure         attrs {code: question id, group?: country group id | null}: a code's figures
 *   objectivesMatrix  no attrs: the cycle's objectives × countries matrix
 *   text           text (non-empty), marks?: bold | italic | citation {citations: [id, …]}
 *   hardBreak      a line break inside a paragraph or heading
 */

export type SynthesisMark =
  { type: 'bold' } | { type: 'italic' } | { type: 'citation'; attrs: { citations: number[] } };

export type SynthesisInline = { type: 'text'; text: string; marks?: SynthesisMark[] } | { type: 'hardBreak' };

export interface SynthesisParagraph {
  type: 'paragraph';
  content?: SynthesisInline[];
}
export interface SynthesisHeading {
  type: 'heading';
  attrs: { level: 1 | 2 | 3 };
  content?: SynthesisInline[];
}
export interface SynthesisListItem {
  type: 'listItem';
  content: [SynthesisParagraph, ...SynthesisList[]];
}
export type SynthesisList =
  | { type: 'bulletList'; content: SynthesisListItem[] }
  | { type: 'orderedList'; attrs?: { start?: number }; content: SynthesisListItem[] };
export interface SynthesisFigure {
  type: 'figure';
  attrs: { code: string; group?: string | null };
}
export type SynthesisBlock =
  SynthesisParagraph | SynthesisHeading | SynthesisList | SynthesisFigure | { type: 'objectivesMatrix' };

export interface SynthesisDocument {
  type: 'doc';
  content: SynthesisBlock[];
}

/**
 * Limits of one synthesis: lists nest as deep as answers' (BLOCK_LIMITS.depth levels of blocks),
 * and a synthesis may be longer than one answer (it speaks of a whole region).
 */
export const SYNTHESIS_LIMITS = {
  depth: BLOCK_LIMITS.depth,
  nodes: 20_000,
  characters: 500_000,
  citationsPerMark: 50,
} as const;

export const EMPTY_SYNTHESIS: SynthesisDocument = { type: 'doc', content: [] };

const QUESTION_ID = /^[A-Za-z0-9._-]{1,32}$/;
const GROUP_ID = /^[a-z0-9-]{1,64}$/;

type Json = Record<string, unknown>;

/** Refuses `value` at `path` for `reason` (a stable word the editor may act on). */
function invalid(path: string, reason: string): never {
  throw new PacteError('synthesis.invalid_document', { path, reason });
}

function object(value: unknown, path: string): Json {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) invalid(path, 'not_an_object');
  return value as Json;
}

/** Only these keys may be there (ProseMirror's JSON has no others). */
function onlyKeys(node: Json, keys: readonly string[], path: string) {
  for (const key of Object.keys(node)) if (!keys.includes(key)) invalid(`${path}.${key}`, 'unknown_key');
}

function array(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) invalid(path, 'not_a_list');
  return value;
}

/**
 * The document as stored, after every check: text in Unicode NFC (as answers' text), nothing
 * else changed. Throws `synthesis.invalid_document` with `{path, reason}`: `path` is written as
 * in JavaScript (`content[2].content[0].marks[1]`), `reason` one of unknown_node, unknown_mark,
 * unknown_key, misplaced_node, empty_text, invalid_attrs, too_deep, too_large, not_an_object,
 * not_a_list.
 */
export function checkSynthesis(value: unknown): SynthesisDocument {
  let nodes = 0;
  let characters = 0;
  const count = (path: string) => {
    if (++nodes > SYNTHESIS_LIMITS.nodes) invalid(path, 'too_large');
  };

  const marks = (value: unknown, path: string): SynthesisMark[] => {
    const list = array(value, path);
    const seen = new Set<string>();
    return list.map((raw, i) => {
      const at = `${path}[${i}]`;
      const mark = object(raw, at);
      if (typeof mark.type !== 'string' || seen.has(mark.type)) invalid(at, 'unknown_mark');
      seen.add(mark.type);
      if (mark.type === 'bold' || mark.type === 'italic') {
        onlyKeys(mark, ['type', 'attrs'], at);
        if (mark.attrs !== undefined && (mark.attrs === null || Object.keys(object(mark.attrs, at)).length > 0))
          invalid(`${at}.attrs`, 'invalid_attrs');
        return { type: mark.type };
      }
      if (mark.type !== 'citation') invalid(at, 'unknown_mark');
      onlyKeys(mark, ['type', 'attrs'], at);
      const attrs = object(mark.attrs, `${at}.attrs`);
      onlyKeys(attrs, ['citations'], `${at}.attrs`);
      const ids = array(attrs.citations, `${at}.attrs.citations`);
      const valid = ids.every((id) => Number.isSafeInteger(id) && (id as number) >= 1);
      if (
        !valid ||
        ids.length === 0 ||
        ids.length > SYNTHESIS_LIMITS.citationsPerMark ||
        new Set(ids).size < ids.length
      )
        invalid(`${at}.attrs.citations`, 'invalid_attrs');
      return { type: 'citation', attrs: { citations: ids as number[] } };
    });
  };

  const inline = (value: unknown, path: string): SynthesisInline[] =>
    array(value, path).map((raw, i) => {
      const at = `${path}[${i}]`;
      const node = object(raw, at);
      count(at);
      if (node.type === 'hardBreak') {
        onlyKeys(node, ['type'], at);
        return { type: 'hardBreak' };
      }
      if (node.type !== 'text')
        invalid(at, typeof node.type === 'string' && KNOWN.has(node.type) ? 'misplaced_node' : 'unknown_node');
      onlyKeys(node, ['type', 'text', 'marks'], at);
      if (typeof node.text !== 'string' || node.text === '') invalid(`${at}.text`, 'empty_text');
      const text = node.text.normalize('NFC');
      characters += text.length;
      if (characters > SYNTHESIS_LIMITS.characters) invalid(`${at}.text`, 'too_large');
      const found = node.marks === undefined ? [] : marks(node.marks, `${at}.marks`);
      return found.length > 0 ? { type: 'text', text, marks: found } : { type: 'text', text };
    });

  const textblock = (node: Json, at: string) =>
    node.content === undefined ? {} : { content: inline(node.content, `${at}.content`) };

  const list = (node: Json, at: string, depth: number): SynthesisList => {
    if (depth > SYNTHESIS_LIMITS.depth) invalid(at, 'too_deep');
    const items = array(node.content, `${at}.content`);
    if (items.length === 0) invalid(`${at}.content`, 'not_a_list');
    const content = items.map((raw, j) => {
      const itemAt = `${at}.content[${j}]`;
      const item = object(raw, itemAt);
      count(itemAt);
      if (item.type !== 'listItem') invalid(itemAt, KNOWN.has(String(item.type)) ? 'misplaced_node' : 'unknown_node');
      onlyKeys(item, ['type', 'content'], itemAt);
      const children = array(item.content, `${itemAt}.content`);
      const [first, ...rest] = children.map((child, k) => {
        const childAt = `${itemAt}.content[${k}]`;
        const c = object(child, childAt);
        if (k === 0) {
          if (c.type !== 'paragraph') invalid(childAt, 'misplaced_node');
          count(childAt);
          onlyKeys(c, ['type', 'content'], childAt);
          return { type: 'paragraph', ...textblock(c, childAt) } as SynthesisParagraph;
        }
        if (c.type !== 'bulletList' && c.type !== 'orderedList') invalid(childAt, 'misplaced_node');
        count(childAt);
        return list(c, childAt, depth + 1);
      });
      if (!first) invalid(`${itemAt}.content`, 'not_a_list');
      return { type: 'listItem', content: [first as SynthesisParagraph, ...(rest as SynthesisList[])] };
    }) as SynthesisListItem[];
    if (node.type === 'bulletList') {
      onlyKeys(node, ['type', 'content'], at);
      return { type: 'bulletList', content };
    }
    onlyKeys(node, ['type', 'attrs', 'content'], at);
    if (node.attrs === undefined) return { type: 'orderedList', content };
    const attrs = object(node.attrs, `${at}.attrs`);
    onlyKeys(attrs, ['start'], `${at}.attrs`);
    if (attrs.start !== undefined && !(Number.isSafeInteger(attrs.start) && (attrs.start as number) >= 1))
      invalid(`${at}.attrs.start`, 'invalid_attrs');
    return { type: 'orderedList', attrs: attrs.start === undefined ? {} : { start: attrs.start as number }, content };
  };

  const block = (raw: unknown, at: string): SynthesisBlock => {
    const node = object(raw, at);
    count(at);
    switch (node.type) {
      case 'paragraph':
        onlyKeys(node, ['type', 'content'], at);
        return { type: 'paragraph', ...textblock(node, at) };
      case 'heading': {
        onlyKeys(node, ['type', 'attrs', 'content'], at);
        const attrs = object(node.attrs, `${at}.attrs`);
        onlyKeys(attrs, ['level'], `${at}.attrs`);
        if (attrs.level !== 1 && attrs.level !== 2 && attrs.level !== 3) invalid(`${at}.attrs.level`, 'invalid_attrs');
        return { type: 'heading', attrs: { level: attrs.level }, ...textblock(node, at) };
      }
      case 'bulletList':
      case 'orderedList':
        return list(node, at, 2);
      case 'figure': {
        onlyKeys(node, ['type', 'attrs'], at);
        const attrs = object(node.attrs, `${at}.attrs`);
        onlyKeys(attrs, ['code', 'group'], `${at}.attrs`);
        if (typeof attrs.code !== 'string' || !QUESTION_ID.test(attrs.code))
          invalid(`${at}.attrs.code`, 'invalid_attrs');
        const group = attrs.group ?? null;
        if (group !== null && (typeof group !== 'string' || !GROUP_ID.test(group)))
          invalid(`${at}.attrs.group`, 'invalid_attrs');
        return { type: 'figure', attrs: { code: attrs.code, group } };
      }
      case 'objectivesMatrix':
        onlyKeys(node, ['type', 'attrs'], at);
        if (node.attrs !== undefined && (node.attrs === null || Object.keys(object(node.attrs, at)).length > 0))
          invalid(`${at}.attrs`, 'invalid_attrs');
        return { type: 'objectivesMatrix' };
      default:
        return invalid(at, typeof node.type === 'string' && KNOWN.has(node.type) ? 'misplaced_node' : 'unknown_node');
    }
  };

  const doc = object(value, 'doc');
  if (doc.type !== 'doc') invalid('doc', 'unknown_node');
  onlyKeys(doc, ['type', 'content'], 'doc');
  const content = doc.content === undefined ? [] : array(doc.content, 'content');
  return { type: 'doc', content: content.map((raw, i) => block(raw, `content[${i}]`)) };
}

const KNOWN = new Set([
  'doc',
  'paragraph',
  'heading',
  'bulletList',
  'orderedList',
  'listItem',
  'figure',
  'objectivesMatrix',
  'text',
  'hardBreak',
]);

/** Every citation id the document's marks name, in reading order, each once. */
export function citedIds(document: SynthesisDocument): number[] {
  const found = new Set<number>();
  const walk = (node: unknown) => {
    if (node === null || typeof node !== 'object') return;
    const n = node as { marks?: SynthesisMark[]; content?: unknown[] };
    for (const mark of n.marks ?? [])
      if (mark.type === 'citation') for (const id of mark.attrs.citations) found.add(id);
    for (const child of n.content ?? []) walk(child);
  };
  walk(document);
  return [...found];
}

/** The figures the document embeds (item 4 makes them live, then frozen at publication). */
export function embeddedFigures(document: SynthesisDocument): SynthesisFigure['attrs'][] {
  const found: SynthesisFigure['attrs'][] = [];
  const walk = (nodes: readonly SynthesisBlock[]) => {
    for (const node of nodes) {
      if (node.type === 'figure') found.push(node.attrs);
      else if (node.type === 'bulletList' || node.type === 'orderedList')
        for (const item of node.content) walk(item.content.slice(1) as SynthesisBlock[]);
    }
  };
  walk(document.content);
  return found;
}
