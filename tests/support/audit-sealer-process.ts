// One "app instance" running the audit chain's sealer for the two-process test of the audit chain
// (tests/integration/audit-append.int.test.ts): the real loop of lib/audit/audit-sealer.ts, every
// millisecond and in small batches so that two such processes contend for the chain's lock all the
// time. Run with `node --conditions=react-server --import tsx`. Prints « prêt » once connected,
// seals until a line arrives on its standard input, then prints how many events it sealed.
import { once } from "node:events";
import { startAuditSealer } from "@/lib/audit/audit-sealer";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

const name = env.INSTANCE_NAME ?? "sealer";
await db.$queryRaw`SELECT 1`;
let sealed = 0;
const sealer = startAuditSealer(db, { intervalMs: 1, batch: 7, onSealed: (n) => (sealed += n) });
process.stdout.write(`${name}: prêt\n`);
await once(process.stdin, "data");
process.stdin.pause();
await sealer.stop();
await db.$disconnect();
process.stdout.write(`${name}: ${sealed} scellés\n`);
