import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;
const alias = { "@": root, "server-only": path.join(root, "tests/support/empty.ts") };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        // Component tests (*.test.tsx) opt into jsdom with a `@vitest-environment jsdom` comment.
        // The process runs in Los Angeles, not in UTC like the servers: a stored day (midnight UTC)
        // read in the process's zone is the day before there, so code that depends on the server's
        // zone fails here (tests/unit/lib/calendar-day.test.ts also runs UTC and Pacific/Auckland).
        test: { name: "unit", include: ["tests/unit/**/*.test.ts", "tests/unit/**/*.test.tsx"], environment: "node", env: { TZ: "America/Los_Angeles" } },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.int.test.ts"],
          environment: "node",
          // One real database, reset between tests: files run one after the other.
          fileParallelism: false,
          // Two statements at once on one pg connection fail the test (pg 9 refuses the second).
          setupFiles: ["tests/support/pg-one-query-at-a-time.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
