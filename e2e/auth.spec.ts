import { expect, test } from "@playwright/test";
import { disposableAccount } from "./security/fixtures";
import { axeViolations } from "./support/a11y";
import { ACCOUNTS } from "./support/accounts";
import { loginViaForm, loginViaHttp } from "./support/auth";

test("un mot de passe erroné reçoit le message générique", async ({ page }) => {
  await loginViaForm(page, ACCOUNTS.managerLens.email, "pas-le-bon-mot-de-passe");
  await expect(page.getByText("Identifiants incorrects.")).toBeVisible();
  await expect(page).toHaveURL(/\/connexion/);
});

test("un compte inconnu reçoit exactement le même message", async ({ page }) => {
  await loginViaForm(page, "personne@nulle-part.demo", "Demo-ProchEmploi-2026");
  await expect(page.getByText("Identifiants incorrects.")).toBeVisible();
});

test("le flux HTTP refuse un mauvais mot de passe sans ouvrir de session", async ({ request }) => {
  await loginViaHttp(request, ACCOUNTS.dpo.email, "mauvais-mot-de-passe");
  const me = await request.get("/api/v1/me");
  expect(me.status()).toBe(401);
  expect(((await me.json()) as { error: { code: string } }).error.code).toBe("UNAUTHENTICATED");
});

test("un visiteur non connecté est renvoyé vers la page de connexion", async ({ page }) => {
  await page.goto("/entreprises");
  await expect(page).toHaveURL(/\/connexion/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("SI Proch'Emploi");
});

test("la déconnexion ferme la session", async ({ page }) => {
  // Its own account: signing out ends every session of the account, so a shared demo account would
  // sign out the specs running beside this one.
  await loginViaForm(page, await disposableAccount(ACCOUNTS.assistantAmiens.email, "deconnexion-auth@e2e.test"));
  await expect(page.getByTestId("home-role")).toBeVisible();
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page).toHaveURL(/\/connexion/);
  expect((await page.request.get("/api/v1/me")).status()).toBe(401);
});

test("la santé du service répond sans authentification", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({ status: "ok", db: "ok" });
});

test("la page de connexion et l'accueil respectent les règles d'accessibilité automatiques (axe)", async ({ page }) => {
  await page.goto("/connexion");
  expect(await axeViolations(page)).toEqual([]);
  await loginViaForm(page, ACCOUNTS.assistantLens.email);
  await expect(page.getByTestId("home-role")).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});
