// Which databases the test suites may empty or recreate: only those whose name says they are for
// tests. Dependency-free: used by scripts/lib/test-db.ts (which derives such names) and by
// tests/support/db.ts (which refuses to truncate anything else).

/** "test", "tests" or "e2e" as a word of the name (separated by _ - . or at either end). */
const TEST_MARK = /(?:^|[_.-])(?:tests?|e2e)(?:$|[_.-])/i;

export function isTestDatabaseName(name: string): boolean {
  return TEST_MARK.test(name);
}

/** The integration and e2e database names derived from a given one (both satisfy the rule). */
export function testDatabaseNames(name: string): { integration: string; e2e: string } {
  return { integration: isTestDatabaseName(name) ? name : `${name}_test`, e2e: `${name}_e2e` };
}
