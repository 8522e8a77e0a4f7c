import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanBlocks, type Block } from '../../src/domain/blocks.js';
import { diffBlocks } from '../../src/domain/diff.js';
import { can, canSeeReview, type Actor, type Grant } from '../../src/domain/permissions.js';
import { ANSWER_MOVES, REVIEW_MOVES, findMove, isSelfApproval } from '../../src/domain/workflow.js';
import { ROOT } from '../support/pacte.js';

/** The (from, to) pairs the migrations insert into a move table. */
function movesInMigration(table: string): string[] {
  const dir = `${ROOT}migrations/`;
  const sql = readdirSync(dir)
    .sort()
    .map((file) => readFileSync(dir + file, 'utf8'))
    .join('\n');
  const inserts = [...sql.matchAll(new RegExp(`insert into ${table} values([^;]*);`, 'g'))].map((m) => m[1]).join(',');
  return [...inserts.matchAll(/\('(\w+)', '(\w+)'\)/g)].map((m) => `${m[1]}→${m[2]}`).sort();
}

describe('the workflows', () => {
  it('are the same in the domain and in the database', () => {
    expect(movesInMigration('review_move')).toEqual(REVIEW_MOVES.map((m) => `${m.from}→${m.to}`).sort());
    expect(movesInMigration('answer_move')).toEqual(ANSWER_MOVES.map((m) => `${m.from}→${m.to}`).sort());
  });

  it('ask a comment to return an answer and a reason to re-open one', () => {
    expect(findMove(ANSWER_MOVES, 'in_review', 'changes_requested')?.requires).toBe('comment');
    expect(findMove(ANSWER_MOVES, 'approved', 'drafting')).toMatchObject({
      requires: 'reason',
      needs: 'answer.reopen',
    });
    expect(findMove(ANSWER_MOVES, 'approved', 'in_review')).toBeUndefined();
  });

  it('let only administrators publish a review that was not submitted', () => {
    expect(findMove(REVIEW_MOVES, 'submitted', 'published')?.needs).toBe('review.move');
    for (const from of ['draft', 'in_consultation', 'validated'] as const) {
      expect(findMove(REVIEW_MOVES, from, 'published')?.needs).toBe('review.publish_any');
    }
  });
});

const grant = (role: Grant['role'], scope: Partial<Grant> = {}): Grant => ({
  role,
  country: null,
  region: null,
  entity: null,
  ...scope,
});
const actor = (...grants: Grant[]): Actor => ({ userId: 1, name: 'x@example.org', grants });
const MAR = { country: 'MAR', region: 'arab', status: 'draft' };

describe('permissions of the workspace', () => {
  it('give each role of a country its part', () => {
    const focal = actor(grant('focal_point', { country: 'MAR' }));
    const validator = actor(grant('validator', { country: 'MAR' }));
    expect(can(focal, 'answer.edit', MAR)).toBe(true);
    expect(can(validator, 'answer.edit', MAR)).toBe(false);
    expect(can(validator, 'answer.decide', MAR)).toBe(true);
    expect(can(validator, 'answer.reopen', MAR)).toBe(false);
    expect(can(focal, 'review.publish_any', MAR)).toBe(false);
    expect(can(focal, 'answer.edit', { ...MAR, country: 'TUN' })).toBe(false);
  });

  it('let contributors write their own entity’s contribution only, and read no review', () => {
    const contributor = actor(grant('contributor', { country: 'MAR', entity: 7 }));
    expect(can(contributor, 'contribution.write', { ...MAR, entity: 7 })).toBe(true);
    expect(can(contributor, 'contribution.write', { ...MAR, entity: 8 })).toBe(false);
    expect(can(contributor, 'contribution.read', { ...MAR, entity: 8 })).toBe(false);
    expect(can(contributor, 'review.read', MAR)).toBe(false);
    expect(can(contributor, 'contribution.write', { ...MAR, country: 'TUN', entity: 7 })).toBe(false);
  });

  it('let a secretariat act on its region’s submissions, never read a working copy before publication', () => {
    const secretariat = actor(grant('secretariat', { region: 'arab' }));
    expect(canSeeReview(secretariat, MAR)).toBe(false);
    // What a country submitted is read from its submissions (migration 015), not from the review.
    expect(canSeeReview(secretariat, { ...MAR, status: 'submitted' })).toBe(false);
    expect(canSeeReview(secretariat, { ...MAR, status: 'published' })).toBe(true);
    for (const action of [
      'submission.read',
      'submission.acknowledge',
      'submission.comment',
      'submission.return',
    ] as const) {
      expect(can(secretariat, action, MAR), action).toBe(true);
      expect(can(secretariat, action, { ...MAR, region: 'africa' }), action).toBe(false);
    }
    expect(can(secretariat, 'answer.decide', { ...MAR, status: 'submitted' })).toBe(false);
    expect(can(secretariat, 'review.move', { ...MAR, status: 'submitted' })).toBe(false);
    // The country's team reads its submissions; only the secretariat acts on them.
    const focal = actor(grant('focal_point', { country: 'MAR' }));
    expect(can(focal, 'submission.read', MAR)).toBe(true);
    expect(can(focal, 'submission.return', MAR)).toBe(false);
    expect(can(actor(grant('focal_point', { country: 'TUN' })), 'submission.read', MAR)).toBe(false);
  });

  it('show a published review to everyone, an unpublished one to no one outside', () => {
    expect(canSeeReview(null, { ...MAR, status: 'published' })).toBe(true);
    expect(canSeeReview(null, MAR)).toBe(false);
    expect(canSeeReview(actor(grant('focal_point', { country: 'TUN' })), MAR)).toBe(false);
  });
});

const p = (text: string): Block => ({ type: 'paragraph', text });

describe('answer text', () => {
  it('is cleaned before it is stored: normalised, empties dropped, bounded', () => {
    expect(
      cleanBlocks([
        p('  Un   texte '),
        p(' '),
        {
          type: 'list',
          ordered: true,
          items: [
            { text: '', blocks: [] },
            { text: 'b', blocks: [] },
          ],
        },
        { type: 'list', ordered: false, items: [{ text: ' ', blocks: [] }] },
      ]),
    ).toEqual([p('Un texte'), { type: 'list', ordered: true, items: [{ text: 'b', blocks: [] }] }]);
    let deep: Block[] = [p('fond')];
    for (let i = 0; i < 7; i++) deep = [{ type: 'list', ordered: false, items: [{ text: `n${i}`, blocks: deep }] }];
    expect(cleanBlocks(deep)).toBeNull();
    expect(cleanBlocks(Array.from({ length: 2001 }, (_, i) => p(`l${i}`)))).toBeNull();
  });

  it('is compared line by line, nested items with their depth', () => {
    const before: Block[] = [p('A'), { type: 'list', ordered: false, items: [{ text: 'x', blocks: [] }] }];
    const after: Block[] = [
      p('A'),
      {
        type: 'list',
        ordered: false,
        items: [{ text: 'x', blocks: [{ type: 'list', ordered: true, items: [{ text: 'y', blocks: [] }] }] }],
      },
      p('B'),
    ];
    expect(diffBlocks(before, after)).toEqual([
      { op: 'same', depth: 0, marker: '', text: 'A' },
      { op: 'same', depth: 0, marker: '•', text: 'x' },
      { op: 'added', depth: 1, marker: '1.', text: 'y' },
      { op: 'added', depth: 0, marker: '', text: 'B' },
    ]);
    expect(
      diffBlocks(after, before)
        .filter((l) => l.op === 'removed')
        .map((l) => l.text),
    ).toEqual(['y', 'B']);
  });

  it('is compared at the largest size an answer may have: one changed line in 2,000 is one removal and one addition', () => {
    const lines = Array.from({ length: 2000 }, (_, i) => p(`ligne ${i}`));
    const changed = lines.map((block, i) => (i === 1234 ? p('ligne modifiée') : block));
    const diff = diffBlocks(lines, changed);
    expect(diff).toHaveLength(2001);
    expect(diff.filter((l) => l.op !== 'same')).toEqual([
      { op: 'removed', depth: 0, marker: '', text: 'ligne 1234' },
      { op: 'added', depth: 0, marker: '', text: 'ligne modifiée' },
    ]);
    expect(diff.findIndex((l) => l.op === 'removed')).toBe(1234);
  });
});

describe('separation of duties', () => {
  it('refuses the author of the current text, the operator included, unless the country waived it', () => {
    expect(isSelfApproval('focal@mar.example.org', 'focal@mar.example.org', false)).toBe(true);
    expect(isSelfApproval('cli:demo', 'cli:demo', false)).toBe(true);
    expect(isSelfApproval('validator@mar.example.org', 'focal@mar.example.org', false)).toBe(false);
    expect(isSelfApproval('focal@mar.example.org', 'focal@mar.example.org', true)).toBe(false);
    expect(isSelfApproval('focal@mar.example.org', null, false)).toBe(false);
  });

  it('leaves the waiver to administrators', () => {
    const focal = {
      userId: 1,
      name: 'f',
      grants: [{ role: 'focal_point' as const, country: 'MAR', region: null, entity: null }],
    };
    const admin = {
      userId: 2,
      name: 'a',
      grants: [{ role: 'admin' as const, country: null, region: null, entity: null }],
    };
    expect(can(focal, 'country.settings', { country: 'MAR' })).toBe(false);
    expect(can(admin, 'country.settings', { country: 'MAR' })).toBe(true);
  });
});
