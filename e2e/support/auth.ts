import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { generateSync } from "otplib";
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
  await submitPassword(page, email, password);
  if (TWO_FACTOR_EMAILS.has(email) && password === DEMO_PASSWORD) {
    await page.getByLabel("Code de vérification").fill(demoTotp());
    await page.getByRole("button", { name: "Vérifier" }).click();
  }
}

/**
 * The standard next-auth HTTP flow scripts use: GET /api/auth/csrf, then POST the credentials, with
 * `totp` for the demo accounts enrolled in two-factor login (both factors in one request).
 */
export async function loginViaHttp(request: APIRequestContext, email: string, password = DEMO_PASSWORD, totp?: string | null): Promise<number> {
  const csrf = await request.get("/api/auth/csrf");
  expect(csrf.ok()).toBe(true);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const code = totp === undefined ? (TWO_FACTOR_EMAILS.has(email) ? demoTotp() : null) : totp;
  const res = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true", ...(code ? { totp: code } : {}) },
    maxRedirects: 0,
  });
  return res.status();
}

export function expectedPlatforms(account: DemoAccount, all: string[]): string[] {
  return account.platforms === "all" ? all : account.platforms;
}
