import type { ColumnType, Generated } from 'kysely';
import type { Block } from '../domain/blocks.js';
import type { Multilingual, Language } from '../domain/language.js';

/** Kysely's view of the tables created by migrations/*.sql. Keep the two in step. */
type Json<T> = ColumnType<T, string, string>;
type CreatedAt = ColumnType<Date, never, never>;
type Timestamp = ColumnType<Date, string | undefined, string>;

export interface Database {
  region: { id: string; name: Json<Multilingual> };
  country: { code: string; alpha2: string; name: Json<Multilingual> };
  region_member: { region_id: string; country_code: string };
  objective: {
    number: number;
    title: Json<Multilingual>;
    short_name: Json<Multilingual>;
    paragraph: number | null;
    verified: Json<Record<string, boolean | string>>;
    keywords: Json<Partial<Record<Language, string[]>>>;
  };
  principle: {
    key: string;
    letter: string;
    title: Json<Multilingual>;
    summary: string | null;
    verified: Json<Record<string, boolean | string>>;
  };
  questionnaire: { id: string; version: number; title: Json<Multilingual>; source_language: Language };
  questionnaire_section: {
    questionnaire_id: string;
    version: number;
    id: string;
    position: number;
    title: Json<Multilingual>;
    title_status: Json<Record<string, string>>;
  };
  question: {
    questionnaire_id: string;
    version: number;
    id: string;
    section_id: string;
    letter: string;
    position: number;
    text: Json<Multilingual>;
    text_status: Json<Record<string, string>>;
  };
  cycle: {
    id: string;
    region_id: string;
    title: Json<Multilingual>;
    questionnaire_id: string;
    questionnaire_version: number;
    starts_on: ColumnType<string | null, string | null, string | null>;
  };
  review: {
    id: Generated<number>;
    country_code: string;
    cycle_id: string;
    language: Language;
    title: string;
    status: ColumnType<string, string | undefined, string>;
    created_at: CreatedAt;
    updated_at: Timestamp;
  };
  answer: {
    review_id: number;
    question_id: string;
    revision: number;
    blocks: Json<Block[]>;
    updated_at: Timestamp;
    updated_by: string;
    status: ColumnType<string, string | undefined, string>;
  };
  answer_revision: {
    review_id: number;
    question_id: string;
    revision: number;
    blocks: Json<Block[]>;
    author: string;
    origin: string;
    source_sha256: string | null;
    created_at: CreatedAt;
    contribution_ids: ColumnType<number[], number[] | undefined, number[]>;
    note: string | null;
  };
  fact: {
    review_id: number;
    question_id: string;
    position: number;
    value: number;
    kind: string;
    unit: string | null;
    qualifier: string | null;
    period: string | null;
    quote: string;
    block_path: number[];
    char_start: number;
    char_end: number;
  };
  answer_objective: {
    review_id: number;
    question_id: string;
    objective: number;
    score: number;
    evidence: Json<string[]>;
    status: ColumnType<string, string | undefined, string>;
  };
  entity: {
    id: Generated<number>;
    country_code: string;
    name: string;
    category: string;
    created_at: CreatedAt;
  };
  user_account: {
    id: Generated<number>;
    email: string;
    password_hash: string;
    created_at: CreatedAt;
    disabled_at: Date | null;
  };
  user_role: {
    user_id: number;
    role: string;
    country_code: string | null;
    region_id: string | null;
    entity_id: number | null;
  };
  session: { token_hash: string; user_id: number; created_at: CreatedAt; expires_at: Timestamp };
  login_attempt: { email: string; at: CreatedAt; succeeded: boolean };
  import_draft: {
    id: string;
    user_id: number;
    file_name: string;
    bytes: Uint8Array;
    country_code: string;
    cycle_id: string;
    created_at: CreatedAt;
  };
  catalogue_load: {
    singleton: ColumnType<boolean, boolean | undefined, boolean>;
    sha256: string;
    loaded_at: Timestamp;
  };
  assignment: {
    review_id: number;
    question_id: string;
    entity_id: number;
    due_on: ColumnType<string | null, string | null, string | null>;
    assigned_by: string;
    assigned_at: CreatedAt;
  };
  contribution: {
    id: Generated<number>;
    review_id: number;
    question_id: string;
    entity_id: number;
    kind: string;
    blocks: Json<Block[]>;
    revision: ColumnType<number, number | undefined, number>;
    status: ColumnType<string, string | undefined, string>;
    response: string | null;
    updated_by: string;
    updated_at: Timestamp;
    submitted_at: ColumnType<Date | null, string | null | undefined, string | null>;
  };
  evidence: {
    id: Generated<number>;
    contribution_id: number;
    file_name: string;
    media_type: string;
    bytes: Uint8Array;
    size: number;
    sha256: string;
    uploaded_by: string;
    created_at: CreatedAt;
  };
  comment: {
    id: Generated<number>;
    review_id: number;
    question_id: string;
    author: string;
    kind: string;
    body: string;
    created_at: CreatedAt;
  };
  audit_event: {
    id: Generated<string>;
    at: CreatedAt;
    actor: string;
    user_id: number | null;
    action: string;
    country: string | null;
    cycle: string | null;
    question_id: string | null;
    details: Json<Record<string, unknown>>;
  };
  notification: {
    id: Generated<number>;
    user_id: number;
    kind: string;
    country: string;
    cycle: string;
    question_id: string | null;
    details: Json<Record<string, unknown>>;
    created_at: CreatedAt;
    read_at: ColumnType<Date | null, string | null | undefined, string | null>;
    dedupe_key: string | null;
  };
  password_reset: {
    token_hash: string;
    user_id: number;
    created_at: CreatedAt;
    expires_at: Timestamp;
    used_at: ColumnType<Date | null, string | null | undefined, string | null>;
  };
  export_job: {
    id: Generated<string>;
    user_id: number | null;
    requester: 'user' | 'anonymous' | 'operator';
    requester_name: string;
    country_code: string;
    cycle_id: string;
    format: string;
    lang: Language | null;
    layout: string | null;
    version: ColumnType<number | null, number | null | undefined, number | null>;
    status: ColumnType<'queued' | 'running' | 'done' | 'failed', 'queued' | undefined, string>;
    progress: ColumnType<number, number | undefined, number>;
    error_code: string | null;
    attempts: ColumnType<number, never, number>;
    file_name: string | null;
    media_type: string | null;
    bytes: Uint8Array | null;
    created_at: CreatedAt;
    heartbeat_at: ColumnType<Date | null, never, string | null>;
    finished_at: ColumnType<Date | null, never, string | null>;
  };
  review_version: {
    review_id: number;
    version: number;
    published_at: CreatedAt;
    published_by: string;
    document: Json<unknown>;
  };
}
