import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/web/lib/api.js';
import { invalidate, keyOf, reviewQueries } from '../../src/web/lib/query.js';
import { errorsOf } from '../../src/web/lib/form-errors.js';

/** The cached paths a write made stale, among those cached (in French and Arabic). */
async function staleAfter(paths: string[]): Promise<string[]> {
  const client = new QueryClient();
  const cached = [
    '/reviews/MAR/arab-2021/workspace',
    '/reviews/MAR/arab-2021/answers/I.a',
    '/reviews/MAR/arab-2021/answers/I.a/contributions/3',
    '/reviews/MAR/arab-2025/workspace',
    '/reviews/TUN/arab-2021/workspace',
    '/cycles/arab-2021',
    '/cycles/arab-2021/tracking?sort=country&overdue=true',
    '/cycles/arab-2025/tracking',
    '/tasks',
    '/notifications',
    '/entities',
  ];
  for (const language of ['fr', 'ar']) for (const path of cached) client.setQueryData(keyOf(path, language), { path });
  await invalidate(client, paths);
  return [
    ...new Set(
      client
        .getQueryCache()
        .getAll()
        .filter((q) => q.state.isInvalidated)
        .map((q) => (q.state.data as { path: string }).path),
    ),
  ].sort();
}

describe('the query cache of the web app', () => {
  it('derives a key from the API path: its segments, then its query, after the language', () => {
    expect(keyOf('/cycles/demo-2/tracking?sort=country&state=draft', 'ar')).toEqual([
      'api',
      'ar',
      'cycles',
      'demo-2',
      'tracking',
      { sort: 'country', state: 'draft' },
    ]);
    expect(keyOf('/reviews/MAR/arab%202021', 'fr')).toEqual(['api', 'fr', 'reviews', 'MAR', 'arab 2021']);
  });

  it('makes a path stale with everything under it, in every language, and nothing beside it', async () => {
    expect(await staleAfter(['/reviews/MAR/arab-2021'])).toEqual([
      '/reviews/MAR/arab-2021/answers/I.a',
      '/reviews/MAR/arab-2021/answers/I.a/contributions/3',
      '/reviews/MAR/arab-2021/workspace',
    ]);
    expect(await staleAfter(['/entities'])).toEqual(['/entities']);
    // A query string narrows: only that view of the tracking.
    expect(await staleAfter(['/cycles/arab-2021/tracking?sort=country&overdue=true'])).toEqual([
      '/cycles/arab-2021/tracking?sort=country&overdue=true',
    ]);
  });

  it('has a write to a review make stale its pages, the to-do lists, the notifications and its tracking', async () => {
    expect(await staleAfter(reviewQueries('MAR', 'arab-2021'))).toEqual([
      '/cycles/arab-2021',
      '/cycles/arab-2021/tracking?sort=country&overdue=true',
      '/notifications',
      '/reviews/MAR/arab-2021/answers/I.a',
      '/reviews/MAR/arab-2021/answers/I.a/contributions/3',
      '/reviews/MAR/arab-2021/workspace',
      '/tasks',
    ]);
  });
});

describe("a form's errors from the API's refusal", () => {
  const refusal = (code: string) => new ApiError(422, code, `message of ${code}`);
  const fields = { 'cycle.invalid_dates': 'cycle-due', 'country.': 'cycle-countries' };

  it('puts the message under the field its code is about, by code or by prefix, else under the fallback', () => {
    expect(errorsOf(refusal('cycle.invalid_dates'), 'cycle-id', fields)).toEqual([
      { field: 'cycle-due', message: 'message of cycle.invalid_dates' },
    ]);
    expect(errorsOf(refusal('country.not_found'), 'cycle-id', fields)).toEqual([
      { field: 'cycle-countries', message: 'message of country.not_found' },
    ]);
    expect(errorsOf(refusal('cycle.exists'), 'cycle-id', fields)).toEqual([
      { field: 'cycle-id', message: 'message of cycle.exists' },
    ]);
    expect(errorsOf(new Error('offline'), 'cycle-id')).toEqual([{ field: 'cycle-id', message: 'offline' }]);
  });
});
