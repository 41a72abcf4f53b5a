// « Prospection »: an assistant opens the ranked list of the register's establishments, plans a visit from
// the first suggestion and finds the company created with the register's data.
import { axeViolations } from "./support/a11y";
import { expect, test } from "@playwright/test";
import { ACCOUNTS } from "./support/accounts";
import { loginViaForm } from "./support/auth";


test("une assistante planifie une visite depuis la première suggestion de prospection", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await loginViaForm(page, ACCOUNTS.assistantLens.email);
  await expect(page.getByTestId("home-role")).toBeVisible();
  await page.getByRole("link", { name: "Prospection" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Prospection — Lens-Liévin");
  await expect(page.getByText(/Répertoire SIRENE chargé le/)).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath("prospection-1366.png"), fullPage: false });

  const first = page.getByTestId("prospect").first();
  const name = (await first.getByRole("heading", { level: 2 }).textContent())!.replace(/^\s*1\.\s*/, "").trim();
  const details = (await first.textContent())!;
  const siret = /SIRET (\d{3} \d{3} \d{3} \d{5})/.exec(details)![1]!;
  await expect(first.getByText(/^Pourquoi : /)).toBeVisible();

  // « Écarter » opens its reason field; cancelled here.
  await first.getByRole("button", { name: `Écarter : ${name}` }).click();
  await expect(first.getByLabel(/Pourquoi l'écarter/)).toBeFocused();
  await first.getByRole("button", { name: "Annuler" }).click();

  await first.getByRole("button", { name: `Planifier une visite : ${name}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nouvelle visite");
  await page.getByRole("link", { name }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByText(siret)).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  // Followed now: the establishment left the prospecting list.
  await page.goto("/prospection");
  await expect(page.getByTestId("prospect").first().getByRole("heading", { level: 2 })).not.toContainText(name);
});

test("le filtre « Secteur » cherche les activités NAF par mots et les montre en clair, jamais un code à taper", async ({ page }) => {
  test.setTimeout(90_000);
  await loginViaForm(page, ACCOUNTS.assistantLens.email);
  await expect(page.getByTestId("home-role")).toBeVisible();
  await page.goto("/prospection");
  const sector = page.getByRole("combobox", { name: "Secteur d'activité (NAF)" });
  await sector.fill("restauration");
  const division = page.getByRole("option", { name: /^56 — Restauration/ });
  await expect(division).toBeVisible();
  await expect(page.getByRole("option", { name: /^56\.10A — Restauration traditionnelle/ })).toBeVisible();
  await division.click();
  await expect(sector).toHaveValue("56 — Restauration");
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/secteur=56(&|$)/);
  await expect(page.getByRole("combobox", { name: "Secteur d'activité (NAF)" })).toHaveValue("56 — Restauration");
  const cards = await page.getByTestId("prospect").allTextContents();
  expect(cards.length).toBeGreaterThan(0);
  for (const c of cards) expect(c).toMatch(/56\.\d\d[A-Z] — /);
  expect(await axeViolations(page)).toEqual([]);
});

test("au téléphone (390 px), la liste de prospection tient dans la largeur", async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await loginViaForm(page, ACCOUNTS.assistantLens.email);
  await expect(page.getByTestId("home-role")).toBeVisible();
  await page.goto("/prospection");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Prospection — Lens-Liévin");
  await page.screenshot({ path: testInfo.outputPath("prospection-390.png"), fullPage: false });
  // The list itself never overflows (the shell's own phone layout is issue 14's).
  const overflow = await page.getByTestId("prospect").first().evaluate((el) => el.scrollWidth > el.clientWidth);
  expect(overflow).toBe(false);
});

test("le formulaire entreprise se remplit depuis le répertoire SIRENE, et signale une entreprise déjà suivie", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await loginViaForm(page, ACCOUNTS.assistantLens.email);
  await expect(page.getByTestId("home-role")).toBeVisible();
  // An establishment of the territory not followed yet: the second suggestion (the first is another spec's).
  await page.goto("/prospection");
  const card = page.getByTestId("prospect").nth(1);
  const name = (await card.getByRole("heading", { level: 2 }).textContent())!.replace(/^\s*\d+\.\s*/, "").trim();
  const siret = /SIRET (\d{3} \d{3} \d{3} \d{5})/.exec((await card.textContent())!)![1]!.replace(/\s/g, "");

  await page.goto("/entreprises/nouvelle");
  const search = page.getByRole("combobox", { name: "Chercher dans le répertoire SIRENE" });
  await search.fill(siret.slice(0, 9));
  await page.getByRole("option", { name: new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")) }).first().click();
  await expect(page.getByText(/Formulaire rempli avec le répertoire SIRENE/)).toBeVisible();
  await expect(page.getByLabel(/^SIRET/)).toHaveValue(siret);
  await expect(page.getByLabel(/^Raison sociale/)).toHaveValue(name);
  await expect(page.getByRole("combobox", { name: "Commune" })).not.toHaveValue("");
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath("entreprise-depuis-sirene-1366.png"), fullPage: true });
  await page.getByRole("button", { name: "Créer l'entreprise" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);

  // Typed by hand in the SIRET field, the same establishment is now « déjà suivie »: its record is offered.
  await page.goto("/entreprises/nouvelle");
  await page.getByLabel(/^SIRET/).fill(siret);
  await expect(page.getByText(/déjà suivie par la plateforme/)).toBeVisible();
  await page.getByRole("link", { name: "Ouvrir sa fiche" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
});
