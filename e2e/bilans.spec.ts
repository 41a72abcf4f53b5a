import { expect, test, type APIRequestContext } from "@playwright/test";
import { axeViolations } from "./support/a11y";
import { ACCOUNTS, ALL_PLATFORMS } from "./support/accounts";
import { loginViaForm, loginViaHttp } from "./support/auth";

// A month far in the past of the demo data, so closing it disturbs no other journey.
const MONTH = "2025-01";

async function platformIds(request: APIRequestContext): Promise<Record<string, string>> {
  expect([200, 302]).toContain(await loginViaHttp(request, ACCOUNTS.referent.email));
  const me = (await (await request.get("/api/v1/me")).json()) as { platforms: { id: string; name: string }[] };
  return Object.fromEntries(me.platforms.map((p) => [p.name, p.id]));
}

test.describe.serial("bilans mensuels", () => {
  test("le référent voit toutes les plateformes côte à côte, avec leurs graphiques et tableaux", async ({ page }) => {
    await loginViaForm(page, ACCOUNTS.referent.email);
    await expect(page.getByTestId("home-role")).toBeVisible();
    await page.goto("/bilans");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bilans d'activité");
    // Platforms are the comparison's rows (sortable table, folded), with the region total.
    const rows = page.getByTestId("comparison-table").locator("tbody th");
    for (const name of ALL_PLATFORMS) await expect(rows.filter({ hasText: name })).toHaveCount(1);
    await expect(rows.filter({ hasText: "Total région" })).toHaveCount(1);
    // Each chart's data table is one disclosure away, still in the page.
    await expect(page.getByRole("region", { name: "Données : Part du marché caché", includeHidden: true })).toHaveCount(1);
    await page.getByTestId("chart-hidden").getByText("Tableau des données").click();
    await expect(page.getByRole("region", { name: "Données : Part du marché caché" })).toBeVisible();
    await expect(page.getByTestId("provisional-notice")).toContainText("provisoires");
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: ".data/test-results/screens/bilans-region.png", fullPage: true });
    await page.goto("/bilans/indicateurs");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Définitions des indicateurs");
    await expect(page.getByText("Délai médian de rappel")).toBeVisible();
  });

  test("le responsable de Lens ne voit que Lens, clôture un mois et ne lit pas Amiens (404)", async ({ page, request }) => {
    const ids = await platformIds(request);
    await loginViaForm(page, ACCOUNTS.managerLens.email);
    await expect(page.getByTestId("home-role")).toBeVisible();
    await page.goto(`/bilans?period=month&month=${MONTH}`);
    await expect(page.getByText("Lens-Liévin · janvier 2025")).toBeVisible();
    await expect(page.getByLabel("Plateforme", { exact: true })).toHaveCount(0);
    await expect(page.getByTestId("comparison-table")).toHaveCount(0);
    page.once("dialog", (d) => void d.accept());
    await page.getByRole("button", { name: "Clôturer janvier 2025" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Mois clôturé (version 1)." })).toBeVisible();
    await expect(page.getByTestId("month-close")).toContainText("clôturé (instantané version 1)");

    const own = await page.request.get(`/api/v1/reports/monthly?platformId=${ids["Lens-Liévin"]}&month=${MONTH}`);
    expect(own.status()).toBe(200);
    expect(await own.json()).toMatchObject({ closed: true, snapshotVersion: 1, platformName: "Lens-Liévin" });
    const other = await page.request.get(`/api/v1/reports/monthly?platformId=${ids["Amiénois"]}&month=${MONTH}`);
    expect(other.status()).toBe(404);
    expect((await page.goto(`/bilans?platformId=${ids["Amiénois"]}`))?.status()).toBe(404);
  });

  test("le référent rouvre le mois avec un motif ; l'export XLSX se télécharge", async ({ page }) => {
    await loginViaForm(page, ACCOUNTS.referent.email);
    await expect(page.getByTestId("home-role")).toBeVisible();
    await page.goto("/bilans");
    await page.getByLabel("Plateforme", { exact: true }).selectOption({ label: "Lens-Liévin" });
    await page.getByLabel("Période", { exact: true }).selectOption({ label: "Mois" });
    await page.getByLabel("Mois de référence").fill(MONTH);
    await page.getByRole("button", { name: "Afficher" }).click();
    await expect(page.getByTestId("month-close")).toContainText("clôturé (instantané version 1)");
    await page.getByRole("button", { name: "Rouvrir janvier 2025" }).click();
    await expect(page.getByText("Indiquez le motif de la réouverture")).toBeVisible();
    await page.getByLabel("Motif de la réouverture").fill("Embauches de janvier saisies en retard");
    page.once("dialog", (d) => void d.accept());
    await page.getByRole("button", { name: "Rouvrir janvier 2025" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Mois rouvert" })).toBeVisible();

    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Excel (XLSX)" }).click();
    expect((await download).suggestedFilename()).toBe(`bilan-lens-lievin-${MONTH}.xlsx`);
  });

  test("France Travail n'a pas accès aux bilans des plateformes", async ({ page }) => {
    await loginViaForm(page, ACCOUNTS.reviewer.email);
    await expect(page.getByTestId("home-role")).toBeVisible();
    expect((await page.goto("/bilans"))?.status()).toBe(403);
    expect((await page.request.get(`/api/v1/reports/monthly?month=${MONTH}`)).status()).toBe(403);
  });
});
