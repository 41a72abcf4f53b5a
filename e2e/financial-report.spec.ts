// Issue 22 §4 — the Lens manager fills the compte rendu financier of the signed Région convention
// (convention cadre art. 7.3: charges AND products, gaps explained, qualitative annex) and sees the
// indicators chosen by the annual convention (art. 3.1, 5). Re-runnable on the same database.
import { expect, test } from "@playwright/test";
import { axeViolations } from "./support/a11y";
import { ACCOUNTS } from "./support/accounts";
import { loginViaForm } from "./support/auth";

test("compte rendu financier Région : produits à côté des charges, annexe qualitative, indicateurs de la convention", async ({ page }) => {
  test.setTimeout(120_000);
  await loginViaForm(page, ACCOUNTS.managerLens.email);
  await expect(page.getByTestId("home-role")).toBeVisible();
  const year = new Date().getFullYear();
  const { items } = (await (await page.request.get(`/api/v1/subsidy-files?funder=REGION&year=${year}`)).json()) as { items: { id: string; status: string }[] };
  const file = items.find((f) => f.status === "SIGNED")!;
  await page.goto(`/financement/${file.id}`);

  const products = page.getByTestId("report-products");
  await expect(products.getByRole("heading", { name: "Produits du compte rendu financier" })).toBeVisible();
  for (const label of ["Subvention de la Région", "Cofinancement du territoire", "Autres cofinancements", "Autres produits"]) await expect(products).toContainText(label);
  // « Autres produits » has no forecast: any amount is a gap to explain (same rule as the charges).
  const form = page.getByRole("form", { name: "Produit réalisé : Autres produits" });
  await form.getByLabel("Réalisé (€) — Autres produits").fill("1 200");
  await form.getByRole("button", { name: /Enregistrer/ }).click();
  await expect(products.getByRole("row", { name: /Autres produits/ }).first()).toContainText("1 200,00");
  await expect(products.getByRole("row", { name: /Autres produits/ }).first()).toContainText("Explication requise");
  // The confirmation outlives the refresh that shows the saved amount (the form was keyed on the
  // line's version and remounted without its message).
  await expect(form.getByText("Produit enregistré.")).toBeVisible();
  await expect(page.getByTestId("report-completeness")).toContainText("Compte rendu financier incomplet");
  await expect(page.getByTestId("report-totals")).toContainText("Résultat (produits − charges)");

  const annex = page.getByTestId("qualitative-annex");
  await expect(annex.getByText("Aucun fichier choisi")).toBeVisible();
  await annex.getByLabel(/Document/).setInputFiles({ name: "annexe-qualitative.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n%e2e\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n") });
  await annex.getByRole("button", { name: "Joindre l'annexe" }).click();
  await expect(annex.getByRole("link", { name: "annexe-qualitative.pdf" }).first()).toBeVisible();
  // The sent form is emptied: the French « no file » text is back.
  await expect(annex.getByText("Aucun fichier choisi")).toBeVisible();

  // The annual convention's indicators (seeded: four of the catalogue, with their targets).
  const indicators = page.getByTestId("convention-indicators");
  await expect(indicators.getByLabel("Offres recueillies", { exact: true })).not.toHaveValue("");
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: ".data/test-results/screens/compte-rendu-financier.png", fullPage: true });
});
