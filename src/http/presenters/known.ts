/**
 * A value of a domain list (a status, a kind, a category) that the database hands back as a
 * string, as the domain's union. The database's own checks keep those columns within the lists,
 * so a value outside one is a bug: it is an internal error, not something to send.
 */
export function known<const T extends string>(values: readonly T[], value: string): T {
  if ((values as readonly string[]).includes(value)) return value as T;
  throw new Error(`"${value}" is none of ${values.join(', ')}`);
}
