import type { operations } from '../../../../generated/api-types.js';
import { cyclePath } from '../regional/regional.js';

/**
 * The regional synthesis's shapes, named from the generated API types (as lib/types.ts does; kept
 * here beside the pages that read them), and the paths of its API.
 */
type Json<Op extends keyof operations, Status extends number = 200> =
  operations[Op]['responses'] extends Record<Status, { content: { 'application/json': infer Body } }> ? Body : never;

export type SynthesisList = Json<'listSyntheses'>;
export type Synthesis = SynthesisList['syntheses'][number];
export type SynthesisRead = Json<'getSynthesis'>;
export type SynthesisCitation = SynthesisRead['citations'][number];
export type SynthesisSaved = Json<'saveSynthesis'>;
export type CitationRead = Json<'getCitation'>;
export type Citation = CitationRead['citation'];
export type CitationRequest = CitationRead['requests'][number];
export type SubmittedPassage = Citation['passage'];
export type PassagesFound = Json<'searchPassages'>;
export type PassageFound = PassagesFound['passages'][number];
export type CitationRequests = Json<'listCitationRequests'>;
export type SynthesisVersions = Json<'listSynthesisVersions'>;
export type SynthesisVersion = Json<'getSynthesisVersion'>;
export type SynthesisFigures = Json<'getSynthesisFigures'>;

export const synthesesPath = (cycle: string) => `${cyclePath(cycle)}/syntheses`;
export const synthesisPath = (cycle: string, id: number | string) => `${synthesesPath(cycle)}/${id}`;
export const citationPath = (cycle: string, id: number | string, citation: number) =>
  `${synthesisPath(cycle, id)}/citations/${citation}`;
export const requestsPath = (country: string, cycle: string) =>
  `/reviews/${encodeURIComponent(country)}/${encodeURIComponent(cycle)}/citation-requests`;
