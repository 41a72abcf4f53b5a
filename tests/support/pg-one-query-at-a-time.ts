// Integration setup (vitest.config.ts): a test fails when node-postgres warns that client.query()
// was called while that client was already running a query. pg 8 queues the second statement and
// warns; pg 9 makes it an error. One pg client is one connection — a Prisma interactive transaction,
// a raw pg.Client — so its statements must be awaited one after the other (lib/db-client.ts
// `oneStatementAtATime` does it for Prisma's own fan-out inside transactions).
// node-postgres warns once per process (util.deprecate), and each test file runs in its own process:
// the first offence of a file fails the test that was running, or the file when it came after its last test.
import { afterAll, afterEach } from "vitest";

const MARK = "already executing a query";
const seen: Error[] = [];

// A NODE_OPTIONS=--no-deprecation would hide the warning, and this guard with it.
process.noDeprecation = false;
process.on("warning", (warning) => {
  if (warning.name === "DeprecationWarning" && warning.message.includes(MARK)) seen.push(warning);
});

function failOnConcurrentQuery(): void {
  const warning = seen.splice(0)[0];
  if (!warning) return;
  throw new Error(
    `Deux requêtes envoyées en même temps sur une seule connexion PostgreSQL (client pg) : pg 9 refusera la seconde. ` +
      `Attendre chaque requête avant d'envoyer la suivante (transaction Prisma, pg.Client partagé).\n${warning.stack ?? warning.message}`,
  );
}

afterEach(failOnConcurrentQuery);
afterAll(failOnConcurrentQuery);
