import { defineConfig } from "@playwright/test";

// The server is started by scripts/test.ts (production build on a fresh, seeded database).
const baseURL = process.env.E2E_BASE_URL ?? "http://localhost:3000";

export default defineConfig({
  testDir: "e2e",
  // Generous: a loaded 2-core CI machine runs the server, PostgreSQL and Chromium side by side.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  outputDir: ".data/test-results/e2e-artifacts",
  reporter: [["list"], ["json"]],
  use: {
    baseURL,
    locale: "fr-FR",
    timezoneId: "Europe/Paris",
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
    },
  },
  projects: [{ name: "chromium" }],
  // The seeded database the server uses (set by scripts/test.ts), for the security specs that look up real ids.
  metadata: { databaseUrl: process.env.E2E_DATABASE_URL },
});
