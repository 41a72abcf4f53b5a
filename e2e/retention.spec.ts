import { expect, test } from "@playwright/test";
import { axeViolations } from "./support/a11y";
import { ACCOUNTS } from "./support/accounts";
import { loginViaForm } from "./support/auth";

test("la DPO lance une simulation de conservation et lit son rapport, sans rien modifier", async ({ page }) => {
  await loginViaForm(page, ACCOUNTS.dpo.email);
  await expect(page.getByTestId("home-role")).toBeVisible();
  await page.goto("/rgpd");
  await page.getByRole("link", { name: /Conservation des données/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Conservation des données" })).toBeVisible();
  await page.getByRole("button", { name: "Lancer une simulation" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Rapport de simulation" })).toBeVisible();
  await expect(page.getByText("Simulation : aucune donnée n'a été modifiée.")).toBeVisible();
  await expect(page.getByTestId("total-jobSeeker.archive")).toHaveText(/^\d+$/);
  await expect(page.getByText("Aucune erreur.")).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  await page.getByRole("link", { name: "Conservation des données" }).click();
  await expect(page.getByRole("cell", { name: "Simulation" }).first()).toBeVisible();

  const api = await page.request.get("/api/v1/purge-runs?dryRun=true");
  expect(api.status()).toBe(200);
  expect(((await api.json()) as { total: number }).total).toBeGreaterThan(0);
});

test("une assistante de plateforme n'accède pas aux exécutions de la conservation", async ({ page }) => {
  await loginViaForm(page, ACCOUNTS.assistantLens.email);
  await expect(page.getByTestId("home-role")).toBeVisible();
  expect((await page.request.get("/api/v1/purge-runs")).status()).toBe(403);
  expect((await page.request.post("/api/v1/purge-runs/dry-run", { data: {} })).status()).toBe(403);
});
