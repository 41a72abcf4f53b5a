// An assistant records a chef de file métier, edits the fiche, then deletes it after confirming.
import { expect, test } from "@playwright/test";
import { ACCOUNTS } from "../support/accounts";
import { loginViaForm } from "../support/auth";

test("une assistante enregistre, modifie puis supprime un chef de file", async ({ page }) => {
  await loginViaForm(page, ACCOUNTS.assistantLens.email);
  await expect(page.getByTestId("home-role")).toBeVisible();
  await page.goto("/chefs-de-file/nouveau");
  await page.getByLabel("Prénom").fill("Hortense");
  await page.getByLabel("Nom", { exact: true }).fill("Vandamme-E2E");
  await page.getByLabel("Fonction").fill("DRH");
  await page.getByLabel("Filière").fill("Logistique");
  await page.getByLabel("E-mail professionnel").fill("h.vandamme@exemple-logistique.fr");
  // The company: a combobox searching the server (no list of every company).
  const company = page.getByRole("combobox", { name: "Entreprise" });
  await company.fill("lo");
  await expect(page.getByRole("option").first()).toBeVisible();
  const picked = (await page.getByRole("option").first().locator("span").first().textContent())!.trim();
  await company.press("Enter");
  await expect(company).toHaveValue(picked);
  await page.getByLabel("Engagements").fill("Accueillir un circuit court par semestre");
  await page.getByRole("button", { name: "Enregistrer le chef de file" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hortense Vandamme-E2E");
  await expect(page.getByText("Accueillir un circuit court par semestre")).toBeVisible();
  await expect(page.getByText("Aucune participation enregistrée.")).toBeVisible();

  await page.getByRole("link", { name: "Modifier" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Modifier/);
  await page.getByLabel("Engagements").fill("Parrainer deux jeunes par an");
  await page.getByRole("button", { name: "Enregistrer les modifications" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hortense Vandamme-E2E");
  await expect(page.getByText("Parrainer deux jeunes par an")).toBeVisible();

  await page.goto("/chefs-de-file?q=Vandamme-E2E");
  await expect(page.getByRole("row").filter({ hasText: "Logistique" })).toHaveCount(1);

  await page.getByRole("link", { name: "Hortense Vandamme-E2E" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hortense Vandamme-E2E");
  // Declining the confirmation keeps the fiche; accepting deletes it.
  page.once("dialog", (d) => void d.dismiss());
  await page.getByRole("button", { name: "Supprimer ce chef de file" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hortense Vandamme-E2E");
  page.once("dialog", (d) => {
    expect(d.message()).toContain("irréversible");
    void d.accept();
  });
  await page.getByRole("button", { name: "Supprimer ce chef de file" }).click();
  await expect(page).toHaveURL(/\/chefs-de-file$/);
  await page.goto("/chefs-de-file?q=Vandamme-E2E");
  await expect(page.getByText("Aucun chef de file ne correspond à ces critères.")).toBeVisible();
});
