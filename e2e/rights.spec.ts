import { expect, test, type Page } from "@playwright/test";
import { axeViolations } from "./support/a11y";
import { ACCOUNTS } from "./support/accounts";
import { loginViaForm } from "./support/auth";

/** A datetime-local value `hours` before now, in the browser's time zone. */
async function localInputHoursAgo(page: Page, hours: number): Promise<string> {
  return page.evaluate((h) => {
    const d = new Date(Date.now() - h * 3_600_000);
    const pad = (n: number) => String(n).padStart(2, "0");
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
  }, hours);
}

test("la DPO enregistre une demande d'accès et ouvre le document des données détenues", async ({ page }) => {
  await loginViaForm(page, ACCOUNTS.dpo.email);
  await expect(page.getByTestId("home-role")).toBeVisible();
  await page.getByRole("link", { name: "Droits des personnes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Demandes d'exercice de droits" })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  await page.getByRole("link", { name: "Enregistrer une demande" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Enregistrer une demande d'exercice de droits" })).toBeVisible();
  await page.getByLabel("Droit exercé").selectOption("ACCESS");
  await page.getByLabel("Qui fait la demande").fill("La personne elle-même, par courrier signé");
  await page.getByLabel("Reçue par").selectOption("COURRIER");
  await page.getByLabel("Reçue le (date et heure)").fill(await localInputHoursAgo(page, 2));
  await page.getByLabel("Nom, prénom, e-mail ou identifiant France Travail").fill("courriel");
  await page.getByRole("button", { name: "Rechercher la personne" }).click();
  const firstMatch = page.getByRole("group", { name: /Personne concernée/ }).getByRole("listitem").getByRole("button").first();
  await expect(firstMatch).toBeVisible();
  await firstMatch.click();
  await expect(page.getByText(/^Reliée à :/)).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole("button", { name: "Enregistrer la demande" }).click();

  await expect(page.getByRole("heading", { level: 1, name: /Demande d'exercice de droits : accès/ })).toBeVisible();
  // The clocks are countdowns in words (not colour only): forwarding within 72 h, answer within 30 days.
  await expect(page.getByTestId("countdown").filter({ hasText: "Transmission au responsable de traitement : reste 2 j" })).toBeVisible();
  await expect(page.getByTestId("countdown").filter({ hasText: /Réponse à la personne : reste (29|30) j/ })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  const [doc] = await Promise.all([page.context().waitForEvent("page"), page.getByRole("link", { name: "Document des données détenues (imprimable)" }).click()]);
  await doc.waitForLoadState();
  await expect(doc.getByRole("heading", { level: 1, name: "Données personnelles détenues sur vous" })).toBeVisible();
  await expect(doc.getByRole("rowheader", { name: "Nom", exact: true })).toBeVisible();
  await expect(doc.getByRole("heading", { level: 2, name: /Accès et modifications \(journal d'audit\)/ })).toBeVisible();
  expect(await axeViolations(doc)).toEqual([]);
  await doc.close();

  // The list shows it with its next deadline.
  await page.getByRole("link", { name: "Demandes d'exercice de droits" }).first().click();
  await expect(page.getByRole("cell", { name: "La personne elle-même, par courrier signé" }).first()).toBeVisible();
});

test("la DPO enregistre une violation de données et voit le compte à rebours de 36 heures", async ({ page }) => {
  await loginViaForm(page, ACCOUNTS.dpo.email);
  await expect(page.getByTestId("home-role")).toBeVisible();
  await page.getByRole("link", { name: "Violations de données" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Registre des violations de données" })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  await page.getByRole("link", { name: "Enregistrer une violation" }).click();
  await page.getByLabel("Détectée le (date et heure)").fill(await localInputHoursAgo(page, 2));
  await page.getByLabel("Nature de la violation").fill("Envoi par erreur d'une liste de bénéficiaires à un partenaire");
  await page.getByLabel("Catégories de données concernées").fill("identité, coordonnées");
  await page.getByLabel("Catégories de personnes concernées").fill("demandeurs d'emploi");
  await page.getByLabel("Nombre approximatif de personnes").fill("25");
  await page.getByLabel("Nombre approximatif d'enregistrements").fill("25");
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole("button", { name: "Enregistrer la violation" }).click();

  await expect(page.getByRole("heading", { level: 1, name: /^Violation détectée le / })).toBeVisible();
  // 36 hours from detection, 2 hours ago: about 34 hours left.
  await expect(page.getByTestId("countdown").first()).toContainText(/Délai de notification : reste 1 j 9 h|Délai de notification : reste 1 j 10 h/);
  expect(await axeViolations(page)).toEqual([]);

  await page.getByRole("link", { name: "Violations" }).first().click();
  await expect(page.getByRole("cell", { name: /Envoi par erreur d'une liste/ }).first()).toBeVisible();
  const xlsx = await page.request.get("/api/v1/breaches/export?format=xlsx");
  expect(xlsx.status()).toBe(200);
  expect(xlsx.headers()["content-type"]).toContain("spreadsheetml");
});

test("le registre des traitements se lit et s'exporte ; une assistante n'y a pas accès", async ({ page, browser }) => {
  await loginViaForm(page, ACCOUNTS.dpo.email);
  await expect(page.getByTestId("home-role")).toBeVisible();
  await page.getByRole("link", { name: "Registre des traitements" }).click();
  await expect(page.getByRole("heading", { level: 2, name: /Durées de conservation/ })).toBeVisible();
  await expect(page.getByText(/Demandeurs d'emploi : destruction \d+ mois après le dernier contact/)).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  expect((await page.request.get("/api/v1/processing-register?format=html")).status()).toBe(200);

  const other = await browser.newPage();
  await loginViaForm(other, ACCOUNTS.assistantLens.email);
  await expect(other.getByTestId("home-role")).toBeVisible();
  // Issue 22: a platform (processor) follows the requests and breaches of its own platform, but the
  // register, and carrying out a request, stay with the DPO.
  expect((await other.request.get("/api/v1/processing-register?format=html")).status()).toBe(403);
  const own = (await (await other.request.get("/api/v1/rights-requests")).json()) as { items: { platform: string | null }[] };
  expect(own.items.every((i) => i.platform === "Lens-Liévin")).toBe(true);
  expect((await other.request.get("/api/v1/breaches")).status()).toBe(200);
  await other.close();
});
