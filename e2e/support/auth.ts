import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { DEMO_PASSWORD, type DemoAccount } from "./accounts";

/** Signs in through the French login page and waits for the home page. */
export async function loginViaForm(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/connexion");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
}

/** The standard next-auth HTTP flow scripts use: GET /api/auth/csrf, then POST the credentials. */
export async function loginViaHttp(request: APIRequestContext, email: string, password = DEMO_PASSWORD): Promise<number> {
  const csrf = await request.get("/api/auth/csrf");
  expect(csrf.ok()).toBe(true);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true" },
    maxRedirects: 0,
  });
  return res.status();
}

export function expectedPlatforms(account: DemoAccount, all: string[]): string[] {
  return account.platforms === "all" ? all : account.platforms;
}
