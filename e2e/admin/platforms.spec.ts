import { expect, test } from "@playwright/test";
import { axeViolations } from "../support/a11y";
import { ACCOUNTS } from "../support/accounts";
import { loginViaForm } from "../support/auth";

test("l'admin ouvre la fiche d'une plateforme et le formulaire de création, qui explique ses erreurs en français", async ({ page }) => {
  // The form lists the ~90 EPCIs of the Région: axe takes a while on a loaded machine (three runs here).
  test.setTimeout(180_000);
  await loginViaForm(page, ACCOUNTS.admin.email);
  await expect(page.getByTestId("home-role")).toBeVisible();
  await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Plateformes" }).click();
  await page.getByRole("link", { name: "Amiénois" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Amiénois");
  await expect(page.getByText(/Population \(INSEE\)/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Périmètre" })).toBeVisible();
  // Communes by name and postcode, not by INSEE code (Amiens is 80021).
  await expect(page.getByText(/Amiens \(800\d\d\)/)).toBeVisible();
  await expect(page.getByText("(80021)")).toHaveCount(0);

  await page.goto("/plateformes/nouvelle");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Créer une plateforme");
  expect(await axeViolations(page)).toEqual([]);
  await page.getByLabel("Nom de la plateforme").fill("Plateforme d'essai");
  await page.getByLabel("Structure porteuse", { exact: true }).fill("Association d'essai");
  await page.getByLabel("SIRET de la structure porteuse").fill("12345678901234");
  await page.getByRole("button", { name: "Créer la plateforme" }).click();
  await expect(page.getByText("Ce SIRET n'est pas valide (clé de contrôle).")).toBeVisible();
  await expect(page.getByText("Choisissez au moins un EPCI ou une commune.")).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  // Communes outside the ticked EPCIs: found by name or postcode, shown « Liévin (62800) », never typed as INSEE codes.
  const communes = page.getByRole("combobox", { name: "Communes hors EPCI cochés" });
  await communes.fill("lievin");
  await expect(page.getByRole("option", { name: /^Liévin \(62800\)/ })).toBeVisible();
  await communes.press("Enter");
  await communes.fill("62300");
  await expect(page.getByRole("option", { name: /^Lens \(62300\)/ })).toBeVisible();
  await communes.press("Enter");
  const chosen = page.getByRole("list", { name: "Communes hors EPCI cochés : choix" });
  await expect(chosen.getByRole("listitem")).toHaveText([/Liévin \(62800\)/, /Lens \(62300\)/]);
  await expect(page.locator('input[type=hidden][name="communeCodes"]')).toHaveValue("62510,62498");
  await page.getByRole("button", { name: "Créer la plateforme" }).click();
  await expect(page.getByText("Ce SIRET n'est pas valide (clé de contrôle).")).toBeVisible();
  await expect(page.getByText("Choisissez au moins un EPCI ou une commune.")).toHaveCount(0);
  await expect(chosen.getByRole("listitem")).toHaveCount(2);
  expect(await axeViolations(page)).toEqual([]);
});

test("un·e responsable voit sa seule plateforme, sans bouton de modification", async ({ page }) => {
  await loginViaForm(page, ACCOUNTS.managerLens.email);
  await expect(page.getByTestId("home-role")).toBeVisible();
  await page.goto("/plateformes");
  await expect(page.getByRole("link", { name: "Lens-Liévin" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Amiénois" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Créer une plateforme" })).toHaveCount(0);
  expect((await page.request.get("/plateformes/nouvelle")).status()).toBe(403);
});
