// Issue 14 §5–§6: the application shell on a laptop (1366 px: the field staff's menu on one line,
// the API documentation moved to « Mon profil ») and on a phone (menu button, bell and log-out
// reachable), the confirmation toast with a link to the saved record, the error summary.
import { disposableAccount } from "../security/fixtures";
import { axeViolations } from "../support/a11y";
import { expect, test } from "@playwright/test";
import { ACCOUNTS } from "../support/accounts";
import { loginViaForm } from "../support/auth";


/** A SIRET that passes the Luhn check, different on each run. */
function randomSiret(): string {
  const digits = Array.from({ length: 13 }, () => Math.floor(Math.random() * 10));
  for (let check = 0; check < 10; check++) {
    const all = [...digits, check];
    const sum = all.reduceRight((acc, d, i) => {
      const fromRight = all.length - 1 - i;
      const v = fromRight % 2 === 1 ? d * 2 : d;
      return acc + (v > 9 ? v - 9 : v);
    }, 0);
    if (sum % 10 === 0) return all.join("");
  }
  throw new Error("unreachable");
}

for (const key of ["assistantLens", "managerLens", "referent"] as const) {
  test(`1366 px : le menu de ${key} tient sur une ligne, la documentation de l'API est dans « Mon profil » pour qui peut créer un jeton`, async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 900 });
    await loginViaForm(page, ACCOUNTS[key].email);
    await expect(page.getByTestId("home-role")).toBeVisible();
    const nav = page.getByRole("navigation", { name: "Navigation principale" });
    await expect(nav.getByRole("link", { name: "API", exact: true })).toHaveCount(0);
    // The visible entries of the menu's first level (those under « Plus » are hidden until it opens).
    const tops = await nav.locator(":scope > ul > li").evaluateAll((items) =>
      items.filter((li) => (li as HTMLElement).offsetParent !== null).map((li) => Math.round(li.getBoundingClientRect().top)),
    );
    expect(tops.length).toBeGreaterThan(5);
    expect(new Set(tops).size, `rangées du menu : ${JSON.stringify(tops)}`).toBe(1);
    await expect(page.getByRole("button", { name: "Menu" })).toBeHidden();
    if (key === "managerLens") {
      // The manager's seldom-used entries are under « Plus » (a disclosure: Escape closes it and gives the focus back).
      const more = nav.getByRole("button", { name: "Plus" });
      await expect(nav.getByRole("link", { name: "Droits des personnes" })).toHaveCount(0);
      await more.click();
      await expect(more).toHaveAttribute("aria-expanded", "true");
      await expect(nav.getByRole("link", { name: "Droits des personnes" })).toBeVisible();
      await expect(nav.getByRole("link", { name: "Archives" })).toBeVisible();
      expect(await axeViolations(page)).toEqual([]);
      await page.keyboard.press("Escape");
      await expect(more).toHaveAttribute("aria-expanded", "false");
      await expect(more).toBeFocused();
      await more.click();
      await nav.getByRole("link", { name: "Violations de données" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(/violations/i);
      await expect(more).toHaveAttribute("aria-expanded", "false");
      await page.screenshot({ path: ".data/test-results/screens/portable-menu-responsable.png" });
    }
    await nav.getByRole("link", { name: "Mon profil" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mon profil");
    // The API documentation is help for personal API tokens, which only the integrating roles may create (issue 22 §6).
    const docs = page.getByRole("link", { name: "Aide : documentation de l'API" });
    if (key !== "managerLens") {
      await expect(docs).toHaveCount(0);
      return;
    }
    await docs.click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Documentation de l'API");
  });
}

test("390 px : le bouton Menu ouvre la navigation, la cloche et la déconnexion restent accessibles", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  // Its own account: it signs out at the end, which ends every session of the account (issue 16 #8).
  await loginViaForm(page, await disposableAccount(ACCOUNTS.assistantLens.email, "deconnexion-menu@e2e.test"));
  await expect(page.getByTestId("home-role")).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Navigation principale" });
  const menu = page.getByRole("button", { name: "Menu" });
  await expect(page.getByTestId("notification-bell")).toBeVisible();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(nav).toBeHidden();
  // Keyboard: focus the button, open with Enter, close with Escape (focus comes back).
  await menu.focus();
  await page.keyboard.press("Enter");
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await expect(nav.getByRole("link", { name: "Entreprises" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Se déconnecter" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Mes exports" })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.keyboard.press("Escape");
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(menu).toBeFocused();
  // A navigation from the menu closes it.
  await menu.click();
  await nav.getByRole("link", { name: "Entreprises" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Entreprises/);
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await menu.click();
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page).toHaveURL(/\/connexion/);
});

test("une entreprise enregistrée sans code NAF : récapitulatif des erreurs d'abord, puis un message de confirmation avec le lien vers la fiche", async ({ page }) => {
  await loginViaForm(page, ACCOUNTS.assistantLens.email);
  await expect(page.getByTestId("home-role")).toBeVisible();
  await page.goto("/entreprises/nouvelle");
  await page.getByRole("button", { name: "Créer l'entreprise" }).click();
  const summary = page.getByTestId("error-summary");
  await expect(summary).toContainText("Le formulaire contient 2 erreurs");
  await summary.getByRole("link", { name: "SIRET (14 chiffres)" }).click();
  await expect(page.getByLabel("SIRET (14 chiffres)")).toBeFocused();
  expect(await axeViolations(page)).toEqual([]);

  await page.getByLabel("SIRET (14 chiffres)").fill(randomSiret());
  await page.getByLabel("Raison sociale").fill(`Atelier sans NAF ${Date.now()}`);
  await expect(page.getByRole("combobox", { name: "Code NAF / APE" })).toHaveValue("");
  await page.getByRole("button", { name: "Créer l'entreprise" }).click();
  await expect(page).toHaveURL(/\/entreprises\/[0-9a-f-]{36}$/);
  const toast = page.getByTestId("toast");
  await expect(toast).toContainText("Entreprise créée.");
  await expect(toast.getByRole("link", { name: "Voir la fiche" })).toHaveAttribute("href", new URL(page.url()).pathname);
  expect(await axeViolations(page)).toEqual([]);
  await toast.getByRole("button", { name: "Fermer le message" }).click();
  await expect(toast).toHaveCount(0);
});
