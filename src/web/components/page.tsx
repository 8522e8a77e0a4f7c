import { useEffect, useRef, type ReactNode } from 'react';
import type { ApiError } from '../lib/api.js';
import { useLocale } from '../lib/i18n.js';

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

/** A failed load, in words; 404 says the thing does not exist (or is not the reader's to see). */
export function LoadError({ error }: { error: ApiError }) {
  const { t } = useLocale();
  return (
    <Page title={error.status === 404 ? t('errors.not_found_title') : t('errors.load_failed')}>
      <p className="notice" role="alert">
        {error.message}
      </p>
    </Page>
  );
}
