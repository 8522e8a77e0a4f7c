import { useEffect, useState } from 'react';

/**
 * A small router over the History API: the app's pages live under /app/ (the server answers
 * index.html for each of them, so a reload or a shared link opens the same page).
 */
export const BASE = '/app';
const NAVIGATED = 'pacte:navigated';

export interface Location {
  /** The path inside the app, e.g. /reviews/MAR/arab-2021. */
  path: string;
  query: URLSearchParams;
}

function current(): Location {
  const { pathname, search } = window.location;
  const inside = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname;
  return { path: inside === '' ? '/' : inside, query: new URLSearchParams(search) };
}

/** The address of an app path, carrying the reader's language (?lang=). */
export function href(path: string, language: string, extra: Record<string, string> = {}): string {
  const [pathname = '/', search = ''] = path.split('?');
  const query = new URLSearchParams(search);
  for (const [k, v] of Object.entries(extra)) query.set(k, v);
  query.set('lang', language);
  return `${BASE}${pathname}?${query.toString()}`;
}

export function navigate(to: string, options: { replace?: boolean } = {}) {
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(NAVIGATED));
}

export function useLocation(): Location {
  const [location, setLocation] = useState(current);
  useEffect(() => {
    const update = () => setLocation(current());
    window.addEventListener('popstate', update);
    window.addEventListener(NAVIGATED, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(NAVIGATED, update);
    };
  }, []);
  return location;
}

/** The parameters of `pattern` (`/reviews/:country/:cycle`) in `path`, or null. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const h = have[i]!;
    if (w.startsWith(':')) params[w.slice(1)] = decodeURIComponent(h);
    else if (w !== h) return null;
  }
  return params;
}
