// Issue 7: the DPO's audit-log search (filters, server pagination, export, itself audited) and the
// archive of job seekers (manager and DPO only).
import { expect, test } from "@playwright/test";
import { axeViolations } from "./support/a11y";
import { ACCOUNTS } from "./support/accounts";
import { loginViaForm } from "./support/auth";


test("la DPO cherche dans le journal par utilisateur et action, puis exporte le résultat (export tracé)", async ({ page }) => {
  await loginViaForm(page, ACCOUNTS.dpo.email);
  await expect(page.getByTestId("home-role")).toBeVisible();
  await page.goto("/rgpd");
  await page.getByLabel("Utilisateur (adresse e-mail)").fill(ACCOUNTS.dpo.email);
  await page.getByLabel("Action", { exact: true }).selectOption({ label: "Connexion réussie" });
  await page.getByRole("button", { name: "Rechercher" }).click();
  await expect(page).toHaveURL(/actorEmail=dpo%40region\.demo/);
  await expect(page.getByTestId("audit-total")).toHaveText(/^[1-9]\d* événements? trouvés?\.$/);
  await expect(page.getByRole("cell", { name: /Connexion réussie/ }).first()).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  const href = await page.getByRole("link", { name: "Exporter le résultat (XLSX)" }).getAttribute("href");
  expect(href).toContain("actorEmail=dpo%40region.demo");
  const file = await page.request.get(href!);
  expect(file.status()).toBe(200);
  expect(file.headers()["content-type"]).toContain("spreadsheetml");
  const csv = await page.request.get(href!.replace("format=xlsx", "format=csv"));
  expect((await csv.text()).split("\r\n")[0]).toContain("action");

  const audited = (await (await page.request.get("/api/v1/audit-events?action=audit.export")).json()) as { total: number };
  expect(audited.total).toBeGreaterThanOrEqual(2);
});

test("les archives : responsable et DPO y accèdent, pas l'assistante", async ({ page, browser }) => {
  await loginViaForm(page, ACCOUNTS.managerLens.email);
  await expect(page.getByTestId("home-role")).toBeVisible();
  await page.getByRole("link", { name: "Archives", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Archives des demandeurs d'emploi" })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  const ctx = await browser.newContext();
  const assistant = await ctx.newPage();
  await loginViaForm(assistant, ACCOUNTS.assistantLens.email);
  await expect(assistant.getByTestId("home-role")).toBeVisible();
  const res = await assistant.goto("/rgpd/archives");
  expect(res?.status()).toBe(403);
  await ctx.close();
});
