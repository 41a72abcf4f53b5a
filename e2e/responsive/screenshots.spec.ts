// Issue 14: screenshots of the main screens, on a laptop (1366×900) and on a phone (390×844), taken
// by the e2e run into .data/test-results/screens/ (the copies in docs/screenshots/ come from here).
import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS } from "../support/accounts";
import { loginViaForm } from "../support/auth";

const DIR = ".data/test-results/screens";

async function firstCompany(page: Page): Promise<string> {
  const res = await page.request.get("/api/v1/companies?pageSize=1&sort=name");
  return ((await res.json()) as { items: { id: string }[] }).items[0]!.id;
}

async function shoot(page: Page, name: string, path: string, heading: RegExp) {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
  await page.screenshot({ path: `${DIR}/${name}.png` });
}

test("écrans principaux sur un portable (1366×900)", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await loginViaForm(page, ACCOUNTS.assistantLens.email);
  await expect(page.getByTestId("home-role")).toBeVisible();
  const company = await firstCompany(page);
  await shoot(page, "portable-accueil", "/", /Bonjour/);
  await shoot(page, "portable-entreprises", "/entreprises", /Entreprises/);
  await shoot(page, "portable-fiche-entreprise", `/entreprises/${company}`, /.+/);
  await shoot(page, "portable-rappels", "/rappels", /Rappels/);
});

test("écrans principaux sur un téléphone (390×844)", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await loginViaForm(page, ACCOUNTS.assistantLens.email);
  await expect(page.getByTestId("home-role")).toBeVisible();
  const company = await firstCompany(page);
  await shoot(page, "telephone-accueil", "/", /Bonjour/);
  await page.getByRole("button", { name: "Menu" }).click();
  await page.screenshot({ path: `${DIR}/telephone-menu.png` });
  await page.keyboard.press("Escape");
  await shoot(page, "telephone-entreprises", "/entreprises", /Entreprises/);
  await shoot(page, "telephone-fiche-entreprise", `/entreprises/${company}`, /.+/);
});

// The lists a platform's manager works from, and the DPO's audit journal: one screenshot per list
// and per width, looked at before a list's layout is called done (rows as cards on a phone).
const LISTS: [string, string][] = [
  ["demandeurs", "/demandeurs"], ["offres", "/offres"], ["visites", "/visites"], ["evenements", "/evenements"], ["rappels", "/rappels"],
  ["chefs-de-file", "/chefs-de-file"], ["gouvernance", "/gouvernance"], ["financement", "/financement"], ["entreprises", "/entreprises"],
];
for (const [width, height, prefix] of [[1366, 900, "portable"], [390, 844, "telephone"]] as const) {
  test(`listes de la plateforme et journal d'audit (${width}×${height})`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await loginViaForm(page, ACCOUNTS.managerLens.email);
    await expect(page.getByTestId("home-role")).toBeVisible();
    for (const [name, path] of LISTS) {
      await shoot(page, `${prefix}-liste-${name}`, path, /.+/);
      await expect(page.locator("main table").first()).toBeVisible();
    }
    await page.context().clearCookies();
    await loginViaForm(page, ACCOUNTS.dpo.email);
    await expect(page.getByTestId("home-role")).toBeVisible();
    await shoot(page, `${prefix}-liste-journal-audit`, "/rgpd", /.+/);
  });
}
