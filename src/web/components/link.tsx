import type { MouseEvent, ReactNode } from 'react';
import { useLocale } from '../lib/i18n.js';
import { href, navigate } from '../lib/router.js';

/** A link to a page of the app, in the reader's language; opens in place (history kept). */
export function Link(props: { to: string; children: ReactNode; className?: string; 'aria-current'?: 'page' }) {
  const { language } = useLocale();
  const target = href(props.to, language);
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    )
      return;
    event.preventDefault();
    navigate(target);
  };
  return (
    <a href={target} onClick={onClick} className={props.className} aria-current={props['aria-current']}>
      {props.children}
    </a>
  );
}
