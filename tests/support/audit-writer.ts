// One "app instance" appending audit events for the two-process test of the audit chain: its own
// process and connection pool, writing as many events as its first argument says as fast as it can, half inside a
// read transaction (as audited reads do), half on their own. Run with
// `node --conditions=react-server --import tsx`.
import { recordAudit } from "@/lib/audit/audit.service";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

const name = env.INSTANCE_NAME ?? "writer";
const n = Number(process.argv[2] ?? "50");

await Promise.all(
  Array.from({ length: 4 }, async (_, lane) => {
    for (let i = lane; i < n; i += 4) {
      const e = { action: "jobSeeker.read", entityType: "JobSeeker", entityId: `${name}-${i}`, reason: "suivi", metadata: { instance: name, i, z: { b: 1, a: "é\"\\\n" } } };
      if (i % 2 === 0) {
        await db.$transaction(async (tx) => {
          await tx.user.count();
          await recordAudit(tx, e);
        });
      } else {
        await recordAudit(db, e);
      }
    }
  }),
);
await db.$disconnect();
process.stdout.write(`${name}: ${n} écrits\n`);
