import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTRIBUTION_STATUSES } from '../../src/domain/contributions.js';
import { DIFF_OPS } from '../../src/domain/diff.js';
import { ENTITY_CATEGORIES } from '../../src/domain/entities.js';
import { ERRORS, WARNINGS } from '../../src/domain/errors.js';
import { LANGUAGES } from '../../src/domain/language.js';
import { ROLES } from '../../src/domain/permissions.js';
import { PRACTICE_SCOPES, PRACTICE_STATES, PRACTICE_TEXTS } from '../../src/domain/practices.js';
import { REVISION_ORIGINS } from '../../src/domain/review.js';
import { ANSWER_MOVES, ANSWER_STATUSES, REVIEW_MOVES, REVIEW_STATUSES } from '../../src/domain/workflow.js';
import { readCatalogue } from '../../src/i18n/index.js';
import { EXPORT_FORMATS } from '../../src/services/export-review.js';

/**
 * No unused message, no message asked for that does not exist: the code under src/ is read, and
 * keys it builds from a value (`status.${status}`) are expanded from the lists those values come
 * from — the domain's constants, or the database's own check constraints in migrations/.
 */
const ROOT = new URL('../../', import.meta.url).pathname;

function sources(dir: string): { file: string; text: string }[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return path === join('src', 'i18n', 'locales') ? [] : sources(path);
    return /\.tsx?$/u.test(entry.name) ? [{ file: path, text: readFileSync(join(ROOT, path), 'utf8') }] : [];
  });
}
const code = sources('src');
const all = code.map((f) => f.text).join('\n');

/** The values a column accepts, from its `check (column in (…))` in the table's migration. */
function checkedValues(table: string, column: string): string[] {
  const sql = readdirSync(join(ROOT, 'migrations'))
    .map((file) => readFileSync(join(ROOT, 'migrations', file), 'utf8'))
    .join('\n');
  const body = new RegExp(`create table ${table} \\(([\\s\\S]*?)\\n\\);`, 'u').exec(sql)?.[1] ?? '';
  // A later migration may widen the list (alter table … add constraint …): the last one holds.
  const widened = [
    ...sql.matchAll(
      new RegExp(
        `alter table ${table} add constraint ${table}_${column}_check check \\(${column} in \\(([^)]*)\\)`,
        'gu',
      ),
    ),
  ].at(-1)?.[1];
  const list = widened ?? new RegExp(`check \\(${column} in \\(([^)]*)\\)\\)`, 'u').exec(body)?.[1] ?? '';
  const values = [...list.matchAll(/'([^']+)'/gu)].map((m) => m[1]!);
  if (values.length === 0) throw new Error(`no check constraint on ${table}.${column}`);
  return values;
}

const requirements = [...new Set([...REVIEW_MOVES, ...ANSWER_MOVES].flatMap((m) => (m.requires ? [m.requires] : [])))];

/**
 * Every key the code builds from a value, as written in the code with each `${…}` as `*`, and
 * the keys it can give. A dynamic key this table does not know fails the test below.
 */
/** What a review's move does, as its messages name it (components/moves.tsx reviewAction). */
const REVIEW_ACTIONS = [...new Set(REVIEW_MOVES.map((m) => m.to as string)), 'withdraw', 'correct', 'publish_any'];

const DYNAMIC: Record<'ui' | 'web' | 'cli', Record<string, readonly string[]>> = {
  ui: {
    'language.*': LANGUAGES.map((l) => `language.${l}`),
    'status.*': REVIEW_STATUSES.map((s) => `status.${s}`),
    'download.*': EXPORT_FORMATS.map((f) => `download.${f}`),
    // What a notification says (src/http/presenters/notification-text.ts), one per kind the database takes.
    'notification.*': checkedValues('notification', 'kind').map((k) => `notification.${k}`),
    // The portal's practices (practices-page.ts): their scopes, stakeholder categories, text fields.
    'practices.scope.*': PRACTICE_SCOPES.map((s) => `practices.scope.${s}`),
    'practices.stakeholder.*': ENTITY_CATEGORIES.map((c) => `practices.stakeholder.${c}`),
    'practices.field.*': PRACTICE_TEXTS.map((f) => `practices.field.${f}`),
  },
  web: {
    'language.*': LANGUAGES.map((l) => `language.${l}`),
    'exports.*': EXPORT_FORMATS.map((f) => `exports.${f}`),
    '*.move.*': [...REVIEW_MOVES.map((m) => `review.move.${m.to}`), ...ANSWER_MOVES.map((m) => `answer.move.${m.to}`)],
    '*.status.*': [
      ...REVIEW_STATUSES.map((s) => `review.status.${s}`),
      ...ANSWER_STATUSES.map((s) => `answer.status.${s}`),
      // An assignment without a contribution yet is shown as not started (tasks.tsx).
      ...[...CONTRIBUTION_STATUSES, 'not_started'].map((s) => `contribution.status.${s}`),
    ],
    'answer.status.*': ANSWER_STATUSES.map((s) => `answer.status.${s}`),
    'moves.*_required': requirements.map((r) => `moves.${r}_required`),
    'moves.*_label': requirements.map((r) => `moves.${r}_label`),
    // A move's words (components/moves.tsx, review-moves.tsx): by what it does, not only its target.
    'review.move.*': REVIEW_ACTIONS.map((a) => `review.move.${a}`),
    'answer.move.*': [...ANSWER_MOVES.map((m) => `answer.move.${m.to}`), 'answer.move.reopen'],
    'review.confirm.*': REVIEW_ACTIONS.map((a) => `review.confirm.${a}`),
    'review.explain.*': REVIEW_ACTIONS.map((a) => `review.explain.${a}`),
    'review.done.*': REVIEW_ACTIONS.map((a) => `review.done.${a}`),
    'review.blocked.*': ['review.answers_not_approved', 'cycle.closed'].map((c) => `review.blocked.${c}`),
    'moves.blocked.*': ['moves.blocked.answer.self_approval'],
    'moves.explain.*': ['approved', 'reopen'].map((m) => `moves.explain.${m}`),
    'moves.done.*.*': [...ANSWER_MOVES.map((m) => m.to), 'reopen'].map((m) => `moves.done.answer.${m}`),
    'checklist.*': ['unanswered', 'notApproved', 'overdue', 'toMerge', 'inputs'].map((k) => `checklist.${k}`),
    'notifications.kind.*': checkedValues('notification', 'kind').map((k) => `notifications.kind.${k}`),
    'comments.kind.*': checkedValues('comment', 'kind').map((k) => `comments.kind.${k}`),
    'objectives.status.*': checkedValues('answer_objective', 'status').map((s) => `objectives.status.${s}`),
    'history.origin.*': REVISION_ORIGINS.map((o) => `history.origin.${o}`),
    'history.op.*': DIFF_OPS.map((o) => `history.op.${o}`),
    'role.*': ROLES.map((r) => `role.${r}`),
    'category.*': ENTITY_CATEGORIES.map((c) => `category.${c}`),
    // Practices in the app (pages/practices): states, scopes, moves, the form's text fields.
    'practices.state.*': PRACTICE_STATES.map((s) => `practices.state.${s}`),
    'practices.scope.*': PRACTICE_SCOPES.map((s) => `practices.scope.${s}`),
    'practices.form.*': PRACTICE_TEXTS.map((f) => `practices.form.${f}`),
    'practices.app.move.*': PRACTICE_STATES.map((s) => `practices.app.move.${s}`),
    'practices.app.confirm.*': PRACTICE_STATES.map((s) => `practices.app.confirm.${s}`),
    'practices.app.moved.*': PRACTICE_STATES.map((s) => `practices.app.moved.${s}`),
    'practices.region.queue.*': PRACTICE_STATES.map((s) => `practices.region.queue.${s}`),
  },
  cli: {},
};

/** The namespace a file's `t(…)` reads: the web app's own, the CLI's (src/cli/texts.ts), else the server pages' `ui`. */
const namespaceOf = (file: string): 'ui' | 'web' | 'cli' =>
  file.startsWith(join('src', 'web')) ? 'web' : file.startsWith(join('src', 'cli')) ? 'cli' : 'ui';

type Namespace = 'ui' | 'web' | 'cli' | 'errors';

/** Keys passed to t() or translate() in the code: literal ones and templates (`${…}` as `*`). */
function calls(): { namespace: Namespace; key: string; dynamic: boolean; file: string }[] {
  const found: { namespace: Namespace; key: string; dynamic: boolean; file: string }[] = [];
  for (const { file, text } of code) {
    for (const m of text.matchAll(/\bt\(\s*(['`])([^'`]+)\1/gu))
      found.push({ namespace: namespaceOf(file), key: m[2]!, dynamic: m[1] === '`', file });
    for (const m of text.matchAll(/\btranslate\(\s*[\w.]+,\s*'(ui|cli|errors)',\s*(['`])([^'`]+)\2/gu))
      found.push({ namespace: m[1] as Namespace, key: m[3]!, dynamic: m[2] === '`', file });
  }
  return found.map((c) => (c.dynamic ? { ...c, key: c.key.replace(/\$\{[^}]*\}/gu, '*') } : c));
}

describe('every message is used, every message used exists', () => {
  const catalogue = {
    errors: readCatalogue('en', 'errors'),
    ui: readCatalogue('en', 'ui'),
    web: readCatalogue('en', 'web'),
    cli: readCatalogue('en', 'cli'),
  };

  it('knows where each key built from a value comes from', () => {
    const dynamic = calls().filter((c) => c.dynamic);
    expect(dynamic.length).toBeGreaterThan(10);
    for (const call of dynamic)
      expect(Object.keys(DYNAMIC[call.namespace as 'ui' | 'web' | 'cli']), `${call.file}: \`${call.key}\``).toContain(
        call.key,
      );
  });

  it('has a message for every key the code asks for', () => {
    const missing = calls()
      .filter((c) => !c.dynamic && !(c.key in catalogue[c.namespace]))
      .map((c) => `${c.file}: ${c.namespace} ${c.key}`);
    expect(missing).toEqual([]);
    const built = (['ui', 'web', 'cli'] as const).flatMap((ns) =>
      Object.values(DYNAMIC[ns])
        .flat()
        .filter((key) => !(key in catalogue[ns]) && key !== 'comments.kind.comment')
        .map((key) => `${ns} ${key}`),
    );
    // A plain comment carries no tag on the answer page (answer.tsx): it needs no name.
    expect(built).toEqual([]);
  });

  it('has no message the code never uses', () => {
    const quoted = (key: string) => all.includes(`'${key}'`) || all.includes(`"${key}"`) || all.includes(`\`${key}\``);
    const errorKeys = new Set<string>([...Object.keys(ERRORS), ...WARNINGS]);
    expect(Object.keys(catalogue.errors).filter((key) => !errorKeys.has(key))).toEqual([]);
    for (const ns of ['ui', 'web', 'cli'] as const) {
      const built = new Set(Object.values(DYNAMIC[ns]).flat());
      expect(
        Object.keys(catalogue[ns]).filter((key) => !quoted(key) && !built.has(key)),
        `${ns}.json`,
      ).toEqual([]);
    }
  });
});
