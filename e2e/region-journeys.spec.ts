// Issue 17: the Région referent, finance officer and DPO answer their question from their home.
// Screens are kept in .data/test-results/screens/ (and the printed bilans as PDF + PNG pages).
import { axeViolations } from "./support/a11y";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { ACCOUNTS } from "./support/accounts";
import { loginViaForm } from "./support/auth";

const SCREENS = ".data/test-results/screens";


async function shot(page: Page, name: string, fullPage = true) {
  await page.screenshot({ path: `${SCREENS}/${name}.png`, fullPage });
}

async function signedIn(browser: Browser, email: string, viewport = { width: 1366, height: 900 }): Promise<Page> {
  const page = await (await browser.newContext({ viewport })).newPage();
  page.on("dialog", (d) => void d.accept());
  await loginViaForm(page, email);
  await expect(page.getByTestId("home-role")).toBeVisible();
  return page;
}

/** Prints the page to an A4 PDF (print CSS), checks its page size, and renders each page to PNG when poppler is installed. */
async function printToPdf(page: Page, name: string): Promise<number> {
  await page.emulateMedia({ media: "print" });
  const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: "screen" });
  mkdirSync(SCREENS, { recursive: true });
  const path = `${SCREENS}/${name}.pdf`;
  writeFileSync(path, pdf);
  const text = pdf.toString("latin1");
  // A4 in PostScript points (210 × 297 mm = 595 × 842 pt; Chromium rounds to 594.96 × 841.92).
  expect(text).toMatch(/\/MediaBox \[0 0 59[45]\.\d+ 84[12]\.\d+\]/);
  const pages = (text.match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pages).toBeGreaterThan(0);
  if (existsSync("/usr/bin/pdftoppm")) execFileSync("/usr/bin/pdftoppm", ["-png", "-r", "60", path, `${SCREENS}/${name}`]);
  return pages;
}

test("référent : accueil → mois à clôturer → bilan → export ; bilans lisibles d'un coup d'œil et imprimables", async ({ browser }) => {
  test.setTimeout(180_000);
  const page = await signedIn(browser, ACCOUNTS.referent.email);
  const months = page.getByTestId("attention-months");
  await expect(months).toBeVisible();
  await expect(page.getByRole("link", { name: "Bilans de toutes les plateformes" })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await shot(page, "region-referent-home");

  // The first month left open past the reminder delay.
  const item = months.getByRole("link").first();
  await expect(item).toHaveText(/bilan de .+ non clôturé/);
  await item.click();
  await expect(page).toHaveURL(/\/bilans\?platformId=.+&period=month&month=\d{4}-\d{2}/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bilans d'activité");
  await expect(page.getByTestId("month-close")).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await shot(page, "region-referent-bilan-mois");

  // Export buttons by the title.
  const month = new URL(page.url()).searchParams.get("month")!;
  const download = page.waitForEvent("download");
  await page.getByTestId("export-links").getByRole("link", { name: /Excel \(XLSX\)/ }).click();
  expect((await download).suggestedFilename()).toMatch(new RegExp(`^bilan-.+-${month}\\.xlsx$`));

  // The monthly bilan printed on A4.
  // (cards, then each chart with its table unfolded for print: one column on A4).
  expect(await printToPdf(page, "bilan-mensuel")).toBeLessThanOrEqual(10);

  // The region view at 1366×900: headline figures and the first chart above the fold, at most 3 screens with the tables folded.
  await page.goto("/bilans");
  await expect(page.getByTestId("kpi-offersCollected")).toBeVisible();
  await expect(page.getByTestId("kpi-offersCollected")).toContainText("vs N-1");
  const cards = page.locator('[data-testid^="kpi-"]');
  await expect(cards).toHaveCount(8);
  const lastCard = await cards.last().boundingBox();
  const firstChart = await page.getByTestId("chart-trend").locator(".recharts-responsive-container").boundingBox();
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  test.info().annotations.push({ type: "bilans 1366×900", description: `cartes jusqu'à ${Math.round(lastCard!.y + lastCard!.height)} px, premier graphique jusqu'à ${Math.round(firstChart!.y + firstChart!.height)} px, page ${height} px` });
  expect(lastCard!.y + lastCard!.height).toBeLessThanOrEqual(900);
  expect(firstChart!.y + firstChart!.height).toBeLessThanOrEqual(900);
  expect(height).toBeLessThanOrEqual(3 * 900);
  // Tables are one disclosure away, still in the page.
  await expect(page.getByRole("region", { name: "Données : Part du marché caché", includeHidden: true })).toHaveCount(1);
  await expect(page.getByTestId("all-indicators")).not.toHaveAttribute("open");
  // French month labels from date-fns (no « déce. » nor « mars. »).
  const trendTable = page.getByRole("region", { name: "Données : Offres, demandeurs et embauches sur 12 mois", includeHidden: true });
  const monthsText = await trendTable.locator("tbody th").allTextContents();
  expect(monthsText.join(" ")).not.toMatch(/déce\.|mars\.|avri\./);
  expect(monthsText.every((t) => /^(janv\.|févr\.|mars|avr\.|mai|juin|juil\.|août|sept\.|oct\.|nov\.|déc\.) \d{2}/.test(t))).toBe(true);
  // A real funnel: each step at most the previous one; governance as a whole count.
  const steps = (await page.getByTestId("funnel-steps").locator("li .tabular-nums").allTextContents()).map((t) => Number(t.split(" (")[0]!.replace(/\s/g, "")));
  expect(steps).toHaveLength(4);
  for (let i = 1; i < steps.length; i++) expect(steps[i]!).toBeLessThanOrEqual(steps[i - 1]!);
  await expect(page.getByTestId("governance-held")).toHaveText(/^\d+$/);
  expect(await axeViolations(page)).toEqual([]);
  await shot(page, "bilans-region-1366-pli", false);
  await shot(page, "bilans-region-1366");

  // Comparison: sortable, with shares and the region total; the user picks the indicators.
  await page.getByText("Tableau de comparaison (tri, parts de la région)").click();
  await page.getByTestId("comparison-table").getByRole("link", { name: /Embauches/ }).click();
  await expect(page).toHaveURL(/sort=hires/);
  await expect(page.getByTestId("comparison-table")).toContainText("Total région");
  await expect(page.getByTestId("comparison-table")).toContainText("%");
  await expect(page.getByTestId("comparison-table").locator('th[aria-sort="descending"]')).toHaveCount(1);
  await page.getByText("Choisir les indicateurs comparés").click();
  await page.getByRole("checkbox", { name: "Postes proposés" }).check();
  await page.getByRole("button", { name: "Comparer" }).click();
  await expect(page.getByTestId("small-multiples").getByRole("heading", { name: "Postes proposés" })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  // The annual report printed on A4.
  await page.goto("/bilans/rapport-annuel");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Rapport annuel");
  expect(await printToPdf(page, "rapport-annuel")).toBeLessThanOrEqual(12);
});

test("référent : accueil → document en retard → page de la plateforme ; bilan clôturé à relire → marqué relu", async ({ browser }) => {
  test.setTimeout(120_000);
  // The demo leaves Métropole lilloise a compte rendu financier past its deadline and closes Lens-Liévin's month before last.
  const page = await signedIn(browser, ACCOUNTS.referent.email);
  const docs = page.getByTestId("attention-documents");
  const late = docs.getByRole("link", { name: /^Métropole lilloise : compte rendu financier \d{4} non transmis$/ });
  await expect(late).toBeVisible();
  await expect(docs).toContainText(/attendu le \d{2}\/\d{2}\/\d{4}, en retard de \d+ jours?/);
  const review = page.getByTestId("attention-review");
  const toReview = review.getByRole("link", { name: /^Lens-Liévin : bilan de .+ à relire$/ }).first();
  await expect(toReview).toBeVisible();
  const reviewLabel = (await toReview.textContent())!;
  expect(await axeViolations(page)).toEqual([]);
  await shot(page, "region-referent-home-1366");

  // The same home on a phone: the lists stack, nothing overflows sideways.
  const phone = await signedIn(browser, ACCOUNTS.referent.email, { width: 390, height: 844 });
  await expect(phone.getByTestId("attention-documents").getByRole("link").first()).toBeVisible();
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  expect(await axeViolations(phone)).toEqual([]);
  await shot(phone, "region-referent-home-390");

  // Late document → the platform's page, at its « documents dus » section (dates only; the subsidy file stays with finance).
  await late.click();
  await expect(page).toHaveURL(/\/plateformes\/[0-9a-f-]{36}#documents-dus$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Métropole lilloise");
  const section = page.getByTestId("region-documents");
  await expect(section.getByRole("heading", { name: "Documents dus à la Région" })).toBeVisible();
  await expect(section).toContainText(/compte rendu financier \d{4}/i);
  await expect(section).toContainText(/en retard de \d+ jours?/);
  await expect(section).not.toContainText("€");
  expect(await axeViolations(page)).toEqual([]);
  await shot(page, "region-referent-documents-1366");
  await phone.goto(page.url());
  await expect(phone.getByTestId("region-documents")).toContainText(/en retard de \d+ jours?/);
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  expect(await axeViolations(phone)).toEqual([]);
  await shot(phone, "region-referent-documents-390");

  // Closed bilan awaiting review → the month's bilan, at « Clôture du mois » → marked as reviewed.
  await page.goto("/");
  await page.getByTestId("attention-review").getByRole("link", { name: reviewLabel }).click();
  await expect(page).toHaveURL(/\/bilans\?platformId=.+&period=month&month=\d{4}-\d{2}#close-title$/);
  const close = page.getByTestId("month-close");
  await expect(close).toContainText("en attente de relecture par le référent Région");
  await close.getByRole("button", { name: /^Marquer le bilan de .+ comme relu$/ }).click();
  await expect(page.getByRole("status").filter({ hasText: /marqué comme relu/ })).toBeVisible();
  await expect(close).toContainText(/relu par le référent Région le \d{2}\/\d{2}\/\d{4}/);
  expect(await axeViolations(page)).toEqual([]);
  await shot(page, "region-referent-bilan-relu-1366", false);
  await page.goto("/");
  await expect(page.getByTestId("attention-review").getByRole("link", { name: reviewLabel })).toHaveCount(0);
  await phone.context().close();
});

test("finance : accueil → tranche exigible → versement enregistré", async ({ browser }) => {
  test.setTimeout(180_000);
  // The Lens manager attaches a receipt to the tranche of the signed Région convention: it becomes claimable.
  const manager = await signedIn(browser, ACCOUNTS.managerLens.email);
  const res = await manager.request.get("/api/v1/subsidy-files?funder=REGION&pageSize=200");
  const { items } = (await res.json()) as { items: { id: string; status: string; year: number }[] };
  const file = items.find((f) => f.status === "SIGNED");
  expect(file, "the seed gives Lens a signed Région convention").toBeTruthy();
  await manager.goto(`/financement/${file!.id}`);
  const receipt = manager.getByRole("form", { name: "Joindre un justificatif" });
  await receipt.getByLabel("Rattaché à").selectOption({ label: "Tranche 1 : Subvention annuelle" });
  await receipt.getByLabel(/Fichier/).setInputFiles({ name: "bulletins.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n%e2e\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n") });
  await receipt.getByRole("button", { name: "Joindre" }).click();
  await expect(manager.getByTestId("tranche-1-status")).toHaveText("Exigible");

  const finance = await signedIn(browser, ACCOUNTS.finance.email);
  const claimable = finance.getByTestId("attention-claimable");
  await expect(claimable).toContainText("Lens-Liévin");
  expect(await axeViolations(finance)).toEqual([]);
  await shot(finance, "region-finance-home");
  await claimable.getByRole("link", { name: /Lens-Liévin .*Région.*Subvention annuelle/ }).click();
  await expect(finance).toHaveURL(new RegExp(`/financement/${file!.id}#tranches$`));
  await expect(finance.getByTestId("next-step")).toContainText("à faire par");
  await expect(finance.getByRole("navigation", { name: "Parties du dossier" })).toBeVisible();
  expect(await axeViolations(finance)).toEqual([]);
  await shot(finance, "region-finance-dossier", false);
  const pay = finance.getByRole("form", { name: "Enregistrer un versement" });
  await pay.getByLabel("Tranche").selectOption({ index: 0 });
  await pay.getByLabel("Date du versement").fill(new Date().toISOString().slice(0, 10));
  await pay.getByLabel("Référence (mandat)").fill("MANDAT-E2E-17");
  await pay.getByRole("button", { name: "Enregistrer le versement" }).click();
  await expect(finance.getByTestId("payments")).toContainText("MANDAT-E2E-17");
  await expect(finance.getByTestId("file-history")).toContainText("Versement de");
  await expect(finance.getByTestId("summary-left")).toContainText("€");
  await shot(finance, "region-finance-dossier-verse");
});

test("DPO : accueil → demande la plus urgente → recherche dans le journal par nom", async ({ browser }) => {
  test.setTimeout(180_000);
  const page = await signedIn(browser, ACCOUNTS.dpo.email);
  // A request received 71 hours ago: its forwarding clock (72 h) runs out first.
  await page.goto("/rgpd/demandes/nouvelle");
  await page.getByLabel("Droit exercé").selectOption("ACCESS");
  await page.getByLabel("Qui fait la demande").fill("Demande urgente e2e 17");
  await page.getByLabel("Reçue par").selectOption("COURRIER");
  const received = await page.evaluate(() => {
    const d = new Date(Date.now() - 71 * 3_600_000);
    const pad = (n: number) => String(n).padStart(2, "0");
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
  });
  await page.getByLabel("Reçue le (date et heure)").fill(received);
  await page.getByLabel("Nom, prénom, e-mail ou identifiant France Travail").fill("courriel");
  await page.getByRole("button", { name: "Rechercher la personne" }).click();
  await page.getByRole("group", { name: /Personne concernée/ }).getByRole("listitem").getByRole("button").first().click();
  const linked = (await page.getByText(/^Reliée à :/).locator("strong").textContent())!;
  await expect(page.getByText(/^Reliée à :/)).not.toContainText(/\d{4}-\d{2}-\d{2}/);
  await page.getByRole("button", { name: "Enregistrer la demande" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Demande d'exercice de droits : accès/ })).toBeVisible();

  await page.goto("/");
  const rights = page.getByTestId("attention-rights");
  await expect(rights.getByRole("link").first()).toContainText(linked);
  await expect(page.getByTestId("retention-status")).toContainText("Prochaine exécution planifiée");
  await expect(page.getByTestId("audit-chain-status")).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await shot(page, "region-dpo-home");
  await rights.getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1, name: /Demande d'exercice de droits : accès/ })).toBeVisible();

  // The audit log, searched by the person's name: actions in words, the record by name.
  await page.goto("/rgpd");
  const lastName = linked.split(" ")[0]!;
  await page.getByLabel("Personne (demandeur d'emploi)").fill(lastName);
  await page.getByRole("button", { name: "Rechercher" }).click();
  await expect(page.getByTestId("audit-total")).toHaveText(/^[1-9]\d* événements? trouvés?\.$/);
  const table = page.getByRole("table", { name: "Journal d'audit" });
  await expect(table).toContainText(/Demande d'accès reçue le \d{2}\/\d{2}\/\d{4}/);
  await expect(table).toContainText("Demande d'exercice de droits enregistrée");
  await expect(table).toContainText(`concerne : Fiche de`);
  expect(await axeViolations(page)).toEqual([]);
  await shot(page, "region-dpo-journal");
  await expect(table).not.toContainText(/\d{4}-\d{2}-\d{2}T/);
  // The « Action » filter is a combobox of French labels, used with the keyboard only: words typed,
  // ↓ highlights, Entrée picks, a second Entrée searches; the list then holds that action only.
  const action = page.getByRole("combobox", { name: "Action" });
  // The action this test itself produced (the request above), so that it holds when run alone.
  await action.pressSequentially("demande droits enregistrée");
  const wanted = page.getByRole("option", { name: /^Demande d'exercice de droits enregistrée/ });
  await expect(wanted).toBeVisible();
  await expect(page.getByRole("listbox", { name: "Action" })).not.toContainText("rights.");
  for (let i = 0; i < 10 && (await wanted.getAttribute("aria-selected")) !== "true"; i++) await action.press("ArrowDown");
  await expect(wanted).toHaveAttribute("aria-selected", "true");
  await action.press("Enter");
  await expect(action).toHaveValue("Demande d'exercice de droits enregistrée");
  await action.press("Enter");
  await expect(page).toHaveURL(/action=rights\.created/);
  await expect(page.getByRole("combobox", { name: "Action" })).toHaveValue("Demande d'exercice de droits enregistrée");
  const actions = await table.getByRole("row").evaluateAll((rows) => rows.slice(1).map((r) => r.querySelector("td[data-label=Action]")?.textContent ?? ""));
  expect(actions.length).toBeGreaterThan(0);
  for (const a of actions) expect(a).toContain("Demande d'exercice de droits enregistrée");
  expect(await axeViolations(page)).toEqual([]);
  expect(readFileSync(`${SCREENS}/region-dpo-journal.png`).length).toBeGreaterThan(0);
});
