// One "app instance" appending audit events for the two-process test of the audit chain: its own
// process and connection pool, writing as many events as its first argument says as fast as it can, half inside a
// read transaction (as audited reads do), half on their own. Run with
// `node --conditions=react-server --import tsx`. It connects first, prints « prêt » and waits for a line on
// its standard input before writing, so that the test starts both instances' writes together (under a
// loaded machine one process could otherwise finish before the other has even started). At the end it
// prints, per event, when its write was called and when its commit was acknowledged, on the machine's
// monotonic clock (process.hrtime, the same for every process of the machine), so that the test can
// check that an event committed before another was written comes first in the chain.
import { once } from "node:events";
import { recordAudit } from "@/lib/audit/audit.service";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

const name = env.INSTANCE_NAME ?? "writer";
const n = Number(process.argv[2] ?? "50");

await db.$queryRaw`SELECT 1`;
process.stdout.write(`${name}: prêt\n`);
await once(process.stdin, "data");
process.stdin.pause();

const times: { i: number; called: string; committed: string }[] = [];
await Promise.all(
  Array.from({ length: 4 }, async (_, lane) => {
    for (let i = lane; i < n; i += 4) {
      const called = process.hrtime.bigint();
      const e = { action: "jobSeeker.read", entityType: "JobSeeker", entityId: `${name}-${i}`, reason: "suivi", metadata: { instance: name, i, z: { b: 1, a: "é\"\\\n" } } };
      if (i % 2 === 0) {
        await db.$transaction(async (tx) => {
          await tx.user.count();
          await recordAudit(tx, e);
          // Generous waits: on a shared, loaded machine a lane may wait for a pooled connection longer than
          // Prisma's 2-second default; the chain, not the timing, is what this test checks.
        }, { maxWait: 60_000, timeout: 60_000 });
      } else {
        await recordAudit(db, e);
      }
      times.push({ i, called: called.toString(), committed: process.hrtime.bigint().toString() });
    }
  }),
);
await db.$disconnect();
process.stdout.write(`${name}: ${n} écrits\n`);
process.stdout.write(`${name}: temps ${JSON.stringify(times)}\n`);
