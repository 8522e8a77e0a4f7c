import type { Kysely } from 'kysely';
import * as requests from '../db/queries/citation-requests.js';
import * as catalogue from '../db/queries/catalogue.js';
import * as citations from '../db/queries/citations.js';
import type { Database } from '../db/schema.js';
import { publishedHolds, type SubmittedPassage } from '../domain/citation.js';
import type { Multilingual } from '../domain/language.js';

/**
 * What a public reader of a synthesis gets for each citation (issue 14, item 3). A citation is
 * quotable when
 *   - a published version of the country's review holds the quoted words in its answer to the
 *     same question (`published`: the country made them public itself), or
 *   - a focal point of the country approved a request about exactly this passage (`approved`: a
 *     citation updated since needs a new approval).
 * A quotable citation gives the words and their source (country, question, date: the version's
 * publication, else the submission's), and a link to the published review when there is one —
 * never to a submission, which the public cannot open. Any other citation gives only its id and
 * `withheld`: not the words, not the country, not the question.
 */
export type PublicCitation =
  | {
      id: number;
      withheld: false;
      basis: 'published' | 'approved';
      text: string;
      country: string;
      countryName: Multilingual;
      questionId: string;
      date: Date;
      /** The published review (a version of it when that version holds the words), or null. */
      link: string | null;
    }
  | { id: number; withheld: true };

/** The same passage: same submission, question, place and words. */
const samePassage = (a: SubmittedPassage, b: SubmittedPassage) =>
  a.source.country === b.source.country &&
  a.source.cycle === b.source.cycle &&
  a.source.number === b.source.number &&
  a.questionId === b.questionId &&
  a.text === b.text &&
  a.position.start === b.position.start &&
  a.position.end === b.position.end &&
  a.position.block.join('.') === b.position.block.join('.');

/** Each citation of the synthesis as the public may read it (for the public page and exports, item 5). */
export async function publicCitations(
  db: Kysely<Database>,
  synthesis: { cycle: string; id: number },
): Promise<PublicCitation[]> {
  const rows = await citations.listCitations(db, synthesis.id);
  const approvals = (await requests.listForSynthesis(db, synthesis.id)).filter((r) => r.state === 'approved');
  const names = await catalogue.countryNames(db, [...new Set(rows.map((r) => r.country))]);
  const out: PublicCitation[] = [];
  for (const row of rows) {
    const review = `/reviews/${encodeURIComponent(row.country)}/${encodeURIComponent(synthesis.cycle)}`;
    const versions = await citations.publishedAnswers(db, row.country, synthesis.cycle, row.questionId);
    const source = { text: row.passage.text, country: row.country, questionId: row.questionId };
    const countryName = names.get(row.country)?.name ?? {};
    const published = versions.find((v) => publishedHolds(v.blocks, row.passage));
    if (published) {
      const link = `${review}/versions/${published.version}`;
      out.push({
        id: row.id,
        withheld: false,
        basis: 'published',
        ...source,
        countryName,
        date: published.publishedAt,
        link,
      });
      continue;
    }
    if (approvals.some((a) => a.citationId === row.id && samePassage(a.passage, row.passage))) {
      const submitted = await citations.submittedAnswer(db, {
        country: row.country,
        cycle: synthesis.cycle,
        questionId: row.questionId,
        number: row.submissionNumber,
      });
      out.push({
        id: row.id,
        withheld: false,
        basis: 'approved',
        ...source,
        countryName,
        date: submitted?.submittedAt ?? row.createdAt,
        link: versions.length > 0 ? review : null,
      });
      continue;
    }
    out.push({ id: row.id, withheld: true });
  }
  return out;
}
