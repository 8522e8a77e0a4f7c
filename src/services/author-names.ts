import type { Kysely } from 'kysely';
import { displayNames } from '../db/queries/accounts.js';
import { PacteError, isPacteError } from '../domain/errors.js';
import type { Database } from '../db/schema.js';
import type { Language } from '../domain/language.js';
import { translate } from '../i18n/index.js';

/**
 * How an author is shown (issue 12, item 9: names, not codes). Revisions, comments and the audit
 * log record who acted as an e-mail address or `cli:<system user>`; people read the account's
 * display name (migration 026) when it has one, else its address, and the operator's work as
 * « Pacte (démo) » (the demo, `cli:demo`) or « Pacte (import) » (anything else run at the
 * command line: imports, mostly), in the reader's language. The recorded value stays in the API
 * next to it (`author`, `actor`…).
 */
export async function nameAuthors(
  db: Kysely<Database>,
  language: Language,
  authors: Iterable<string | null | undefined>,
): Promise<(author: string) => string> {
  const emails = [...authors].filter((a): a is string => typeof a === 'string' && a.includes('@'));
  const names = await displayNames(db, emails);
  return (author: string) => {
    if (author === 'cli:demo') return translate(language, 'ui', 'author.demo');
    if (author.startsWith('cli:')) return translate(language, 'ui', 'author.operator');
    return names.get(author.toLowerCase()) ?? author;
  };
}

/**
 * An edit conflict (answer.edit_conflict, contribution.edit_conflict) names who saved meanwhile as
 * recorded (`details.author`, an address); this adds how people read it (`details.authorName`),
 * so the person told « someone saved meanwhile » reads a name. Any other error is left as it is.
 */
export async function nameConflictAuthor(db: Kysely<Database>, language: Language, error: unknown): Promise<unknown> {
  if (!isPacteError(error) || !error.code.endsWith('.edit_conflict')) return error;
  const author = error.details.author;
  if (typeof author !== 'string' || 'authorName' in error.details) return error;
  try {
    const nameOf = await nameAuthors(db, language, [author]);
    return new PacteError(error.code, { ...error.details, authorName: nameOf(author) }, { cause: error });
  } catch {
    return error; // the conflict is what matters: answered with the address rather than not at all
  }
}
