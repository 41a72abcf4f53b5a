// Issue 23, on a phone (390×844): a company leaves a request on the public page « Vous recrutez ? »
// without an account; the Lens-Liévin assistant finds it at the top of « Ma journée » and converts
// it (its contact enters the company's record). Both public pages are axe-clean.
import { expect, test } from "@playwright/test";
import { axeViolations } from "../support/a11y";
import { ACCOUNTS } from "../support/accounts";
import { loginViaForm } from "../support/auth";

test.use({ viewport: { width: 390, height: 844 } });

/** A random SIRET with a valid Luhn key (not a real establishment: the company is created). */
function randomSiret(): string {
  for (;;) {
    const digits = Array.from({ length: 14 }, (_, i) => (i === 0 ? 1 + Math.floor(Math.random() * 9) : Math.floor(Math.random() * 10)));
    const sum = digits.reduce((s, d, i) => {
      const v = i % 2 === 0 ? d * 2 : d;
      return s + (v > 9 ? v - 9 : v);
    }, 0);
    if (sum % 10 === 0) return digits.join("");
  }
}

test("les deux pages publiques sont accessibles sur téléphone (axe)", async ({ page }) => {
  for (const [path, title] of [["/vous-recrutez", "Vous recrutez ?"], ["/vous-cherchez-un-emploi", "Vous cherchez un emploi ?"]] as const) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    // Phone first: the numéro vert is a tap-to-call link; the notice is shown before sending.
    await expect(page.getByRole("link", { name: /0 800/ })).toHaveAttribute("href", /^tel:/);
    await expect(page.getByTestId("intake-notice")).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await axeViolations(page)).toEqual([]);
  }
});

test("une entreprise dépose une demande ; l'assistante de Lens la voit en tête de « Ma journée » et l'enregistre", async ({ page, browser }) => {
  const name = `Transports E2E ${Date.now().toString(36)}`;
  await page.goto("/vous-recrutez");
  await page.getByLabel("SIRET de l'établissement").fill(randomSiret());
  await page.getByLabel("Nom de l'entreprise").fill(name);
  await page.getByLabel("Prénom").fill("Anne");
  await page.getByLabel("Nom", { exact: true }).fill("Delattre");
  await page.getByLabel("Fonction").fill("Gérante");
  await page.getByRole("combobox", { name: "Commune" }).fill("Liévin");
  await page.getByRole("option", { name: /Liévin/ }).first().click();
  await page.getByLabel("Téléphone professionnel").fill("06 12 34 56 78");
  await page.getByLabel("Votre besoin en quelques mots").fill("Deux chauffeurs poids lourd en CDI");
  await page.getByLabel("Quand préférez-vous être rappelé ?").selectOption("MATIN");
  await page.getByRole("button", { name: "Envoyer ma demande" }).click();
  await expect(page).toHaveURL(/\/demande-envoyee$/);
  await expect(page.getByTestId("intake-ack")).toContainText("bien reçue");
  // The acknowledgement reveals nothing of what was stored.
  await expect(page.getByTestId("intake-ack")).not.toContainText("Delattre");
  expect(await axeViolations(page)).toEqual([]);

  const staff = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await loginViaForm(staff, ACCOUNTS.assistantLens.email);
  await expect(staff.getByRole("heading", { name: "Ma journée" })).toBeVisible();
  const intake = staff.getByTestId("day-intake");
  await expect(intake).toBeVisible();
  // At the top of « Ma journée »: before the callbacks due.
  const [intakeBox, callbacksBox] = [await intake.boundingBox(), await staff.getByTestId("day-callbacks").boundingBox()];
  expect(intakeBox!.y).toBeLessThan(callbacksBox!.y);
  await intake.getByRole("link", { name: new RegExp(name) }).click();
  await expect(staff.getByRole("heading", { level: 1 })).toHaveText(`Demande en ligne : ${name}`);
  await expect(staff.getByText("Deux chauffeurs poids lourd en CDI")).toBeVisible();
  await expect(staff.getByRole("link", { name: "Ouvrir le rappel (formulaire en ligne)" })).toBeVisible();
  await staff.getByRole("button", { name: "Enregistrer le contact dans la fiche entreprise" }).click();
  await expect(staff).toHaveURL(/\/entreprises\/[0-9a-f-]{36}$/);
  await expect(staff.getByText("Delattre").first()).toBeVisible();
  // Converted: it left the queue of « Ma journée ».
  await staff.goto("/");
  await expect(staff.getByTestId("day-callbacks")).toBeVisible();
  await expect(staff.getByTestId("day-intake").getByRole("link", { name: new RegExp(name) })).toHaveCount(0);
  await staff.close();
});

test("commune hors de tout périmètre : le numéro vert s'affiche et le formulaire garde ce que la personne a saisi", async ({ page }) => {
  await page.goto("/vous-cherchez-un-emploi");
  await page.getByLabel("Prénom").fill("Léa");
  await page.getByLabel("Nom", { exact: true }).fill("Vasseur");
  // Arras: in the INSEE reference, outside the three demo platforms' perimeters.
  await page.getByRole("combobox", { name: "Commune" }).fill("Arras");
  await page.getByRole("option", { name: /^Arras \(62000\)/ }).click();
  await page.getByLabel("Téléphone", { exact: true }).fill("06 21 43 65 87");
  await page.getByLabel("Ce que vous cherchez").fill("Un poste de secrétaire médicale");
  await page.getByLabel("Quand préférez-vous être rappelé ?").selectOption("APRES_MIDI");
  await page.getByRole("button", { name: "Envoyer ma demande" }).click();
  await expect(page.getByTestId("intake-outside")).toContainText("0 800");
  await expect(page.getByTestId("intake-outside")).toContainText("n'a pas été enregistrée");
  await expect(page).toHaveURL(/\/vous-cherchez-un-emploi$/);
  // Nothing typed is lost: the person can call, or correct the commune and send again.
  await expect(page.getByLabel("Prénom")).toHaveValue("Léa");
  await expect(page.getByLabel("Nom", { exact: true })).toHaveValue("Vasseur");
  await expect(page.getByRole("combobox", { name: "Commune" })).toHaveValue(/^Arras/);
  await expect(page.getByLabel("Téléphone", { exact: true })).toHaveValue("06 21 43 65 87");
  await expect(page.getByLabel("Ce que vous cherchez")).toHaveValue("Un poste de secrétaire médicale");
  await expect(page.getByLabel("Quand préférez-vous être rappelé ?")).toHaveValue("APRES_MIDI");
  expect(await axeViolations(page)).toEqual([]);
});
