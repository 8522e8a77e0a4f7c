import { createContext, useContext } from 'react';
import type { Session } from './types.js';

export interface SessionState {
  session: Session | null;
  setSession: (session: Session | null) => void;
}
export const SessionContext = createContext<SessionState>({ session: null, setSession: () => {} });
export const useSession = () => useContext(SessionContext);

export const hasRole = (session: Session | null, ...roles: string[]) =>
  (session?.grants ?? []).some((g) => roles.includes(g.role));

/** The countries where the signed-in person is a focal point (or any, for an admin: null). */
export function focalCountries(session: Session | null): string[] | null {
  if (hasRole(session, 'admin')) return null;
  return (session?.grants ?? []).filter((g) => g.role === 'focal_point' && g.country).map((g) => g.country!);
}
