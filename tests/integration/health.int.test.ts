import { describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db-client";
import { checkHealth } from "@/lib/health";
import { logger } from "@/lib/logger";
import { db } from "@/tests/support/db";

describe("santé du service", () => {
  it("répond ok quand PostgreSQL répond", async () => {
    expect(await checkHealth(db, "1.2.3", logger)).toEqual({ status: 200, body: { status: "ok", db: "ok", version: "1.2.3", failing: [], message: "Service opérationnel." } });
  });

  it("répond 503 quand la base est injoignable", async () => {
    // Port 1 on loopback: nothing listens there, the connection is refused at once.
    const dead = createPrismaClient("postgresql://postgres:x@127.0.0.1:1/nowhere", 1);
    const silent = logger.child({});
    silent.level = "silent";
    const result = await checkHealth(dead, "1.2.3", silent);
    expect(result).toEqual({
      status: 503,
      body: { status: "degraded", db: "unreachable", version: "1.2.3", failing: ["database"], message: "Base de données injoignable : le service répondra dès son retour." },
    });
    await dead.$disconnect();
  });
});
