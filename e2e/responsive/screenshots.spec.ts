// Issue 14: screenshots of the main screens, on a laptop (1366×900) and on a phone (390×844), taken
// by the e2e run into .data/test-results/screens/ (the copies in docs/screenshots/ come from here).
import { expect, test, type Page } from "@playwright/test";
import { axeViolations } from "../support/a11y";
import { ACCOUNTS } from "../support/accounts";
import { loginViaForm } from "../support/auth";
import { labelsBrokenInWords } from "../support/stacked-table";

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

// The lists a platform's manager works from, the DPO's audit journal and the users: one screenshot per list
// and per width, looked at before a list's layout is called done (rows as cards on a phone). The
// seeded lists that must have rows, so that their cards' labels are measured, are marked `true`.
const LISTS: [string, string, boolean][] = [
  ["demandeurs", "/demandeurs", true], ["offres", "/offres", true], ["visites", "/visites", true], ["evenements", "/evenements", false], ["rappels", "/rappels", false],
  ["chefs-de-file", "/chefs-de-file", false], ["gouvernance", "/gouvernance", false], ["financement", "/financement", false], ["entreprises", "/entreprises", true],
];
for (const [width, height, prefix] of [[1366, 900, "portable"], [390, 844, "telephone"]] as const) {
  test(`listes de la plateforme, journal d'audit et utilisateurs (${width}×${height})`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width, height });
    const phone = width < 640;
    // On a phone, every card's column labels wrap between words only, and the cards pass axe.
    const broken: string[] = [];
    const check = async (path: string, withRows: boolean) => {
      if (!phone) return;
      const { labelled, broken: here } = await labelsBrokenInWords(page);
      if (withRows) expect(labelled, `${path} : aucune cellule étiquetée mesurée`).toBeGreaterThan(0);
      broken.push(...here.map((line) => `${path} ${line}`));
      expect(await axeViolations(page)).toEqual([]);
    };
    await loginViaForm(page, ACCOUNTS.managerLens.email);
    await expect(page.getByTestId("home-role")).toBeVisible();
    for (const [name, path, withRows] of LISTS) {
      await shoot(page, `${prefix}-liste-${name}`, path, /.+/);
      await expect(page.locator("main table").first()).toBeVisible();
      await check(path, withRows);
    }
    await page.context().clearCookies();
    await loginViaForm(page, ACCOUNTS.dpo.email);
    await expect(page.getByTestId("home-role")).toBeVisible();
    await shoot(page, `${prefix}-liste-journal-audit`, "/rgpd", /.+/);
    await check("/rgpd", true);
    // The administrator's user list: « Double authentification », the longest word of any column name.
    await page.context().clearCookies();
    await loginViaForm(page, ACCOUNTS.admin.email);
    await expect(page.getByTestId("home-role")).toBeVisible();
    await shoot(page, `${prefix}-liste-utilisateurs`, "/administration/utilisateurs", /.+/);
    await check("/administration/utilisateurs", true);
    expect(broken, "libellés de colonne coupés au milieu d'un mot (390 px)").toEqual([]);
  });
}
