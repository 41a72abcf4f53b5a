// Acceptance journey of issue 6: the Lens manager submits a budget, finance sends it back, the
// manager fixes it, finance approves, signs and records the first tranche; the amount is explained.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { axeViolations } from "./support/a11y";
import { ACCOUNTS } from "./support/accounts";
import { loginViaForm } from "./support/auth";
import { labelsBrokenInWords } from "./support/stacked-table";


async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  page.on("dialog", (d) => void d.accept());
  await loginViaForm(page, email);
  await expect(page.getByTestId("home-role")).toBeVisible();
  return page;
}

/** A year with no Région file for Lens yet, so the journey can run on any seeded database. */
async function freeYear(page: Page): Promise<number> {
  const res = await page.request.get("/api/v1/subsidy-files?funder=REGION&pageSize=200");
  const { items } = (await res.json()) as { items: { year: number }[] };
  let year = new Date().getFullYear() + 1;
  while (items.some((f) => f.year === year)) year++;
  return year;
}

async function addLine(page: Page, category: string, label: string, euros: string) {
  const form = page.getByRole("form", { name: "Ajouter une ligne de budget" });
  await form.getByLabel("Catégorie de dépense").selectOption({ label: category });
  await form.getByLabel("Libellé").fill(label);
  await form.getByLabel("Montant prévu (€)").fill(euros);
  await form.getByRole("button", { name: "Ajouter la ligne" }).click();
  await expect(page.getByTestId("budget-lines")).toContainText(label);
}

async function setAmounts(page: Page, territory: string) {
  const form = page.getByRole("form", { name: "Effectif et financements" });
  await form.getByLabel("Effectif (ETP)").fill("2");
  await form.getByLabel("Montant demandé (€)").fill("100 000");
  await form.getByLabel("Cofinancement du territoire (€)").fill(territory);
  await form.getByLabel("Autres cofinancements (€)").fill("0");
  await form.getByRole("button", { name: "Enregistrer les montants" }).click();
  await expect(form.getByText("Montants enregistrés.")).toBeVisible();
}

test("dossier Région : dépôt, renvoi, correction, attribution et premier versement", async ({ browser }) => {
  test.setTimeout(180_000);
  const manager = await signedIn(browser, ACCOUNTS.managerLens.email);
  await manager.goto("/financement");
  const year = await freeYear(manager);
  await manager.getByLabel("Année").fill(String(year));
  await manager.getByLabel("Financeur").selectOption("REGION");
  await manager.getByRole("button", { name: "Ouvrir le dossier" }).click();
  await expect(manager).toHaveURL(/\/financement\/[0-9a-f-]{36}$/);
  const fileUrl = manager.url();
  await expect(manager.getByTestId("file-status")).toHaveText("Brouillon");

  // Issue 22 §4 — convention cadre art. 5: the request is refused while an element is missing, each named in French.
  const request = manager.getByRole("region", { name: "Demande annuelle (art. 5)" });
  await expect(request.getByTestId("annual-request-status")).toContainText(/manquants?/);
  await expect(request.getByTestId("annual-request-checklist")).toContainText("Description de l'opération : manquant");
  await manager.getByRole("button", { name: "Déposer la demande" }).click();
  await expect(manager.getByText(/Demande annuelle incomplète \(convention cadre art\. 5/)).toBeVisible();
  await expect(manager.getByTestId("file-status")).toHaveText("Brouillon");

  await addLine(manager, "Salaires et charges (personnel dédié 100 %)", "Deux chargés de relation entreprises", "110 000");
  await addLine(manager, "Frais de déplacement", "Déplacements sur le territoire", "15 000,00");
  await setAmounts(manager, "20 000");
  const texts = request.getByRole("form", { name: "Description et programme d'action" });
  await texts.getByLabel("Description de l'opération").fill("Deux chargés de relation entreprises à temps plein, bureau à la maison de l'emploi, un véhicule partagé.");
  await texts.getByLabel(`Programme d'action ${year}`).fill("Prospection de 400 entreprises, six réunions circuit court, animation des chefs de file.");
  await texts.getByRole("button", { name: "Enregistrer la demande annuelle" }).click();
  await expect(texts.getByText("Demande annuelle enregistrée.")).toBeVisible();
  const upload = request.getByRole("form", { name: `Joindre le bilan d'activité ${year - 1}` });
  await upload.getByLabel(/Bilan d'activité/).setInputFiles({ name: `bilan-${year - 1}.pdf`, mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n%e2e\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n") });
  await upload.getByRole("button", { name: "Joindre le bilan" }).click();
  await expect(request.getByTestId("previous-bilan")).toContainText(`bilan-${year - 1}.pdf`);
  await expect(request.getByTestId("annual-request-status")).toHaveText("Demande complète");
  expect(await axeViolations(manager)).toEqual([]);
  await request.screenshot({ path: ".data/test-results/screens/subsidy-annual-request-manager.png" });
  await expect(manager.getByTestId("amount-warnings")).toContainText("Budget non équilibré");
  await manager.getByRole("button", { name: "Déposer la demande" }).click();
  await expect(manager.getByTestId("file-status")).toHaveText("Déposé");

  const finance = await signedIn(browser, ACCOUNTS.finance.email);
  await finance.goto(fileUrl);
  // Finance reads the annual request; only the platform writes it.
  const financeRequest = finance.getByRole("region", { name: "Demande annuelle (art. 5)" });
  await expect(financeRequest).toContainText("Deux chargés de relation entreprises à temps plein");
  await expect(financeRequest.getByRole("form", { name: "Description et programme d'action" })).toHaveCount(0);
  await expect(finance.getByTestId("amount-explanation")).toContainText(/80\s%\sdes dépenses éligibles = 100\s000,00\s€/);
  await finance.getByLabel("Commentaire pour la plateforme (obligatoire)").first().fill("Budget non équilibré : la part du territoire doit couvrir 25 000 €.");
  await finance.getByRole("button", { name: "Renvoyer pour correction" }).click();
  await expect(finance.getByTestId("file-status")).toHaveText("Renvoyé pour correction");

  await manager.reload();
  await expect(manager.getByTestId("file-history")).toContainText("la part du territoire doit couvrir 25 000 €");
  await setAmounts(manager, "25 000");
  await expect(manager.getByTestId("amount-warnings")).not.toContainText("Budget non équilibré");
  await expect(manager.getByTestId("amount-warnings")).toContainText("Plafond atteint");
  await manager.getByRole("button", { name: "Déposer la demande" }).click();
  await expect(manager.getByTestId("file-status")).toHaveText("Déposé");

  await finance.reload();
  await finance.getByLabel("Numéro de délibération").fill(`CP-${year}-E2E`);
  await finance.getByLabel("Date de délibération").fill(`${year}-01-15`);
  await expect(finance.getByLabel("Montant attribué (€)")).toHaveValue("100000,00");
  await finance.getByRole("button", { name: "Attribuer la subvention" }).click();
  await expect(finance.getByTestId("file-status")).toHaveText("Attribué");
  await finance.getByLabel("Date de signature de la convention").fill(`${year}-02-01`);
  await finance.getByRole("button", { name: "Enregistrer la signature de la convention" }).click();
  await expect(finance.getByTestId("file-status")).toHaveText("Convention signée");
  await expect(finance.getByTestId("tranches")).toContainText("Subvention annuelle");

  await finance.getByLabel("Date du versement").fill(`${year}-02-20`);
  await finance.getByLabel("Référence (mandat)").fill("MANDAT-E2E-1");
  await finance.getByRole("button", { name: "Enregistrer le versement" }).click();
  // The tranche's conditions are not met (« Prévue »): the app warns and asks for a confirmation and its reason (issue 15 §4).
  await expect(finance.getByRole("alert").filter({ hasText: "Les conditions de cette tranche ne sont pas remplies (bilan d'activité de la plateforme" })).toBeVisible();
  await expect(finance.getByTestId("payments")).toHaveCount(0);
  await finance.getByLabel("Date du versement").fill(`${year}-02-20`);
  await finance.getByLabel("Référence (mandat)").fill("MANDAT-E2E-1");
  await finance.getByLabel("Je confirme ce versement malgré les conditions non remplies").check();
  await finance.getByLabel("Motif du versement").fill("Justificatifs reçus par courrier, versement validé par la direction");
  await finance.getByRole("button", { name: "Enregistrer le versement" }).click();
  await expect(finance.getByTestId("file-history")).toContainText("Versement enregistré");
  // Issue 22 §4 — cadre d'intervention §5: the tranche waited for the activity bilan; the reason is in the history.
  await expect(finance.getByTestId("file-history")).toContainText("malgré des conditions non remplies : Justificatifs reçus par courrier");
  await expect(finance.getByTestId("activity-bilan")).toContainText("Bilan d'activité de la plateforme non reçu");
  await expect(finance.getByTestId("paid-amount")).toHaveText(/100\s000,00\s€/);
  await expect(finance.getByTestId("payments")).toContainText("MANDAT-E2E-1");
  await expect(finance.getByTestId("amount-explanation")).toContainText(/Montant retenu = le plus petit des trois = 100\s000,00\s€/);
  await expect(finance.getByTestId("file-history")).toContainText("Renvoyer pour correction");

  expect(await axeViolations(finance)).toEqual([]);
  await finance.screenshot({ path: ".data/test-results/screens/subsidy-file-finance.png", fullPage: true });

  // Over-payment is refused with a clear message.
  const res = await finance.request.post(`${fileUrl.replace("/financement/", "/api/v1/subsidy-files/")}/payments`, {
    data: { amountCents: 1, paidAt: `${year}-03-01` },
    headers: { origin: new URL(fileUrl).origin },
  });
  expect(res.status()).toBe(422);
  expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/dépasserait le montant attribué/);
});

test("la liste et un dossier sont accessibles au responsable, et un autre dossier reste introuvable pour le relecteur France Travail", async ({ browser }) => {
  test.setTimeout(90_000);
  const manager = await signedIn(browser, ACCOUNTS.managerLens.email);
  await manager.goto("/financement");
  expect(await axeViolations(manager)).toEqual([]);
  const res = await manager.request.get("/api/v1/subsidy-files?funder=REGION");
  const { items } = (await res.json()) as { items: { id: string; platform: { name: string } }[] };
  expect(items.every((f) => f.platform.name === "Lens-Liévin")).toBe(true);
  await manager.goto(`/financement/${items[0]!.id}`);
  await expect(manager.getByRole("heading", { level: 1 })).toContainText("Lens-Liévin");
  expect(await axeViolations(manager)).toEqual([]);

  const reviewer = await signedIn(browser, ACCOUNTS.reviewer.email);
  const list = (await (await reviewer.request.get("/api/v1/subsidy-files")).json()) as { items: { funder: string }[] };
  expect(list.items.length).toBeGreaterThan(0);
  expect(list.items.every((f) => f.funder === "FRANCE_TRAVAIL")).toBe(true);
  const regionFile = await reviewer.request.get(`/api/v1/subsidy-files/${items[0]!.id}`);
  expect(regionFile.status()).toBe(404);
});

test("échéances financières et jeux de règles : pages accessibles, contenu invalide refusé avec le détail", async ({ browser }) => {
  test.setTimeout(90_000);
  const finance = await signedIn(browser, ACCOUNTS.finance.email);
  await finance.goto("/financement/echeances");
  await expect(finance.getByRole("heading", { level: 1 })).toHaveText("Échéances financières");
  await expect(finance.getByTestId("deadlines")).toContainText("Compte rendu financier");
  expect(await axeViolations(finance)).toEqual([]);
  const csv = await finance.request.get("/api/v1/open-data/subventions?format=csv");
  expect(csv.status()).toBe(200);
  expect((await csv.text()).split("\r\n")[0]).toBe(
    // SCDL « subventions » 2.1.1: every field of the schema, in its order (issue 15 §2).
    "nomAttribuant,idAttribuant,dateConvention,referenceDecision,nomBeneficiaire,idBeneficiaire,rnaBeneficiaire,objet,montant,nature,conditionsVersement,datesPeriodeVersement,idRAE,notificationUE,pourcentageSubvention,dispositifAide",
  );

  const admin = await signedIn(browser, ACCOUNTS.admin.email);
  await admin.goto("/administration/regles");
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Jeux de règles");
  expect(await axeViolations(admin)).toEqual([]);
  const section = admin.getByRole("region", { name: "Cadre d'intervention Région" });
  await section.getByText("Créer une nouvelle version").click();
  // The field-by-field form comes first; the JSON editor stays available as the advanced option.
  await section.getByText("Édition avancée (JSON)").click();
  const form = section.getByRole("form", { name: "Nouvelle version : Cadre d'intervention Région" });
  await form.getByLabel("En vigueur à partir du").fill("2099-01-01");
  await form.getByLabel("Motif du changement").fill("Essai d'un taux trop élevé");
  const json = form.getByLabel(/Contenu \(JSON/);
  await json.fill((await json.inputValue()).replace('"fundingRateBp": 8000', '"fundingRateBp": 9000'));
  await form.getByRole("button", { name: "Créer la version" }).click();
  await expect(form.getByText(/Taux Région \+ part minimale du territoire > 100 %/)).toBeVisible();
});

/**
 * Content cut off inside its box: descendants of `testId` whose right edge passes the box's (a table
 * column hidden in its scroll box, a figure wider than its card). Lists them as « tag: text ».
 */
async function cutOff(page: Page, testId: string): Promise<string[]> {
  return page.getByTestId(testId).first().evaluate((box) => {
    const right = box.getBoundingClientRect().right + 1;
    // Visually hidden on purpose (sr-only text, a stacked table's header row): clipped, not cut off.
    const clipped = (el: HTMLElement) => {
      for (let n: HTMLElement | null = el; n && n !== box; n = n.parentElement) if (getComputedStyle(n).clipPath !== "none") return true;
      return false;
    };
    return [...box.querySelectorAll<HTMLElement>("th, td, input, p, label, button")]
      .filter((el) => el.getBoundingClientRect().width > 0 && el.getBoundingClientRect().right > right && !clipped(el))
      .map((el) => `${el.tagName.toLowerCase()}: ${(el.textContent || (el as HTMLInputElement).name || "").trim().slice(0, 40)}`);
  });
}

/** No horizontal scroll at the current width: the page is no wider than the window. */
async function noHorizontalScroll(page: Page): Promise<{ scroll: number; inner: number }> {
  return page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
}

test("390×844 : demande annuelle (art. 5), produits, annexe qualitative et indicateurs d'un dossier Région tiennent dans la largeur", async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const manager = await context.newPage();
  await loginViaForm(manager, ACCOUNTS.managerLens.email);
  await expect(manager.getByTestId("home-role")).toBeVisible();

  // A fresh draft: the annual request in its editable form, and the « prochaine étape » that points to it.
  await manager.goto("/financement");
  const year = await freeYear(manager);
  await manager.getByLabel("Année").fill(String(year));
  await manager.getByLabel("Financeur").selectOption("REGION");
  await manager.getByRole("button", { name: "Ouvrir le dossier" }).click();
  await expect(manager).toHaveURL(/\/financement\/[0-9a-f-]{36}$/);
  const step = manager.getByTestId("next-step");
  await expect(step).toContainText("« Demande annuelle (art. 5) »");
  await expect(step).toContainText("il manque : description de l'opération");
  await expect(step.getByTestId("next-step-then")).toContainText("date de réception du bilan d'activité");
  const request = manager.getByRole("region", { name: "Demande annuelle (art. 5)" });
  await expect(request.getByRole("form", { name: "Description et programme d'action" })).toBeVisible();
  const draftWidth = await noHorizontalScroll(manager);
  expect(draftWidth.scroll, "brouillon : défilement horizontal").toBeLessThanOrEqual(draftWidth.inner);
  expect(await axeViolations(manager)).toEqual([]);
  await manager.screenshot({ path: ".data/test-results/screens/phone-390-subsidy-draft-annual-request.png", fullPage: true });

  // The signed convention of the year (seeded): products, qualitative annex and the convention's indicators.
  const thisYear = new Date().getFullYear();
  const { items } = (await (await manager.request.get(`/api/v1/subsidy-files?funder=REGION&year=${thisYear}`)).json()) as { items: { id: string; status: string }[] };
  const signed = items.find((f) => f.status === "SIGNED")!;
  await manager.goto(`/financement/${signed.id}`);
  await expect(manager.getByTestId("report-products")).toBeVisible();
  await expect(manager.getByTestId("qualitative-annex")).toBeVisible();
  await expect(manager.getByTestId("convention-indicators")).toBeVisible();
  await expect(manager.getByRole("region", { name: "Demande annuelle (art. 5)" })).toBeVisible();
  const signedWidth = await noHorizontalScroll(manager);
  expect(signedWidth.scroll, "convention signée : défilement horizontal").toBeLessThanOrEqual(signedWidth.inner);
  for (const id of ["report-products", "qualitative-annex", "convention-indicators"]) {
    const box = (await manager.getByTestId(id).boundingBox())!;
    expect(box.x + box.width, `${id} dépasse la fenêtre`).toBeLessThanOrEqual(390);
    // Nothing hidden sideways inside the panel either (a column, a target input off-screen in its scroll box).
    expect.soft(await cutOff(manager, id), `${id} : contenu coupé`).toEqual([]);
  }
  // The products' cards name each figure; no name breaks inside a word.
  const labels = await labelsBrokenInWords(manager);
  expect(labels.labelled, "produits : cellules étiquetées").toBeGreaterThan(0);
  expect(labels.broken, "produits : libellés coupés au milieu d'un mot").toEqual([]);
  // The summary's figures fit their cards (« 100 000,00 € » does not wrap).
  for (const card of await manager.getByTestId("file-summary").locator("li > div").all()) {
    const fits = await card.evaluate((el) => {
      const style = getComputedStyle(el);
      const inner = el.getBoundingClientRect().right - parseFloat(style.paddingRight) - parseFloat(style.borderRightWidth) + 0.5;
      return [...el.querySelectorAll("p")].every((p) => p.getBoundingClientRect().right <= inner);
    });
    expect.soft(fits, `carte de synthèse : ${await card.textContent()}`).toBe(true);
  }
  expect(await axeViolations(manager)).toEqual([]);
  await manager.screenshot({ path: ".data/test-results/screens/phone-390-subsidy-signed-report.png", fullPage: true });
  for (const id of ["report-products", "qualitative-annex", "convention-indicators"]) {
    await manager.getByTestId(id).screenshot({ path: `.data/test-results/screens/phone-390-subsidy-${id}.png` });
  }
  await context.close();
});
