// Issue 14 §5 — on a phone (390×844): tables whose rows are stacked cards keep a sort control
// (sortable columns + direction, server-side sort), and the company form's register notices
// (SIRENE autofill) fit the width. Screenshots go to the test artefacts.
import { expect, test, type Page } from "@playwright/test";
import { axeViolations } from "../support/a11y";
import { ACCOUNTS } from "../support/accounts";
import { loginViaForm } from "../support/auth";

test.use({ viewport: { width: 390, height: 844 } });

async function noSideScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
}

/** Every part of `el` stays inside the window (nothing cut on the right). */
async function fitsWindow(page: Page, selector: string) {
  const worst = await page.locator(selector).evaluateAll((els) =>
    Math.max(0, ...els.flatMap((el) => [el, ...el.querySelectorAll("*")]).map((e) => e.getBoundingClientRect().right)),
  );
  expect(worst).toBeLessThanOrEqual(await page.evaluate(() => window.innerWidth));
}

test("390 px : la liste des entreprises en cartes se trie par colonne et par sens (tri serveur)", async ({ page }, info) => {
  test.setTimeout(90_000);
  await loginViaForm(page, ACCOUNTS.assistantLens.email);
  await expect(page.getByTestId("home-role")).toBeVisible();
  await page.goto("/entreprises?sort=name");
  const sortForm = page.getByRole("form", { name: "Trier : Entreprises" });
  await expect(sortForm).toBeVisible();
  // The header row (and its sort links) is for screen readers only on a phone.
  expect(await page.locator("table thead").first().evaluate((el) => el.getBoundingClientRect().width)).toBeLessThanOrEqual(1);
  const sortSelect = () => page.getByRole("form", { name: "Trier : Entreprises" }).getByRole("combobox", { name: "Trier par" });
  // One select: each sortable column in both directions, the current sort selected.
  await expect(sortSelect().locator("option")).toHaveText([
    "Raison sociale (croissant)", "Raison sociale (décroissant)", "Commune (croissant)", "Commune (décroissant)", "Dernier contact (croissant)", "Dernier contact (décroissant)",
  ]);
  await expect(sortSelect()).toHaveValue("name");
  // The select and its button share one row at 390 px (two selects took two rows).
  const top = (name: "combobox" | "button") => sortForm.getByRole(name).first().evaluate((el) => el.getBoundingClientRect().bottom);
  expect(Math.abs((await top("combobox")) - (await top("button")))).toBeLessThanOrEqual(2);
  const names = () => page.locator('td[data-label="Raison sociale"]').allTextContents();
  const ascending = await names();
  expect(ascending.length).toBeGreaterThan(1);
  await sortSelect().selectOption("-name");
  await sortForm.getByRole("button", { name: "Trier" }).click();
  await expect(page).toHaveURL(/sort=-name/);
  await expect.poll(async () => (await names())[0]).not.toBe(ascending[0]);
  await expect(sortSelect()).toHaveValue("-name");

  // From the keyboard: on the select, End picks the last choice; Tab reaches « Trier », Enter sorts.
  await sortSelect().focus();
  await page.keyboard.press("End");
  await expect(sortSelect()).toHaveValue("-lastContact");
  await page.keyboard.press("Tab");
  await expect(sortForm.getByRole("button", { name: "Trier" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/sort=-lastContact/);
  await expect(sortSelect()).toHaveValue("-lastContact");
  await noSideScroll(page);
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: info.outputPath("telephone-entreprises-tri.png") });

  // On a laptop the header links sort; the control is not shown.
  await page.setViewportSize({ width: 1366, height: 900 });
  await expect(page.getByRole("form", { name: "Trier : Entreprises" })).toBeHidden();
  await expect(page.getByRole("columnheader", { name: /Raison sociale/ }).getByRole("link")).toBeVisible();
});

test("390 px : les avis du répertoire SIRENE du formulaire entreprise tiennent dans la largeur", async ({ page }, info) => {
  test.setTimeout(120_000);
  await loginViaForm(page, ACCOUNTS.assistantLens.email);
  await expect(page.getByTestId("home-role")).toBeVisible();
  // An establishment of the territory (the third suggestion: the first two are other specs' to create).
  await page.goto("/prospection");
  const card = page.getByTestId("prospect").nth(2);
  const name = (await card.getByRole("heading", { level: 2 }).textContent())!.replace(/^\s*\d+\.\s*/, "").trim();
  const siret = /SIRET (\d{3} \d{3} \d{3} \d{5})/.exec((await card.textContent())!)![1]!.replace(/\s/g, "");

  // Typed by hand in the SIRET field: the register's establishment is proposed.
  await page.goto("/entreprises/nouvelle");
  await page.getByLabel(/^SIRET/).fill(siret);
  const proposal = page.getByRole("status").filter({ hasText: "Dans le répertoire SIRENE" });
  await expect(proposal).toBeVisible();
  await noSideScroll(page);
  await fitsWindow(page, '[role="status"]:has-text("Dans le répertoire SIRENE")');
  await page.screenshot({ path: info.outputPath("telephone-entreprise-siret-propose.png"), fullPage: true });

  // Taken over: the autofill notice.
  await proposal.getByRole("button", { name: "Reprendre ses données" }).click();
  const notice = page.getByRole("status").filter({ hasText: "Formulaire rempli avec le répertoire SIRENE" });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText(name);
  await expect(page.getByLabel(/^Raison sociale/)).toHaveValue(name);
  await noSideScroll(page);
  await fitsWindow(page, '[role="status"]:has-text("Formulaire rempli avec le répertoire SIRENE")');
  await fitsWindow(page, "form fieldset");
  expect(await axeViolations(page)).toEqual([]);
  await notice.scrollIntoViewIfNeeded();
  await page.screenshot({ path: info.outputPath("telephone-entreprise-avis-sirene.png") });
  await page.screenshot({ path: ".data/test-results/screens/telephone-entreprise-avis-sirene.png" });
});
