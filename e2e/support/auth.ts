import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { generateSync } from "otplib";
import pg from "pg";
import { DEMO_TOTP_SECRET } from "../../prisma/seed/demo-totp";
import { ACCOUNTS, DEMO_PASSWORD, type DemoAccount } from "./accounts";

/** Demo accounts enrolled in two-factor login by the seed (roles for which it is mandatory). */
const TWO_FACTOR_ROLES = new Set(["FRANCE_TRAVAIL_REVIEWER", "DPO", "ADMIN", "REGION_FINANCE"]);
export const TWO_FACTOR_EMAILS: ReadonlySet<string> = new Set(
  Object.values(ACCOUNTS as Record<string, DemoAccount>).filter((a) => TWO_FACTOR_ROLES.has(a.role)).map((a) => a.email),
);

/** The current code of the demo TOTP secret (otplib 13: `generateSync` is v12's `authenticator.generate`). */
export function demoTotp(): string {
  return generateSync({ secret: DEMO_TOTP_SECRET });
}

/**
 * Runs `fn` with a code the server will accept for a demo account enrolled in two-factor login.
 * The server accepts each 30-second step once per account (issue 16 §10: no replay), while the specs
 * sign in to the same demo accounts many times, from two workers. So each sign-in that uses a code
 * holds a PostgreSQL advisory lock on the account for its whole duration (one at a time per account,
 * across workers) and, inside it, forgets the account's last accepted step in the e2e database, as
 * the seed left it. The server's check itself is untouched (the replay spec in two-factor.spec.ts
 * proves it on the same server).
 */
export async function withTotpTurn<T>(email: string, fn: (code: string) => Promise<T>): Promise<T> {
  const url = test.info().config.metadata.databaseUrl as string | undefined;
  if (!url) return fn(demoTotp());
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(`SELECT pg_advisory_lock(hashtext($1))`, [`e2e-totp:${email}`]);
    await c.query(`UPDATE "User" SET "totpLastStep" = NULL WHERE email = $1`, [email]);
    return await fn(demoTotp());
  } finally {
    await c.end();
  }
}

/** Email and password only (first step of the login page). */
export async function submitPassword(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/connexion");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
}

/**
 * Signs in through the French login page. For a demo account with two-factor login and the right
 * password, fills the second step with the current code of DEMO_TOTP_SECRET.
 */
export async function loginViaForm(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  if (!(TWO_FACTOR_EMAILS.has(email) && password === DEMO_PASSWORD)) return submitPassword(page, email, password);
  await withTotpTurn(email, async (code) => {
    await submitPassword(page, email, password);
    await page.getByLabel("Code de vérification").fill(code);
    await page.getByRole("button", { name: "Vérifier" }).click();
    // Held until the server has answered, so that another sign-in to this account cannot take the step first.
    await page.waitForURL((u) => !u.pathname.startsWith("/connexion"));
  });
}

/**
 * The standard next-auth HTTP flow scripts use: GET /api/auth/csrf, then POST the credentials, with
 * `totp` for the demo accounts enrolled in two-factor login (both factors in one request).
 */
export async function loginViaHttp(request: APIRequestContext, email: string, password = DEMO_PASSWORD, totp?: string | null): Promise<number> {
  const post = async (code: string | null): Promise<number> => {
    const csrf = await request.get("/api/auth/csrf");
    expect(csrf.ok()).toBe(true);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const res = await request.post("/api/auth/callback/credentials", {
      form: { csrfToken, email, password, json: "true", ...(code ? { totp: code } : {}) },
      maxRedirects: 0,
    });
    return res.status();
  };
  if (totp !== undefined) return post(totp);
  return TWO_FACTOR_EMAILS.has(email) ? withTotpTurn(email, post) : post(null);
}

export function expectedPlatforms(account: DemoAccount, all: string[]): string[] {
  return account.platforms === "all" ? all : account.platforms;
}
