import type { ComponentProps } from 'react';
import { Link as RouterLink } from 'react-router';
import { useLocale } from '../lib/i18n.js';
import { withLanguage } from '../lib/navigation.js';

/**
 * react-router's Link, in the reader's language: the only thing it adds is `?lang=` (the address
 * always says the language). `to` is a path inside the app (/reviews/MAR/arab-2021).
 */
export function Link({ to, ...props }: Omit<ComponentProps<typeof RouterLink>, 'to'> & { to: string }) {
  const { language } = useLocale();
  return <RouterLink to={withLanguage(to, language)} {...props} />;
}
