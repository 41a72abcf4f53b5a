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
