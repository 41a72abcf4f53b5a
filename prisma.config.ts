import { defineConfig } from "prisma/config";

// Connection URLs are resolved at run time by lib/env.ts (embedded default or DATABASE_URL);
// migrations run through scripts/migrate.ts (WASM schema engine, no native download).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
