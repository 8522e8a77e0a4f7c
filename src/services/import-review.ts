import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import * as catalogue from '../db/queries/catalogue.js';
import * as factQueries from '../db/queries/facts.js';
import * as reviews from '../db/queries/reviews.js';
import type { Database } from '../db/schema.js';
import { readReview, type ReviewFormat } from '../documents/read-review.js';
import { blockTexts, sameBlocks, type Block } from '../domain/blocks.js';
import { detectCountry } from '../domain/detect-country.js';
import { countryOtherNames } from './load-catalogue.js';
import { DEFAULT_LIMITS, type ReadLimits } from '../domain/read-limits.js';
import { PacteError, type WarningCode } from '../domain/errors.js';
import { extractFacts } from '../domain/facts.js';
import { pick, type Language } from '../domain/language.js';
import { suggestObjectives, type ObjectiveSuggestion } from '../domain/objective-suggestions.js';
import { buildReviewDocument, type ReviewDocument } from '../domain/review.js';
import { translate } from '../i18n/index.js';
import type { Actor } from '../domain/permissions.js';
import { requireAllowed } from './require-allowed.js';
import { OPEN_REVIEW, isLocked } from '../domain/workflow.js';
import { cycleCandidates, requireParticipant, resolveCycle } from './resolve-cycle.js';
import { indexAnswer } from './search-index.js';
import { inTransaction } from './use-case.js';
import { valueNames } from './value-names.js';
import { checkValue, sameValue, type AnswerValue } from '../domain/answer-value.js';
import { readValue } from '../domain/value-text.js';

export interface ImportRequest {
  bytes: Uint8Array;
  /** The file's name, for messages only: the format is read from the content. */
  file: string;
  /** ISO 3166-1 alpha-3; guessed from the text when absent. */
  country?: string | undefined;
  /** When absent, the one open (else closed) cycle the country takes part in (resolveCycle). */
  cycle?: string | undefined;
  dryRun: boolean;
  /** Who imports: recorded in each revision; storing needs the right to import for the country. */
  actor: Actor;
  /** Language of the report's messages. */
  messages?: Language;
  limits?: ReadLimits;
}

export interface ImportWarning {
  code: WarningCode;
  message: string;
  questionId?: string;
}

export interface ImportReport {
  format: ReviewFormat;
  recognised: { sections: number; questions: number; items: number; facts: number };
  /** Questions of the questionnaire the file does not answer. */
  unanswered: string[];
  warnings: ImportWarning[];
  unmatched: { text: string }[];
}

/** The review JSON of the file, with what the import understood and did. */
export interface ImportedReview extends ReviewDocument {
  objectives: Record<string, ObjectiveSuggestion[]>;
  report: ImportReport;
}

export interface ImportResult {
  review: ImportedReview;
  stored: boolean;
  created: boolean;
  /** Question ids whose answer got a new revision, those left as they were, those in conflict. */
  changed: string[];
  unchanged: string[];
  conflicts: string[];
}

/**
 * Turns a review file (text, DOCX or PDF) into a stored review, in one transaction, so a failure
 * stores nothing. Importing the same file again changes nothing; a changed answer gets a new
 * revision; questions the file does not answer keep what they had; an answer someone edited in
 * Pacte since the last import is never overwritten: it is reported as a conflict.
 */
export async function importReview(db: Kysely<Database>, request: ImportRequest): Promise<ImportResult> {
  const language = request.messages ?? 'en';
  const given = request.country === undefined ? undefined : await knownCountry(db, request.country);
  const read = async (q: { questionnaireId: string; questionnaireVersion: number }) => {
    const questionnaire = await catalogue.findQuestionnaire(db, q.questionnaireId, q.questionnaireVersion);
    if (!questionnaire) throw new PacteError('questionnaire.not_found', { questionnaire: q.questionnaireId });
    const parsed = await readReview(request.bytes, request.file, questionnaire, request.limits ?? DEFAULT_LIMITS);
    return { questionnaire, parsed, q };
  };
  const textOf = (parsed: Awaited<ReturnType<typeof readReview>>) => ({
    file: request.file,
    title: parsed.title,
    body: parsed.questions.flatMap((q) => blockTexts(q.blocks)).join('\n'),
  });
  // An unnamed cycle is looked for among the country's cycles (resolveCycle). A country to be read
  // from the file needs the file read first: with the questionnaire the cycles it may mean share,
  // and again should the country's own cycle be on another one.
  let cycle: catalogue.CycleRow;
  let country: string;
  let file: Awaited<ReturnType<typeof read>>;
  if (request.cycle !== undefined || given !== undefined) {
    cycle = await resolveCycle(db, request.cycle, given);
    file = await read(cycle);
    country = given ?? (await detectedCountry(db, textOf(file.parsed), file.parsed.language));
  } else {
    file = await read(await questionnaireOfCandidates(db));
    country = await detectedCountry(db, textOf(file.parsed), file.parsed.language);
    cycle = await resolveCycle(db, undefined, country);
    const same = cycle.questionnaireId === file.q.questionnaireId;
    if (!same || cycle.questionnaireVersion !== file.q.questionnaireVersion) file = await read(cycle);
  }
  const { questionnaire, parsed } = file;
  const header = {
    country,
    cycle: cycle.id,
    language: parsed.language,
    title: parsed.title ?? pick(cycle.title, parsed.language),
  };
  const objectives = await catalogue.listObjectives(db); // titles and keywords: the suggestions' vocabulary
  const names = await valueNames(db);
  const principleKeys = names.principles.map((p) => p.key);
  const questions = new Map(questionnaire.sections.flatMap((s) => s.questions).map((q) => [q.id, q]));
  const understood = parsed.questions.map((found) => {
    // A typed question's value is read from its lines (« ☒ Oui », « Valeur : 4 500 »), which leave
    // the free text; a value the question cannot take is refused as if typed (answer.value_invalid).
    const question = questions.get(found.id);
    const read =
      'value' in found // a review JSON: the value is given (read-review-json.ts)
        ? { value: found.value as AnswerValue | null, blocks: found.blocks }
        : question
          ? readValue(question, found.blocks, names)
          : { value: null, blocks: found.blocks };
    const value: AnswerValue | null = question ? checkValue(question, read.value, principleKeys) : null;
    const q = { ...found, blocks: read.blocks, value };
    return {
      ...q,
      facts: extractFacts(q.id, q.blocks, parsed.language),
      objectives: suggestObjectives(q.blocks, parsed.language, objectives),
    };
  });

  const warn = (code: WarningCode, details: Record<string, unknown>, questionId?: string): ImportWarning => ({
    code,
    message: translate(language, 'errors', code, { file: request.file, ...details }),
    ...(questionId ? { questionId } : {}),
  });
  const answeredIds = new Set(understood.filter((q) => q.blocks.length > 0 || q.value !== null).map((q) => q.id));
  const unanswered = questionnaire.sections
    .flatMap((s) => s.questions.map((q) => q.id))
    .filter((id) => !answeredIds.has(id));
  const report: ImportReport = {
    format: parsed.format,
    recognised: {
      sections: new Set(understood.map((q) => q.id.split('.')[0])).size,
      questions: answeredIds.size,
      items: understood.reduce((n, q) => n + countItems(q.blocks), 0),
      facts: understood.reduce((n, q) => n + q.facts.length, 0),
    },
    unanswered,
    warnings: [
      ...(unanswered.length > 0 ? [warn('import.unanswered_questions', { questions: unanswered.join(', ') })] : []),
      ...(parsed.unmatched.length > 0 ? [warn('import.unmatched_text', { count: parsed.unmatched.length })] : []),
    ],
    unmatched: parsed.unmatched.map((text) => ({ text })),
  };
  const document = (
    answers: Map<string, { blocks: Block[]; value?: AnswerValue | null; revision?: number }>,
    withRevisions: boolean,
  ) => ({
    ...buildReviewDocument(questionnaire, header, answers, withRevisions),
    facts: understood.flatMap((q) => q.facts),
    objectives: Object.fromEntries(understood.filter((q) => q.objectives.length > 0).map((q) => [q.id, q.objectives])),
    report,
  });

  // A cycle named with the file must be one its country takes part in, whether the file is only
  // checked or stored: a check must not show a preview that storing would then refuse.
  if (request.cycle !== undefined) await requireParticipant(db, header.cycle, header.country);

  if (request.dryRun) {
    const answers = new Map(understood.map((q) => [q.id, { blocks: q.blocks, value: q.value }]));
    return {
      review: document(answers, false),
      stored: false,
      created: false,
      changed: [],
      unchanged: [],
      conflicts: [],
    };
  }

  requireAllowed(request.actor, 'review.import', { country });
  await requireParticipant(db, header.cycle, header.country);
  const sha256 = createHash('sha256').update(request.bytes).digest('hex');
  return inTransaction(db, async (trx) => {
    // Locked (update: the import may rewrite its title and language) before its state is checked,
    // so the review cannot leave the open states while the file's answers are written.
    const found = await reviews.findReview(trx, header.country, header.cycle);
    const current = found && (await reviews.lockReview(trx, found.id, 'update'));
    if (current && !OPEN_REVIEW.has(current.status)) {
      throw new PacteError('review.not_in_state', { status: current.status, expected: 'draft, in_consultation' });
    }
    const { id, created } = await reviews.upsertReview(trx, header);
    const existing = await reviews.findAnswers(trx, id);
    const changed: string[] = [];
    const unchanged: string[] = [];
    const conflicts: string[] = [];
    for (const question of understood) {
      const before = existing.get(question.id);
      // A question the file leaves unanswered (a blank's empty cell) and Pacte has no answer to:
      // nothing to store, not an empty revision.
      const nothing = !before && question.blocks.length === 0 && question.value === null;
      if (
        nothing ||
        (before && sameBlocks(before.blocks, question.blocks) && sameValue(before.value, question.value))
      ) {
        unchanged.push(question.id);
        // The review's language changed: its answers are stemmed another way.
        if (before && current && current.language !== header.language) {
          await indexAnswer(trx, {
            reviewId: id,
            questionId: question.id,
            language: header.language,
            blocks: before.blocks,
          });
        }
        continue;
      }
      // Text someone wrote or approved in Pacte is never overwritten by a file.
      if (before && (before.origin !== 'import' || isLocked(before.status))) {
        conflicts.push(question.id);
        report.warnings.push(
          warn('import.answer_edited', { question: question.id, revision: before.revision }, question.id),
        );
        continue;
      }
      const revision = (before?.revision ?? 0) + 1;
      await reviews.saveAnswerRevision(trx, {
        reviewId: id,
        questionId: question.id,
        revision,
        blocks: question.blocks,
        value: question.value,
        author: request.actor.name,
        origin: 'import',
        sourceSha256: sha256,
      });
      await factQueries.replaceFacts(trx, id, question.id, question.facts);
      await factQueries.replaceSuggestions(trx, id, question.id, question.objectives);
      await indexAnswer(trx, {
        reviewId: id,
        questionId: question.id,
        language: header.language,
        blocks: question.blocks,
      });
      existing.set(question.id, {
        blocks: question.blocks,
        ...(question.value ? { value: question.value } : {}),
        revision,
        origin: 'import',
        status: before?.status ?? 'drafting',
      });
      changed.push(question.id);
    }
    return { review: document(existing, true), stored: true, created, changed, unchanged, conflicts };
  });
}

function countItems(blocks: readonly Block[]): number {
  return blocks.reduce(
    (n, block) => n + (block.type === 'list' ? block.items.reduce((m, item) => m + 1 + countItems(item.blocks), 0) : 0),
    0,
  );
}

async function knownCountry(db: Kysely<Database>, given: string): Promise<string> {
  const code = given.trim().toUpperCase();
  if (!(await catalogue.findCountry(db, code))) throw new PacteError('country.not_found', { country: given });
  return code;
}

/** The longest title `import.country_unknown` repeats: a title may run over a whole cover page. */
const TITLE_IN_DETAILS = 200;

async function detectedCountry(
  db: Kysely<Database>,
  review: { file: string; title: string | null; body: string },
  language: Language,
): Promise<string> {
  const other = countryOtherNames();
  const countries = (await catalogue.listCountries(db)).map((c) => ({ ...c, otherNames: other.get(c.code) }));
  const detected = detectCountry(review, language, countries);
  if (!detected) {
    // What the importer looked at, and nothing else of the file's content.
    const title = review.title ?? '';
    const shown = title.length > TITLE_IN_DETAILS ? `${title.slice(0, TITLE_IN_DETAILS - 1)}…` : title;
    throw new PacteError('import.country_unknown', { file: review.file, title: shown });
  }
  return detected;
}

/**
 * Neither cycle nor country named: the file is read with the questionnaire every cycle it may
 * mean shares (the open ones, else the closed ones), and the cycle resolved once the country is
 * recognised. Candidates on different questionnaires are asked for, as before.
 */
async function questionnaireOfCandidates(
  db: Kysely<Database>,
): Promise<{ questionnaireId: string; questionnaireVersion: number }> {
  const candidates = await cycleCandidates(db);
  const kinds = new Set(candidates.map((c) => `${c.questionnaireId}@${c.questionnaireVersion}`));
  if (kinds.size !== 1)
    throw new PacteError('cycle.ambiguous', {
      cycles: candidates
        .map((c) => c.id)
        .sort()
        .join(', '),
    });
  return candidates[0]!;
}
