// Shared by the security specs (issue 9): signed-in request contexts per demo account (through
// e2e/support/auth.ts, the one login path of the e2e specs) and real ids of the seeded data.
import { expect, request as pwRequest, test, type APIRequestContext } from "@playwright/test";
import pg from "pg";
import { ACCOUNTS } from "../support/accounts";
import { loginViaHttp } from "../support/auth";

export function baseUrl(): string {
  return test.info().project.use.baseURL ?? "http://localhost:3000";
}
/** Set by scripts/test.ts (playwright.config.ts metadata): the freshly seeded database the e2e server uses. */
function databaseUrl(): string | undefined {
  return test.info().config.metadata.databaseUrl as string | undefined;
}

export type AccountKey = keyof typeof ACCOUNTS;

export async function signedIn(key: AccountKey | "anonymous"): Promise<APIRequestContext> {
  // Origin as a browser on this site would send it (CSRF check for cookie sessions).
  const base = baseUrl();
  const ctx = await pwRequest.newContext({ baseURL: base, extraHTTPHeaders: { origin: base } });
  if (key !== "anonymous") {
    const status = await loginViaHttp(ctx, ACCOUNTS[key].email);
    expect(status, `connexion de ${key}`).toBeLessThan(400);
    const me = await ctx.get("/api/v1/me");
    expect(me.status(), `session de ${key}`).toBe(200);
  }
  return ctx;
}

export async function withDb<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const url = databaseUrl();
  if (!url) throw new Error("E2E_DATABASE_URL manquant (lancer par scripts/test.ts --only e2e)");
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export async function one(c: pg.Client, sql: string, params: unknown[] = []): Promise<string | null> {
  const r = await c.query<{ id: string }>(sql, params);
  return r.rows[0]?.id ?? null;
}

export async function platformId(c: pg.Client, name: string): Promise<string> {
  const id = await one(c, `SELECT id FROM "Platform" WHERE name = $1`, [name]);
  if (!id) throw new Error(`plateforme ${name} absente du jeu de démonstration`);
  return id;
}

/**
 * A throw-away account with the demo password (its hash copied from `like`, same role and platforms), for a
 * test that signs out: signing out ends every session of the account (issue 16 #8), so a shared demo
 * account signed out by one spec would sign out the specs running beside it.
 */
export async function disposableAccount(like: string, email: string): Promise<string> {
  await withDb(async (c) => {
    await c.query(
      `INSERT INTO "User" (id, email, "firstName", "lastName", "passwordHash", role, "allPlatforms", active, "totpSecret", "totpEnabledAt", "charterAcceptedAt", "updatedAt")
       SELECT gen_random_uuid(), $2, 'Compte', 'Jetable', "passwordHash", role, "allPlatforms", true, "totpSecret", "totpEnabledAt", "charterAcceptedAt", now()
       FROM "User" WHERE email = $1
       ON CONFLICT (email) DO UPDATE SET "sessionsRevokedAt" = NULL`,
      [like, email],
    );
    await c.query(
      `INSERT INTO "PlatformMembership" ("userId", "platformId")
       SELECT n.id, m."platformId" FROM "User" n, "User" o JOIN "PlatformMembership" m ON m."userId" = o.id
       WHERE n.email = $2 AND o.email = $1
       ON CONFLICT DO NOTHING`,
      [like, email],
    );
  });
  return email;
}
