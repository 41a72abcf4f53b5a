import ExcelJS from "exceljs";
import { expect, test } from "@playwright/test";
import { axeViolations } from "./support/a11y";
import { ACCOUNTS } from "./support/accounts";
import { loginViaForm } from "./support/auth";
import { labelsBrokenInWords } from "./support/stacked-table";

const lastMonth = () => {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
};

test.describe("bilans : France Travail et rapport annuel", () => {
  test("le relecteur France Travail ne voit que ses projets et reçoit 404 sur un autre", async ({ page, browser }) => {
    // The Lens manager's subsidy files: the France Travail project (assigned to the demo reviewer) and a Région file.
    const managerContext = await browser.newContext();
    const managerPage = await managerContext.newPage();
    await loginViaForm(managerPage, ACCOUNTS.managerLens.email);
    await expect(managerPage.getByTestId("home-role")).toBeVisible();
    const files = ((await (await managerPage.request.get("/api/v1/subsidy-files?pageSize=100")).json()) as { items: { id: string; funder: string }[] }).items;
    const ft = files.find((f) => f.funder === "FRANCE_TRAVAIL")!;
    const region = files.find((f) => f.funder === "REGION")!;
    expect(ft).toBeTruthy();
    expect(region).toBeTruthy();
    // Other roles have no access to the France Travail files at all.
    expect((await managerPage.request.get(`/api/v1/france-travail/${ft.id}/monthly?month=${lastMonth()}&file=beneficiaries`)).status()).toBe(403);
    await managerContext.close();

    await loginViaForm(page, ACCOUNTS.reviewer.email);
    await expect(page.getByTestId("home-role")).toBeVisible();
    await page.goto("/france-travail");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Projets mobilité financés par France Travail");
    const projects = page.getByTestId("ft-project");
    await expect(projects).toHaveCount(1);
    await expect(projects.first()).toContainText("Lens-Liévin");
    expect(await axeViolations(page)).toEqual([]);

    const month = lastMonth();
    const indicators = await page.request.get(`/api/v1/france-travail/${ft.id}/monthly?month=${month}&file=indicators`);
    expect(indicators.status()).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await indicators.body()) as unknown as ArrayBuffer);
    // The convention's indicators and the porteur's own one (seeded on the demo's France Travail file).
    const labels = wb.getWorksheet("Indicateurs")!.getColumn(1).values.filter((v) => typeof v === "string");
    expect(labels).toEqual(expect.arrayContaining(["Volume de bénéficiaires", "Personnes ayant obtenu le permis de conduire"]));
    const personal = await page.request.get(`/api/v1/france-travail/${ft.id}/monthly?month=${month}&file=beneficiaries`);
    expect(personal.status()).toBe(200);
    expect(personal.headers()["content-disposition"]).toContain("france-travail-beneficiaires");

    for (const file of ["indicators", "beneficiaries"]) {
      expect((await page.request.get(`/api/v1/france-travail/${region.id}/monthly?month=${month}&file=${file}`)).status()).toBe(404);
      expect((await page.request.get(`/api/v1/france-travail/00000000-0000-4000-8000-000000000000/monthly?month=${month}&file=${file}`)).status()).toBe(404);
    }
    await page.screenshot({ path: ".data/test-results/screens/france-travail-projects.png", fullPage: true });
  });

  test("la responsable de Lens complète le rapport annuel et le télécharge en XLSX", async ({ page }) => {
    const year = new Date().getUTCFullYear();
    await loginViaForm(page, ACCOUNTS.managerLens.email);
    await expect(page.getByTestId("home-role")).toBeVisible();
    // The year's convention objectives, then the "objectifs atteints vs cibles" table.
    await page.goto(`/bilans/objectifs?year=${year}`);
    // The year's Région convention is signed (seeded): a change cites the amendment recorded on its
    // file (the only one, chosen already).
    const amendment = page.getByTestId("objectives-amendment");
    await expect(amendment).toContainText("La convention " + year + " est signée");
    await expect(amendment.getByLabel("Avenant qui fait ce changement")).toHaveValue(/.+/);
    // The chosen amendment spelled out in full (a phone's select cuts it), and read with the select.
    await expect(amendment.getByText(/^Avenant choisi : Avenant du .+/)).toBeVisible();
    await expect(amendment.getByLabel("Avenant qui fait ce changement")).toHaveAccessibleDescription(/^Avenant choisi : /);
    // Each target is read with its unit.
    await expect(page.getByLabel("Offres recueillies", { exact: true })).toHaveAccessibleDescription("offres");
    await page.getByLabel("Offres recueillies", { exact: true }).fill("100");
    await page.getByRole("button", { name: "Enregistrer les objectifs" }).click();
    // The outcome is shown beside the button, not at the top of a form taller than the screen.
    await expect(page.getByRole("status").filter({ hasText: "Objectifs enregistrés (1 modifié)." })).toBeInViewport();
    await expect(page.getByTestId("objectives-table")).toContainText("Offres recueillies");
    await expect(page.getByTestId("objectives-table").locator("tr", { hasText: "Offres recueillies" })).toContainText("100");
    // The confirmation outlives the refresh that shows the saved target (the form was keyed on the
    // objectives' versions and remounted without its message).
    await expect(page.getByRole("status").filter({ hasText: "Objectifs enregistrés (1 modifié)." })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    // The form with its amendment select on a laptop and on a phone: kept as artifacts, nothing wider
    // than the screen, the select and the save button within reach.
    for (const [width, height] of [[1366, 900], [390, 844]] as const) {
      await page.setViewportSize({ width, height });
      await expect(amendment.getByLabel("Avenant qui fait ce changement")).toBeVisible();
      // Polled: right after the viewport changes, the page may not have been laid out at the new width yet.
      await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth), { message: `largeur ${width}` }).toBeLessThanOrEqual(width);
      await expect.poll(async () => {
        const select = await amendment.getByLabel("Avenant qui fait ce changement").boundingBox();
        return select!.x + select!.width;
      }, { message: `liste des avenants ${width}` }).toBeLessThanOrEqual(width);
      // No unit broken over two lines beside its input (« chefs de / file » at 390 px).
      const unitHeights = await page.locator('[id^="unit-"]').evaluateAll((spans) => spans.map((e) => [e.textContent, e.getBoundingClientRect().height] as const));
      expect(unitHeights.length, `unités ${width}`).toBeGreaterThan(10);
      expect(unitHeights.filter(([, h]) => h > 30), `unités sur deux lignes ${width}`).toEqual([]);
      if (width === 390) {
        // Each indicator is a card: its column names wrap between words only.
        const labels = await labelsBrokenInWords(page);
        expect(labels.labelled, "objectifs : cellules étiquetées").toBeGreaterThan(0);
        expect(labels.broken, "objectifs : libellés coupés au milieu d'un mot").toEqual([]);
      }
      await page.screenshot({ path: `.data/test-results/screens/objectifs-avenant-${width}.png`, fullPage: true });
    }
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 720 });

    await page.goto(`/bilans/rapport-annuel?year=${year}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Rapport annuel ${year} — Lens-Liévin`);
    await expect(page.getByTestId("governance-table")).toContainText("Coprésidence");
    await expect(page.getByTestId("objectives-table")).toContainText("Offres recueillies");
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel("Bilan qualitatif (faits marquants, difficultés, perspectives)").fill("Une année de montée en charge du circuit court.");
    await page.getByRole("button", { name: "Enregistrer le texte" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Bilan qualitatif enregistré" })).toBeVisible();
    await expect(page.getByTestId("qualitative-text")).toHaveText("Une année de montée en charge du circuit court.");
    // The confirmation outlives the refresh that shows the saved text (the form was remounted by a
    // key on the version and the message vanished: CI failed on it once).
    await expect(page.getByRole("status").filter({ hasText: "Bilan qualitatif enregistré" })).toBeVisible();

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("annual-xlsx").click()]);
    expect(download.suggestedFilename()).toBe(`rapport-annuel-lens-lievin-${year}.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await download.path());
    expect(wb.getWorksheet("Synthèse")!.getCell("A1").value).toBe(`Rapport annuel ${year} — Lens-Liévin`);
    expect(wb.getWorksheet("Qualitatif")!.getCell("A2").value).toBe("Une année de montée en charge du circuit court.");
    expect(wb.getWorksheet("Objectifs")!.getCell("A2").value).toBe("Offres recueillies");
    expect(wb.getWorksheet("Objectifs")!.getCell("B2").value).toBe(100);
    await page.screenshot({ path: ".data/test-results/screens/rapport-annuel.png", fullPage: true });
  });
});
