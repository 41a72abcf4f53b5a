// Issue 6 leftovers: the Lens manager claims a tranche, finance records its payment, and the admin
// edits a rule-set field through the generated form (diff shown before saving).
import { expect, test, type Browser, type Page } from "@playwright/test";
import { axeViolations } from "./support/a11y";
import { ACCOUNTS } from "./support/accounts";
import { loginViaForm } from "./support/auth";


async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  page.on("dialog", (d) => void d.accept());
  await loginViaForm(page, email);
  await expect(page.getByTestId("home-role")).toBeVisible();
  return page;
}

const today = () => new Date().toISOString().slice(0, 10);

test("tranche France Travail : le responsable la demande, la finance la voit et la verse", async ({ browser }) => {
  test.setTimeout(180_000);
  const manager = await signedIn(browser, ACCOUNTS.managerLens.email);
  const res = await manager.request.get("/api/v1/subsidy-files?funder=FRANCE_TRAVAIL&pageSize=200");
  const { items } = (await res.json()) as { items: { id: string; status: string }[] };
  const file = items.find((f) => f.status === "SIGNED");
  expect(file, "the seed gives Lens a signed France Travail convention").toBeTruthy();
  await manager.goto(`/financement/${file!.id}`);

  const tranches = manager.getByTestId("tranches");
  await expect(manager.getByTestId("tranche-2-status")).toHaveText("Prévue");
  // Issue 14 §6: the state is an inline SVG icon plus this text (no ✓/✗ glyphs).
  await expect(tranches).toContainText("manquant : Rapport intermédiaire");
  const claim = manager.getByRole("form", { name: "Demander le versement de la tranche 2" });
  await claim.getByLabel("Rapport intermédiaire : envoyé(e) le").fill(today());
  await claim.getByRole("button", { name: "Demander le versement" }).click();
  await expect(manager.getByTestId("tranche-2-status")).toHaveText("Demandée");
  await expect(tranches).toContainText("reçu : Rapport intermédiaire");
  await expect(manager.getByTestId("file-history")).toContainText("Versement d'une tranche demandé");

  const finance = await signedIn(browser, ACCOUNTS.finance.email);
  await finance.goto("/financement/echeances");
  await expect(finance.getByTestId("tranche-claims")).toContainText(/Lens-Liévin — France Travail \d{4} : Tranche 2 — Tranche intermédiaire — Demandée/);
  // Other seeded tranches may be listed too: follow the one just claimed.
  await finance.getByTestId("tranche-claims").getByRole("listitem").filter({ hasText: /France Travail \d{4} : Tranche 2 — Tranche intermédiaire — Demandée/ })
    .filter({ hasText: "Lens-Liévin" }).getByRole("link").click();
  await expect(finance).toHaveURL(new RegExp(`/financement/${file!.id}$`));
  const pay = finance.getByRole("form", { name: "Enregistrer un versement" });
  await expect(pay.getByLabel("Tranche").locator("option:checked")).toContainText("Tranche 2");
  // Issue 14 §6: a refused payment keeps what was typed, says why once, and goes through once corrected.
  await pay.getByLabel("Date du versement").fill(today());
  await pay.getByLabel("Référence (mandat)").fill("MANDAT-E2E-T2");
  const amount = await pay.getByLabel("Montant versé (€)").inputValue();
  await pay.getByLabel("Montant versé (€)").fill("abc");
  await pay.getByRole("button", { name: "Enregistrer le versement" }).click();
  await expect(pay.getByLabel("Montant versé (€)")).toHaveAttribute("aria-invalid", "true");
  await expect(pay.getByLabel("Date du versement")).toHaveValue(today());
  await expect(pay.getByLabel("Référence (mandat)")).toHaveValue("MANDAT-E2E-T2");
  await expect(pay.getByLabel("Montant versé (€)")).toHaveValue("abc");
  const amountError = (await pay.locator("#field-amountEuros-error").innerText()).trim();
  await expect(pay.getByText(amountError, { exact: true })).toHaveCount(1);
  await pay.getByLabel("Montant versé (€)").fill(amount);
  await pay.getByRole("button", { name: "Enregistrer le versement" }).click();
  await expect(finance.getByTestId("tranche-2-status")).toHaveText("Versée");
  await expect(finance.getByTestId("payments")).toContainText("MANDAT-E2E-T2");
  await expect(finance.getByTestId("withholding")).toBeVisible();

  expect(await axeViolations(finance)).toEqual([]);
});

test("l'administrateur modifie un champ d'un jeu de règles par le formulaire et voit la nouvelle version", async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = await signedIn(browser, ACCOUNTS.admin.email);
  await admin.goto("/administration/regles");
  const section = admin.getByRole("region", { name: "Délais" });
  await section.getByText("Créer une nouvelle version").click();
  const form = section.getByRole("form", { name: "Nouvelle version, champ par champ : Délais" });
  await form.getByRole("button", { name: "Renseigner : Retenue pour compte rendu financier manquant" }).click();
  const rate = form.getByLabel("Retenue pour compte rendu financier manquant (%)");
  await rate.fill("12,345");
  await expect(form.getByText("Deux décimales au plus.")).toBeVisible();
  await expect(form.getByRole("button", { name: "Vérifier les modifications" })).toBeDisabled();
  await rate.fill("10");
  await form.getByLabel("En vigueur à partir du").fill("2099-01-01");
  await form.getByLabel("Motif du changement").fill("Taux de retenue voté (essai E2E)");
  await form.getByRole("button", { name: "Vérifier les modifications" }).click();
  const diff = form.getByTestId("rule-set-diff");
  await expect(diff).toContainText("Retenue pour compte rendu financier manquant");
  await expect(diff).toContainText("(non fixé)");
  await expect(diff).toContainText("10 %");
  expect(await axeViolations(admin)).toEqual([]);
  await form.getByRole("button", { name: "Créer la version" }).click();
  await expect(section.getByRole("table", { name: "Versions : Délais" })).toContainText("Taux de retenue voté (essai E2E)");
  await expect(section.getByRole("table", { name: "Versions : Délais" })).toContainText("01/01/2099");
  // The confirmation outlives the refresh that lists the new version (the editor was remounted by a
  // key on the latest version's id and its message vanished with it).
  await expect(form.getByText("Nouvelle version enregistrée ; la précédente se termine la veille.")).toBeVisible();
  // The form now starts from the saved version: nothing left to change.
  await form.getByRole("button", { name: "Vérifier les modifications" }).click();
  await expect(form.getByText("Aucune modification.")).toBeVisible();
});
