// Prisma's `contains` / `startsWith` pass the value to LIKE as is: `%` and `_` in what the user typed
// would be wildcards (`q=%` matched everything). Every search term goes through this first.
export function likeLiteral(term: string): string {
  return term.replace(/[\\%_]/g, "\\$&");
}
