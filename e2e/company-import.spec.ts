import { expect, test } from "@playwright/test";
import { ACCOUNTS } from "./support/accounts";
import { loginViaForm } from "./support/auth";

// Luhn-valid SIRETs that the demo seed does not use (prefix 9).
function luhnKey(body: string): string {
  for (let k = 0; k <= 9; k++) {
    const s = body + k;
    let sum = 0;
    for (let i = 0; i < s.length; i++) {
      let d = Number(s[s.length - 1 - i]);
      if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      sum += d;
    }
    if (sum % 10 === 0) return s;
  }
  throw new Error("no key");
}

test("le responsable importe un CSV, voit la progression et le bilan, puis annule l'import", async ({ page }) => {
  const csv = [
    "SIRET;Raison sociale;Code INSEE;Nom contact;E-mail",
    `${luhnKey("9000000000001")};Atelier Import Un;62498;Leroy;a.leroy@atelier.fr`,
    `${luhnKey("9000000000002")};Atelier Import Deux;62510;;`,
    "123;Ligne fausse;62498;;",
  ].join("\n");
  await loginViaForm(page, ACCOUNTS.managerLens.email);
  await expect(page.getByTestId("home-role")).toBeVisible();
  await page.goto("/entreprises/import");
  // The file input speaks French (components/ui/file-input.tsx), not the browser's « Choose File »;
  // it is still the real input that is labelled, reached by Tab and given the file.
  const file = page.getByLabel(/Fichier CSV ou Excel/);
  await expect(page.getByText("Choisir un fichier")).toBeVisible();
  await expect(file).toHaveAccessibleDescription("Aucun fichier choisi");
  await page.keyboard.press("Tab");
  for (let i = 0; i < 40 && !(await file.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(file).toBeFocused();
  await file.setInputFiles({ name: "entreprises.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
  await expect(file).toHaveAccessibleDescription("entreprises.csv");
  await page.screenshot({ path: ".data/test-results/screens/import-fichier.png" });
  await page.getByRole("button", { name: "Analyser le fichier" }).click();
  await expect(page.getByTestId("import-summary")).toContainText("3 ligne(s) lue(s) : 2 prête(s) à importer, 1 en erreur");
  await expect(page.getByTestId("import-errors")).toContainText("Ligne 4 — siret : Le SIRET compte exactement 14 chiffres.");
  await page.getByRole("button", { name: /Lancer l'import/ }).click();
  await expect(page.getByTestId("import-report")).toContainText("2 entreprise(s) créée(s), 0 mise(s) à jour, 0 ignorée(s), 1 ligne(s) en erreur");

  await expect(page.getByText(/entreprises\.csv : 2 créée\(s\)/)).toBeVisible();
  const api = (await (await page.request.get("/api/v1/companies?q=atelier%20import")).json()) as { total: number };
  expect(api.total).toBe(2);

  page.on("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "Annuler cet import" }).click();
  await expect(page.getByText(/entreprises\.csv : 2 créée\(s\).*annulé/)).toBeVisible();
  const after = (await (await page.request.get("/api/v1/companies?q=atelier%20import")).json()) as { total: number };
  expect(after.total).toBe(0);
});

test("un fichier qui n'est ni CSV ni XLSX est refusé avec un message clair", async ({ page }) => {
  await loginViaForm(page, ACCOUNTS.assistantLens.email);
  await expect(page.getByTestId("home-role")).toBeVisible();
  await page.goto("/entreprises/import");
  await page.getByLabel(/Fichier CSV ou Excel/).setInputFiles({ name: "photo.csv", mimeType: "text/csv", buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]) });
  await page.getByRole("button", { name: "Analyser le fichier" }).click();
  await expect(page.getByText(/Le fichier doit être un CSV \(texte\) ou un classeur Excel/)).toBeVisible();
});
