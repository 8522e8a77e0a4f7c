/**
 * Constraint violations as the database reports them (`pg` and PGlite both carry the SQLSTATE
 * in `code`), so services can translate them into the error a user understands.
 */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '23505';
}
