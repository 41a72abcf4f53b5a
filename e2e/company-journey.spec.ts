import { expect, test, type Page } from "@playwright/test";
import { axeViolations } from "./support/a11y";
import { ACCOUNTS } from "./support/accounts";
import { loginViaForm } from "./support/auth";
import { tabTo } from "./support/keyboard";

test("une assistante enregistre une visite puis crée une offre du marché caché, au clavier seulement", async ({ page }) => {
  test.setTimeout(120_000);
  await loginViaForm(page, ACCOUNTS.assistantLens.email);
  await expect(page.getByTestId("home-role")).toBeVisible();
  await page.goto("/entreprises?sort=name");

  const firstCompany = page.getByRole("table").getByRole("row").nth(1).getByRole("link").first();
  const companyName = (await firstCompany.textContent())!.trim();
  await tabTo(page, firstCompany);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(companyName);

  await tabTo(page, page.getByRole("link", { name: "Nouvelle visite" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nouvelle visite");
  await tabTo(page, page.getByLabel("Objet de la visite"));
  await page.keyboard.type("Point recrutement logistique");
  await tabTo(page, page.getByRole("checkbox", { name: "Recrutement" }));
  await page.keyboard.press("Space");
  await tabTo(page, page.getByRole("button", { name: "Ajouter une action de suivi" }));
  await page.keyboard.press("Enter");
  await tabTo(page, page.getByLabel("Intitulé de l'action 1", { exact: true }));
  await page.keyboard.type("Envoyer trois profils");
  await tabTo(page, page.getByRole("button", { name: "Enregistrer la visite" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Visite du`);
  await expect(page.getByText("Envoyer trois profils", { exact: true })).toBeVisible();

  await tabTo(page, page.getByRole("link", { name: "Créer une offre depuis cette visite" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nouvelle offre issue de la visite");
  await tabTo(page, page.getByLabel("Intitulé du poste"));
  await page.keyboard.type("Cariste d'entrepôt");
  await tabTo(page, page.getByRole("combobox", { name: /Métier \(code ROME\)/ }));
  await page.keyboard.type("N1101");
  await expect(page.getByRole("option", { name: /^N1101 — / })).toBeVisible();
  await page.keyboard.press("Enter");
  await tabTo(page, page.getByRole("checkbox", { name: /Marché caché/ }));
  await page.keyboard.press("Space");
  await tabTo(page, page.getByRole("button", { name: "Créer l'offre" }));
  await page.keyboard.press("Enter");

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Cariste d'entrepôt");
  await expect(page.getByTestId("offer-status")).toContainText("Ouverte");
  await expect(page.getByTestId("offer-status")).toContainText("marché caché");
  await expect(page.getByRole("link", { name: "voir la visite" })).toBeVisible();
  await page.screenshot({ path: ".data/test-results/screens/offer-from-visit.png", fullPage: true });
});

test("un formulaire invalide affiche des erreurs en français sur les champs, sans rien enregistrer", async ({ page }) => {
  await loginViaForm(page, ACCOUNTS.assistantLens.email);
  await expect(page.getByTestId("home-role")).toBeVisible();
  await page.goto("/entreprises/nouvelle");
  await page.getByLabel("SIRET (14 chiffres)").fill("12345678901234");
  await page.getByRole("button", { name: "Créer l'entreprise" }).click();
  await expect(page.getByText("Ce SIRET n'est pas valide (clé de contrôle incorrecte).")).toBeVisible();
  await expect(page.getByText("Raison sociale : champ obligatoire.")).toBeVisible();
  await expect(page).toHaveURL(/\/entreprises\/nouvelle$/);
});

test("une assistante d'Amiens reçoit 404 pour une entreprise de Lens, à l'écran comme par l'API", async ({ browser }) => {
  const lens = await browser.newPage();
  await loginViaForm(lens, ACCOUNTS.assistantLens.email);
  await expect(lens.getByTestId("home-role")).toBeVisible();
  const list = (await (await lens.request.get("/api/v1/companies?pageSize=1")).json()) as { items: { id: string }[] };
  const lensCompany = list.items[0]!.id;

  const amiens = await browser.newPage();
  await loginViaForm(amiens, ACCOUNTS.assistantAmiens.email);
  await expect(amiens.getByTestId("home-role")).toBeVisible();
  const res = await amiens.goto(`/entreprises/${lensCompany}`);
  expect(res?.status()).toBe(404);
  await expect(amiens.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
  const api = await amiens.request.get(`/api/v1/companies/${lensCompany}`);
  expect(api.status()).toBe(404);
  expect(((await api.json()) as { error: { code: string } }).error.code).toBe("NOT_FOUND");
  expect((await amiens.request.get(`/api/v1/companies/${lensCompany}/contacts`)).status()).toBe(404);
});

async function firstCompanyId(page: Page): Promise<string> {
  await page.goto("/entreprises");
  const href = await page.getByRole("table").getByRole("row").nth(1).getByRole("link").first().getAttribute("href");
  return href!.split("/").pop()!;
}

test.describe("axe : aucune violation grave ou critique", () => {
  test.beforeEach(async ({ page }) => {
    test.setTimeout(60_000);
    await loginViaForm(page, ACCOUNTS.assistantLens.email);
    await expect(page.getByTestId("home-role")).toBeVisible();
  });

  test("liste des entreprises", async ({ page }) => {
    await page.goto("/entreprises");
    expect(await axeViolations(page)).toEqual([]);
  });

  test("fiche entreprise", async ({ page }) => {
    await page.goto(`/entreprises/${await firstCompanyId(page)}`);
    expect(await axeViolations(page)).toEqual([]);
  });

  test("formulaire de visite", async ({ page }) => {
    await page.goto(`/visites/nouvelle?entreprise=${await firstCompanyId(page)}`);
    expect(await axeViolations(page)).toEqual([]);
  });

  test("formulaire d'offre", async ({ page }) => {
    await page.goto(`/offres/nouvelle?entreprise=${await firstCompanyId(page)}`);
    expect(await axeViolations(page)).toEqual([]);
  });

  test("liste des offres", async ({ page }) => {
    await page.goto("/offres");
    expect(await axeViolations(page)).toEqual([]);
  });
});
