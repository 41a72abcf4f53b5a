// lib/db-client.ts `oneStatementAtATime`: an interactive transaction (one pg connection) never has two
// statements in flight at once — pg 9 refuses the second one (tests/support/pg-one-query-at-a-time.ts).
import pg from "pg";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db-client";
import { env } from "@/lib/env";
import { createCompany, createJobSeeker, createPlatform } from "@/tests/factories";
import { db, resetDb } from "@/tests/support/db";

type Query = (this: pg.Client, ...args: unknown[]) => unknown;
const query = pg.Client.prototype.query as unknown as Query;
const own = createPrismaClient(env.DATABASE_URL!, 2);

/** Counts, for every pg client (one connection each), the statements sent and not yet answered. */
let inFlight = new WeakMap<pg.Client, number>();
let most = 0;

beforeEach(async () => {
  await resetDb();
  inFlight = new WeakMap();
  most = 0;
  (pg.Client.prototype as unknown as { query: Query }).query = function (this: pg.Client, ...args: unknown[]) {
    const sent = (inFlight.get(this) ?? 0) + 1;
    inFlight.set(this, sent);
    most = Math.max(most, sent);
    const result = query.apply(this, args);
    const done = () => void inFlight.set(this, (inFlight.get(this) ?? 1) - 1);
    if (result instanceof Promise) result.then(done, done);
    return result;
  };
});

afterEach(() => {
  (pg.Client.prototype as unknown as { query: Query }).query = query;
});

afterAll(() => own.$disconnect());

describe("transactions Prisma : une requête à la fois sur la connexion de la transaction", () => {
  it("charge deux relations sœurs (include) l'une après l'autre, dans la transaction", async () => {
    const platform = await createPlatform(db);
    const company = await createCompany(db, platform.id);
    const seeker = await createJobSeeker(db, platform.id);
    most = 0;
    const loaded = await own.$transaction((tx) => tx.platform.findUniqueOrThrow({ where: { id: platform.id }, include: { companies: true, jobSeekers: true } }));
    expect(loaded.companies.map((c) => c.id)).toEqual([company.id]);
    expect(loaded.jobSeekers.map((j) => j.id)).toEqual([seeker.id]);
    expect(most).toBe(1);
  });

  it("attend chaque requête d'un Promise.all dans la transaction, qui reste atomique", async () => {
    const platform = await createPlatform(db);
    most = 0;
    await expect(
      own.$transaction(async (tx) => {
        const company = await createCompany(tx as typeof db, platform.id);
        const seeker = await createJobSeeker(tx as typeof db, platform.id);
        // Sent in one tick: without oneStatementAtATime, the three were on the connection at once.
        const [c, s, n] = await Promise.all([
          tx.company.findUniqueOrThrow({ where: { id: company.id } }),
          tx.jobSeeker.findUniqueOrThrow({ where: { id: seeker.id } }),
          tx.jobSeeker.count(),
        ]);
        expect([c.id, s.id, n]).toEqual([company.id, seeker.id, 1]);
        throw new Error("annulée");
      }),
    ).rejects.toThrow("annulée");
    expect(most).toBe(1);
    // Rolled back as a whole: neither write stayed.
    expect([await db.company.count(), await db.jobSeeker.count()]).toEqual([0, 0]);
  });
});
