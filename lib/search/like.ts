// Prisma's `contains` / `startsWith` pass the value to LIKE as is: `%` and `_` in what the user typed
// would be wildcards (`q=%` matched everything). Every search term goes through this first.
export function likeLiteral(term: string): string {
  return term.replace(/[\\%_]/g, "\\$&");
}

/** A LIKE pattern matching `q` anywhere (lower case), wildcards in `q` taken literally. */
export function containsPattern(q: string): string {
  return `%${likeLiteral(q.toLowerCase())}%`;
}
