// Benchmark (not a test): server time of the region bilans dashboard over 12 months on the demo
// data. Run with the react-server condition so "server-only" modules load outside Next:
//   DATABASE_URL=… npx tsx --conditions=react-server scripts/bench/bilans.ts
import { performance } from "node:perf_hooks";
import { loadPrincipal } from "@/lib/auth/principal";
import { dashboardData } from "@/lib/bilans/dashboard.query";
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";

async function main() {
  const referent = await db.user.findFirstOrThrow({ where: { role: "REGION_REFERENT", allPlatforms: true }, select: { id: true } });
  const user = (await loadPrincipal(db, referent.id))!;
  const now = new Date();
  await dashboardData(db, user, { period: "rolling12" }, now); // warm-up (connection pool, WASM)
  const runs: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t = performance.now();
    await dashboardData(db, user, { period: "rolling12" }, now);
    runs.push(performance.now() - t);
  }
  runs.sort((a, b) => a - b);
  const platforms = await db.platform.count();
  logger.info({ platforms, months: 12, medianMs: Math.round(runs[5]!), maxMs: Math.round(runs[9]!), minMs: Math.round(runs[0]!) }, "region dashboard, 12 months");
  await db.$disconnect();
}

void main();
