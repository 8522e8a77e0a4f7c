import type { ErrorCode } from './errors.js';
import type { Multilingual } from './language.js';
import type { SynthesisBlock, SynthesisDocument } from './synthesis.js';

/**
 * A synthesis's figures as data (issue 14, items 4–5): what services/synthesis-figures.ts counts,
 * the API gives, a published version keeps (migration 036) and the exports draw.
 */

export type FigureNode = { type: 'figure'; code: string; group: string | null } | { type: 'objectivesMatrix' };

interface FigureBase {
  /** The node's place among the document's figure nodes (0, 1, …), as `figureNodes` gives them. */
  index: number;
  computedAt: string;
  source: 'submission' | 'published';
  /** The figure cannot be counted (its code was deleted, its group removed): the error's code. */
  missing: ErrorCode | null;
}

export interface CodeFigureData extends FigureBase {
  type: 'figure';
  code: string;
  group: string | null;
  /** « Mécanisme de coordination — Maghreb », in the synthesis's language. */
  title: string;
  totalCountries: number;
  codedCountries: number;
  values: { key: string; label: string; count: number }[];
  /** The live chart (the API's figures.svg with the same reader), or null in a version. */
  svgUrl: string | null;
  /** The chart itself: kept in a version (frozen); null live (fetch svgUrl) and when nothing is coded. */
  svg: string | null;
}

export interface MatrixFigureData extends FigureBase {
  type: 'objectivesMatrix';
  objectives: { number: number; title: string }[];
  countries: { code: string; name: string; synthetic: boolean; objectives: number[] }[];
  totals: { number: number; count: number }[];
}

export type FigureData = CodeFigureData | MatrixFigureData;

/** The figure nodes of a document, in reading order (they are top-level blocks: the schema allows no other place). */
export function figureNodes(document: SynthesisDocument): FigureNode[] {
  return document.content.flatMap((node: SynthesisBlock): FigureNode[] =>
    node.type === 'figure'
      ? [{ type: 'figure', code: node.attrs.code, group: node.attrs.group ?? null }]
      : node.type === 'objectivesMatrix'
        ? [{ type: 'objectivesMatrix' }]
        : [],
  );
}

/** A citation as a published version keeps it: public-citations.ts's verdict at publication, dates as ISO strings. */
export type StoredCitation =
  | {
      id: number;
      withheld: false;
      basis: 'published' | 'approved';
      text: string;
      country: string;
      countryName: Multilingual;
      questionId: string;
      date: string;
      link: string | null;
    }
  | { id: number; withheld: true };
