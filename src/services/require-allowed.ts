import { PacteError } from '../domain/errors.js';
import { can, type Action, type Actor, type Scope } from '../domain/permissions.js';

/** The actor, when it may do `action` in `scope`; `auth.required` or `auth.forbidden` otherwise. */
export function requireAllowed(actor: Actor | null, action: Action, scope: Scope = {}): Actor {
  if (!actor) throw new PacteError('auth.required');
  if (!can(actor, action, scope)) throw new PacteError('auth.forbidden', { action, ...scope });
  return actor;
}
