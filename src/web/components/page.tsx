import { useEffect, useRef, type ReactNode } from 'react';
import type { ApiError } from '../lib/api.js';
import { useLocale } from '../lib/i18n.js';
import { Link } from './link.js';

/**
 * One page: its title in the tab and its h1, which takes the focus when the page opens (a screen
 * reader hears where it arrived, like after a full page load).
 */
export function Page(props: { title: string; children: ReactNode; before?: ReactNode; caption?: ReactNode }) {
  const { t } = useLocale();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${props.title} — ${t('app.name')}`;
  }, [props.title, t]);
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
  }, []);
  return (
    <>
      {props.before}
      {props.caption && <p className="caption">{props.caption}</p>}
      <h1 tabIndex={-1} ref={heading}>
        {props.title}
      </h1>
      {props.children}
    </>
  );
}

export function Loading() {
  const { t } = useLocale();
  return (
    <p role="status" className="muted">
      {t('common.loading')}
    </p>
  );
}

/**
 * A failed load, in words. 403 and 404 say the page is not the reader's to see, never that a
 * review « does not exist » (issue 12, item 5): the API answers 404 alike for what is not there
 * and for what the reader may not know of, so the page cannot tell them apart either. Either
 * way, a way back.
 */
export function LoadError({ error }: { error: ApiError }) {
  const { t } = useLocale();
  if (error.status === 403 || error.status === 404) return <NoAccess />;
  return (
    <Page title={t('errors.load_failed')}>
      <p className="notice" role="alert">
        {error.message}
      </p>
      <p>
        <Link to="/tasks">{t('nav.back_to_tasks')}</Link>
      </p>
    </Page>
  );
}

/** « Vous n'avez pas accès à cette page », why that may be, and the way back to one's work. */
export function NoAccess() {
  const { t } = useLocale();
  return (
    <Page title={t('notfound.no_access_title')}>
      <p>{t('notfound.no_access_body')}</p>
      <p>{t('notfound.no_access_ask')}</p>
      <p>
        <Link to="/tasks">{t('nav.back_to_tasks')}</Link>
      </p>
    </Page>
  );
}
