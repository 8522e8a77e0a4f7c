import type { Kysely } from 'kysely';
import * as catalogue from '../db/queries/catalogue.js';
import * as codes from '../db/queries/codes.js';
import type { Database } from '../db/schema.js';
import { checkCode, type CodeInput } from '../domain/codes.js';
import { PacteError } from '../domain/errors.js';
import type { Actor } from '../domain/permissions.js';
import { recordAudit } from './audit.js';
import { openCycle, requireCode } from './code-access.js';
import { defaultCodes } from './default-codes.js';
import { inTransaction } from './use-case.js';

async function requireQuestion(db: Kysely<Database>, cycle: catalogue.CycleRow, questionId: string): Promise<void> {
  const questionnaire = await catalogue.findQuestionnaire(db, cycle.questionnaireId);
  const known = questionnaire?.sections.some((s) => s.questions.some((q) => q.id === questionId)) ?? false;
  if (!known) throw new PacteError('code.question_not_in_questionnaire', { question: questionId });
}

/** `POST /cycles/{cycle}/codes`: the secretariat gives a question of its cycle a code (audited). */
export async function createCode(
  db: Kysely<Database>,
  actor: Actor | null,
  cycleId: string,
  input: CodeInput & { questionId: string },
): Promise<codes.CodeRow> {
  const { actor: who, cycle } = await openCycle(db, actor, cycleId, 'cycle.manage');
  await requireQuestion(db, cycle, input.questionId);
  const code = checkCode(input);
  return inTransaction(db, async (trx) => {
    if (await codes.findCode(trx, cycle.id, input.questionId)) {
      throw new PacteError('code.exists', { cycle: cycle.id, question: input.questionId });
    }
    await codes.insertCode(trx, { cycle: cycle.id, questionId: input.questionId, ...code, by: who.name });
    await recordAudit(trx, who, 'code.create', {
      cycle: cycle.id,
      questionId: input.questionId,
      details: { kind: code.kind, values: code.values.map((v) => v.key) },
    });
    return requireCode(trx, cycle.id, input.questionId);
  });
}

/**
 * `PUT /cycles/{cycle}/codes/{question}`: the code rewritten whole (names, values, cue phrases).
 * A value some country's answer is confirmed with cannot go (`code.values_in_use`): the
 * secretariat first corrects that answer. Suggestions are not redone: ask for them again.
 */
export async function editCode(
  db: Kysely<Database>,
  actor: Actor | null,
  target: { cycle: string; questionId: string },
  input: CodeInput,
): Promise<codes.CodeRow> {
  const { actor: who, cycle } = await openCycle(db, actor, target.cycle, 'cycle.manage');
  const code = checkCode(input);
  return inTransaction(db, async (trx) => {
    const existing = await requireCode(trx, cycle.id, target.questionId, true);
    const keys = new Set(code.values.map((v) => v.key));
    for (const answer of await codes.listCodedAnswers(trx, existing.id)) {
      const gone = answer.state === 'confirmed' ? answer.values.find((v) => !keys.has(v)) : undefined;
      if (gone !== undefined) throw new PacteError('code.values_in_use', { value: gone, country: answer.country });
      // Nor can a code become single choice while an answer is confirmed with several of its values.
      if (code.kind === 'single' && answer.state === 'confirmed' && answer.values.length > 1) {
        throw new PacteError('code.kind_in_use', { country: answer.country, count: answer.values.length });
      }
    }
    await codes.updateCode(trx, existing.id, { ...code, by: who.name });
    await recordAudit(trx, who, 'code.edit', {
      cycle: cycle.id,
      questionId: target.questionId,
      details: { kind: code.kind, values: code.values.map((v) => v.key) },
    });
    return requireCode(trx, cycle.id, target.questionId);
  });
}

/**
 * `POST /cycles/{cycle}/codes/defaults`: Pacte's default codes (catalogue/codes/) for the questions
 * of the cycle's questionnaire that have one and no code yet. Returns the questions given a code.
 */
export async function installDefaultCodes(
  db: Kysely<Database>,
  actor: Actor | null,
  cycleId: string,
): Promise<{ created: string[] }> {
  const { actor: who, cycle } = await openCycle(db, actor, cycleId, 'cycle.manage');
  const questionnaire = await catalogue.findQuestionnaire(db, cycle.questionnaireId);
  const questions = new Set(questionnaire?.sections.flatMap((s) => s.questions.map((q) => q.id)) ?? []);
  return inTransaction(db, async (trx) => {
    const created: string[] = [];
    for (const { questionId, ...input } of defaultCodes()) {
      if (!questions.has(questionId) || (await codes.findCode(trx, cycle.id, questionId))) continue;
      await codes.insertCode(trx, { cycle: cycle.id, questionId, ...checkCode(input), by: who.name });
      created.push(questionId);
    }
    await recordAudit(trx, who, 'code.defaults', { cycle: cycle.id, details: { questions: created } });
    return { created };
  });
}
