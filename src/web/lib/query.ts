import {
  keepPreviousData,
  QueryClient,
  useMutation,
  useQuery,
  useQueryClient,
  type Query,
} from '@tanstack/react-query';
import { useMemo } from 'react';
import { ApiError, get } from './api.js';
import { useLocale } from './i18n.js';

/**
 * The API's data, cached (@tanstack/react-query). One QueryClient for the app; a query's key is
 * derived from its API path, so a write says which paths it changed and every page showing one
 * of them fetches it again:
 *
 *   ['api', language, 'reviews', 'MAR', 'arab-2021', 'answers', '1.1', { version: '2' }]
 *
 * The language is in the key because the API answers in it (names, messages). A path invalidates
 * itself and everything under it: '/reviews/MAR/arab-2021' covers each answer of that review.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    // The API's errors are answers (404, 403…), not hiccups: say them at once, as before.
    queries: { retry: false, refetchOnWindowFocus: false },
    mutations: { retry: false },
  },
});

type Segments = (string | Record<string, string>)[];

/** '/cycles/demo-2/tracking?sort=country' → ['cycles', 'demo-2', 'tracking', { sort: 'country' }]. */
function segmentsOf(path: string): Segments {
  const [pathname = '', search = ''] = path.split('?');
  const segments: Segments = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (search) segments.push(Object.fromEntries(new URLSearchParams(search)));
  return segments;
}

/** The cache key of an API path read in a language. */
export const keyOf = (path: string, language: string) => ['api', language, ...segmentsOf(path)];

/** Whether a cached query is `path` or lies under it, in any language. */
function under(query: Query, path: string): boolean {
  const [api, , ...rest] = query.queryKey as unknown[];
  if (api !== 'api') return false;
  const wanted = segmentsOf(path);
  return wanted.every((segment, i) => JSON.stringify(segment) === JSON.stringify(rest[i]));
}

/** Marks the paths' data (and everything under them) stale; the pages showing it fetch it again. */
export function invalidate(client: QueryClient, paths: string[]) {
  return client.invalidateQueries({ predicate: (query) => paths.some((path) => under(query, path)) });
}

/**
 * GETs an API path (null: not yet, e.g. waiting on another answer). `data` is null until the
 * answer comes; data a write made stale is not shown to a page that opens afterwards: it waits
 * for the fresh answer (a page open during the write keeps its data until the new one comes).
 */
export function useApi<T>(path: string | null) {
  const { language } = useLocale();
  const client = useQueryClient();
  const queryKey = useMemo(() => keyOf(path ?? '', language), [language, path]);
  const hash = JSON.stringify(queryKey);
  // The moment this page first asked for this key, if a write had made its cached data stale.
  const since = useMemo(() => (client.getQueryState(queryKey)?.isInvalidated ? Date.now() : 0), [hash]);
  const query = useQuery({
    queryKey,
    // In the key's language: api.ts learns of a new language only after the page has rendered.
    queryFn: () => get<T>(path!, language),
    enabled: path !== null,
    // Another language or other filters: the page keeps what it shows (and what is typed in its
    // forms) until the new answer comes, rather than flash « Chargement ».
    placeholderData: keepPreviousData,
  });
  const fresh = query.data !== undefined && query.dataUpdatedAt >= since;
  return {
    data: fresh ? (query.data as T) : null,
    error: query.error ? asApiError(query.error) : null,
  };
}

/**
 * A write through the API; when it succeeds, the paths it changed (`invalidates`, given with the
 * write's variables and answer) are fetched again before `mutateAsync` resolves, so what the page
 * shows next is the server's state after the write. A refusal with 409 (someone changed the thing
 * meanwhile: an edit conflict, a move already made) fetches them again too: the page was stale.
 */
export function useApiMutation<Variables = void, Result = unknown>(
  write: (variables: Variables) => Promise<Result>,
  invalidates: string[] | ((result: Result, variables: Variables) => string[]),
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (result, variables) =>
      invalidate(client, typeof invalidates === 'function' ? invalidates(result, variables) : invalidates),
    onError: (failure) => {
      if (failure instanceof ApiError && failure.status === 409 && typeof invalidates !== 'function')
        void invalidate(client, invalidates);
    },
  });
}

export const asApiError = (failure: unknown) =>
  failure instanceof ApiError ? failure : new ApiError(0, 'unknown', String(failure));

/**
 * What a write to a country's review changes besides itself: the review's pages (dashboard,
 * answers, revisions, submissions), everyone's « Mon travail » and notifications, and the
 * region's tracking of its cycle.
 */
export const reviewQueries = (country: string, cycle: string) => [
  `/reviews/${encodeURIComponent(country)}/${encodeURIComponent(cycle)}`,
  '/tasks',
  '/notifications',
  `/cycles/${encodeURIComponent(cycle)}`,
];
