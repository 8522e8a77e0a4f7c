import type { Block } from '../../domain/blocks.js';

/** The shapes the web app reads from the API (docs/workspace.md; /api/openapi.json has them all). */

export interface Grant {
  role: string;
  country: string | null;
  region: string | null;
  entity: number | null;
}
export interface Session {
  email: string;
  grants: Grant[];
}
export interface Move {
  to: string;
  requires?: 'comment' | 'reason';
}
export interface EntityRef {
  id: number;
  name: string;
  category?: string;
  country?: string;
}
export interface Evidence {
  id: number | string;
  fileName: string;
  mediaType: string;
  size: number;
  url: string;
}
export interface Contribution {
  id: number;
  entity: EntityRef;
  kind: 'contribution' | 'input';
  status: string;
  revision: number;
  blocks: Block[];
  response?: string | null;
  evidence?: Evidence[];
  updatedAt?: string | null;
  updatedBy?: string | null;
}
export interface Assignment {
  entity: EntityRef;
  dueOn: string;
  overdue?: boolean;
  contribution?: { status?: string; revision?: number } | string | null;
}
export interface Comment {
  id: number;
  author: string;
  kind?: string;
  body: string;
  createdAt: string;
}
export interface Objective {
  number: number;
  status: string;
  score?: number;
  title: Multilingual;
}
/** A text in several languages, as the API gives questions' wording and names. */
export type Multilingual = Partial<Record<'fr' | 'en' | 'ar', string>> | string;

export interface Answer {
  questionId: string;
  /** The review's status: answers change only while it is `draft` or `in_consultation`. */
  reviewStatus?: string;
  section?: { id: string; title: Multilingual };
  text: Multilingual;
  textStatus?: Multilingual | null;
  status: string;
  revision: number;
  blocks: Block[];
  updatedBy?: string | null;
  updatedAt?: string | null;
  allowedMoves: Move[];
  may: { edit?: boolean; decide?: boolean; comment?: boolean; assign?: boolean };
  assignments: Assignment[];
  contributions: Contribution[];
  comments: Comment[];
  objectives: Objective[];
  myEntities: EntityRef[];
}
export interface Revision {
  revision: number;
  createdAt?: string;
  author?: string | null;
  origin?: string | null;
  note?: string | null;
  contributionIds?: number[];
}
export interface DiffLine {
  op: 'same' | 'added' | 'removed';
  depth: number;
  text: string;
}
