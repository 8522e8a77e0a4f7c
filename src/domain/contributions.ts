import { blockTexts, type Block, type ListItem } from './blocks.js';
import { PacteError } from './errors.js';

/**
 * Contributions (an entity's draft for a question) and inputs (a stakeholder's, during the
 * consultation): their kinds and statuses, and the checks on what people send.
 */
export const CONTRIBUTION_KINDS = ['contribution', 'input'] as const;
export type ContributionKind = (typeof CONTRIBUTION_KINDS)[number];

export const CONTRIBUTION_STATUSES = ['draft', 'submitted', 'merged'] as const;
export type ContributionStatus = (typeof CONTRIBUTION_STATUSES)[number];

/**
 * The media types evidence files may have (migrations/028_evidence_documents.sql checks the same):
 * PDF, Excel (XLSX), CSV, Word (DOCX), OpenDocument text (ODT) and spreadsheet (ODS).
 */
export const EVIDENCE_TYPES = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'text/csv',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
] as const;
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];

/** Lists nested deeper than this are refused (no document needs it; it bounds recursion). */
const MAX_DEPTH = 16;

const invalid = (problem: string) => new PacteError('request.invalid', { problem });

function onlyKeys(value: Record<string, unknown>, keys: readonly string[], where: string) {
  const unknown = Object.keys(value).find((key) => !keys.includes(key));
  if (unknown !== undefined) throw invalid(`${where}: unknown key "${unknown}"`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Blocks exactly of the shape of src/domain/blocks.ts: a key the shape does not have is refused
 * (request.invalid naming where), never silently kept or dropped. Texts are left as sent
 * (cleanBlocks of blocks.ts normalises them).
 */
export function strictBlocks(value: unknown, where = 'blocks', depth = 0): Block[] {
  if (!Array.isArray(value)) throw invalid(`${where}: an array of blocks`);
  if (depth > MAX_DEPTH) throw invalid(`${where}: lists nested more than ${MAX_DEPTH} deep`);
  return value.map((block: unknown, i): Block => {
    const at = `${where}[${i}]`;
    if (!isObject(block)) throw invalid(`${at}: a block object`);
    if (block.type === 'paragraph') {
      onlyKeys(block, ['type', 'text'], at);
      if (typeof block.text !== 'string') throw invalid(`${at}.text: a string`);
      return { type: 'paragraph', text: block.text };
    }
    if (block.type === 'list') {
      onlyKeys(block, ['type', 'ordered', 'items'], at);
      if (typeof block.ordered !== 'boolean') throw invalid(`${at}.ordered: true or false`);
      if (!Array.isArray(block.items)) throw invalid(`${at}.items: an array`);
      const items = block.items.map((item: unknown, j): ListItem => {
        const itemAt = `${at}.items[${j}]`;
        if (!isObject(item)) throw invalid(`${itemAt}: an item object`);
        onlyKeys(item, ['text', 'blocks'], itemAt);
        if (typeof item.text !== 'string') throw invalid(`${itemAt}.text: a string`);
        return { text: item.text, blocks: strictBlocks(item.blocks, `${itemAt}.blocks`, depth + 1) };
      });
      return { type: 'list', ordered: block.ordered, items };
    }
    throw invalid(`${at}.type: "paragraph" or "list"`);
  });
}

/** Whether the blocks hold any text at all (an empty contribution cannot be submitted). */
export const hasText = (blocks: readonly Block[]): boolean => blockTexts(blocks).some((text) => text.length > 0);

/**
 * An uploaded file's name as kept: its last path segment, without control characters, at most
 * 200 characters; `evidence` when nothing is left.
 */
export function safeFileName(name: string): string {
  const base = name.split(/[/\\]/u).pop() ?? '';
  const clean = base
    .normalize('NFC')
    .replace(/\p{Cc}/gu, '')
    .trim();
  const short = [...clean].slice(0, 200).join('');
  return short === '' || short === '.' || short === '..' ? 'evidence' : short;
}
