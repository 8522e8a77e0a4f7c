import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { useLocale } from './i18n.js';

/**
 * The app's pages live under /app/ (react-router's basename; the server answers index.html for
 * each of them, so a reload or a shared link opens the same page). Every address the app makes
 * says the reader's language (`?lang=`): a link sent by e-mail opens in the language it was
 * copied in.
 */
export const BASENAME = '/app';

/** A path inside the app (`/reviews/MAR/arab-2021?x=1`) with the language, for the router. */
export function withLanguage(path: string, language: string, extra: Record<string, string> = {}): string {
  const [pathname = '/', search = ''] = path.split('?');
  const query = new URLSearchParams(search);
  for (const [k, v] of Object.entries(extra)) query.set(k, v);
  query.set('lang', language);
  return `${pathname}?${query.toString()}`;
}

/** The same address with /app in front, for what the router does not handle (an e-mail, a plain <a>). */
export const appHref = (path: string, language: string, extra: Record<string, string> = {}) =>
  `${BASENAME}${withLanguage(path, language, extra)}`;

/** Goes to a page of the app in the reader's language. */
export function useGo() {
  const navigate = useNavigate();
  const { language } = useLocale();
  return useCallback(
    (path: string, options: { replace?: boolean } = {}) => void navigate(withLanguage(path, language), options),
    [navigate, language],
  );
}
