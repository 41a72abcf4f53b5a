// Lists on a phone (390×844): the filter form no longer fills the first screen. The free-text search
// stays in view, the other filters fold behind « Filtres (n) » (components/ui/filter-form.tsx, native
// <details>), so the first row of the list (or its empty state) is on the first screen; applied
// filters show as a count and can be cleared without opening. On a laptop (1366 px) the filters stay
// open as before. The form is a plain GET form: it filters without JavaScript too.
import { expect, test, type Page } from "@playwright/test";
import { axeViolations } from "../support/a11y";
import { ACCOUNTS } from "../support/accounts";
import { loginViaForm, loginViaHttp } from "../support/auth";

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1366, height: 900 };

async function signIn(page: Page, viewport: typeof PHONE) {
  await page.setViewportSize(viewport);
  await loginViaForm(page, ACCOUNTS.assistantLens.email);
  await expect(page.getByTestId("home-role")).toBeVisible();
}

/** The toggle of the page's filter form. */
const toggle = (page: Page) => page.getByTestId("filter-panel").locator("summary");

/**
 * Where the list's first row (a card on a phone) or its empty state starts and where its first line
 * ends, in CSS pixels from the top of the window, with the page not scrolled; and how many rows show
 * at least their first line on the first screen.
 */
async function firstRow(page: Page): Promise<{ top: number; firstLine: number; rowsInView: number; scrollY: number }> {
  const rows = page.locator("main table tbody tr");
  await expect(rows.first()).toBeAttached();
  return rows.evaluateAll((trs) => {
    const lineEnd = (tr: Element) => (tr.querySelector("td") ?? tr).getBoundingClientRect().bottom;
    return {
      top: Math.round(trs[0]!.getBoundingClientRect().top),
      firstLine: Math.round(lineEnd(trs[0]!)),
      rowsInView: trs.filter((tr) => lineEnd(tr) <= window.innerHeight).length,
      scrollY: window.scrollY,
    };
  });
}

test("390 px : la première ligne de chaque liste est dans le premier écran, sans défiler", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, PHONE);
  const seen: [string, Awaited<ReturnType<typeof firstRow>>][] = [];
  // Gouvernance is left out: its first screen is the platform's progress panel, on purpose.
  for (const path of ["/visites", "/offres", "/entreprises", "/demandeurs", "/rappels", "/chefs-de-file", "/evenements"]) {
    await page.goto(path);
    seen.push([path, await firstRow(page)]);
  }
  process.stdout.write(`[listes 390×844] ${seen.map(([p, r]) => `${p} : première ligne à ${r.top} px, sa première information lue à ${r.firstLine} px, ${r.rowsInView} ligne(s) commencée(s) à l'écran`).join(" ; ")}\n`);
  for (const [path, r] of seen) {
    expect(r.scrollY, path).toBe(0);
    expect(r.firstLine, `${path} : la première ligne doit être visible dans les ${PHONE.height} px du premier écran`).toBeLessThanOrEqual(PHONE.height);
  }
});

test("390 px : les filtres des visites se déplient au clavier, s'appliquent, se comptent et s'effacent", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, PHONE);
  await page.goto("/visites");
  const period = page.getByLabel("Période");
  await expect(toggle(page)).toHaveText("Filtres");
  await expect(period).toBeHidden();
  await expect(page.getByRole("link", { name: "Effacer les filtres" })).toHaveCount(0);
  expect(await axeViolations(page)).toEqual([]);

  // Keyboard: Enter opens, Space closes, the focus stays on the toggle.
  await toggle(page).focus();
  await page.keyboard.press("Enter");
  await expect(period).toBeVisible();
  await expect(toggle(page)).toBeFocused();
  await page.keyboard.press("Space");
  await expect(period).toBeHidden();
  await page.keyboard.press("Enter");
  await expect(period).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  // The next Tab goes into the filters.
  await page.keyboard.press("Tab");
  await expect(period).toBeFocused();

  await period.selectOption("upcoming");
  await page.getByRole("search", { name: "Filtrer les visites" }).getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/[?&]when=upcoming/);
  // Back folded, with the count, the rows first.
  await expect(toggle(page)).toHaveText("Filtres (1)");
  await expect(period).toBeHidden();
  const r = await firstRow(page);
  expect(r.firstLine).toBeLessThanOrEqual(PHONE.height);
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: ".data/test-results/screens/telephone-visites-filtre-actif.png" });

  // Cleared without opening.
  await page.getByRole("link", { name: "Effacer les filtres" }).click();
  await expect(page).toHaveURL(/\/visites$/);
  await expect(toggle(page)).toHaveText("Filtres");
  await expect(page.getByLabel("Période")).toHaveValue("all");
});

test("390 px : la recherche libre reste visible, les autres filtres sont comptés (offres, rappels)", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, PHONE);
  await page.goto("/offres?contractType=CDI&stale=true");
  await expect(page.getByLabel("Poste ou entreprise")).toBeVisible();
  await expect(page.getByLabel("Contrat")).toBeHidden();
  await expect(toggle(page)).toHaveText("Filtres (2)");
  // Opened, the filters fit the width (the ROME combobox included).
  await toggle(page).click();
  await expect(page.getByLabel("Contrat")).toHaveValue("CDI");
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: ".data/test-results/screens/telephone-offres-filtres-ouverts.png", fullPage: true });
  await toggle(page).click();
  await expect(page.getByLabel("Contrat")).toBeHidden();
  // The search alone, without opening: the folded filters travel with it.
  await page.getByLabel("Poste ou entreprise").fill("a");
  await page.getByLabel("Poste ou entreprise").press("Enter");
  await expect(page).toHaveURL(/[?&]q=a(&|$)/);
  expect(page.url()).toMatch(/contractType=CDI/);
  await expect(toggle(page)).toHaveText("Filtres (2)");
  await page.getByRole("link", { name: "Effacer les filtres" }).click();
  await expect(page).toHaveURL(/\/offres$/);
  await expect(toggle(page)).toHaveText("Filtres");
  await expect(page.getByLabel("Poste ou entreprise")).toHaveValue("");

  // The callbacks' queue (« À rappeler ») is a filter: counted on arrival, cleared to every status.
  await page.goto("/rappels");
  await expect(toggle(page)).toHaveText("Filtres (1)");
  await page.getByRole("link", { name: "Effacer les filtres" }).click();
  await expect(page).toHaveURL(/\/rappels\?status=$/);
  await expect(toggle(page)).toHaveText("Filtres");
});

test("1366 px : les filtres restent ouverts, sans bouton « Filtres »", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, LAPTOP);
  await page.goto("/offres");
  await expect(toggle(page)).toBeHidden();
  for (const label of ["Poste ou entreprise", "État", "Contrat", "Marché caché"]) await expect(page.getByLabel(label, { exact: true })).toBeVisible();
  await page.getByLabel("Contrat", { exact: true }).selectOption("CDI");
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/contractType=CDI/);
  await expect(page.getByLabel("Contrat", { exact: true })).toBeVisible();
  await expect(page.getByLabel("Contrat", { exact: true })).toHaveValue("CDI");
  await expect(page.getByRole("link", { name: "Effacer les filtres" })).toBeVisible();
  // The fields sit in one band as before: the form is no taller than two rows of fields.
  const height = await page.getByRole("search", { name: "Filtrer les offres" }).evaluate((f) => f.getBoundingClientRect().height);
  expect(height).toBeLessThan(180);
  expect(await axeViolations(page)).toEqual([]);

  await page.goto("/visites");
  await expect(page.getByLabel("Période")).toBeVisible();
  await expect(page.getByRole("button", { name: "Filtrer" })).toBeVisible();
});

test("390 px sans JavaScript : les filtres se déplient et filtrent (formulaire GET)", async ({ browser }) => {
  test.setTimeout(90_000);
  const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
  try {
    expect(await loginViaHttp(context.request, ACCOUNTS.assistantLens.email)).toBeLessThan(400);
    const page = await context.newPage();
    await page.goto("/visites");
    await expect(toggle(page)).toHaveText("Filtres");
    await toggle(page).click();
    await page.getByLabel("Période").selectOption("past");
    await page.getByRole("button", { name: "Filtrer" }).click();
    await expect(page).toHaveURL(/[?&]when=past/);
    await expect(toggle(page)).toHaveText("Filtres (1)");
  } finally {
    await context.close();
  }
});

test("390 px : un lien de pagination forgé ou périmé affiche la première page et le dit, sans page d'erreur", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, PHONE);
  const firstPage = async (path: string) => {
    await page.goto(path);
    return (await page.locator("main table tbody tr").first().textContent()) ?? "";
  };
  // A cursor of another list (companies, by name) pasted into the job seekers' address, then garbage.
  await page.goto("/entreprises");
  const companiesNext = page.getByRole("link", { name: /suivante/i }).first();
  const foreign = new URL((await companiesNext.getAttribute("href"))!, page.url()).searchParams.get("after");
  expect(foreign, "la liste des entreprises doit avoir une page suivante").toBeTruthy();
  for (const [path, cursor] of [["/demandeurs", foreign!], ["/visites", "!!pas-un-curseur"], ["/offres", "eyJ4IjoxfQ"]] as const) {
    const expected = await firstPage(path);
    const res = await page.goto(`${path}?after=${encodeURIComponent(cursor)}`);
    expect(res?.status(), path).toBe(200);
    await expect(page.getByRole("status").filter({ hasText: "Le lien de pagination n'est plus valable" }), path).toBeVisible();
    await expect(page.locator("main table tbody tr").first(), path).toHaveText(expected);
    if (path === "/demandeurs") {
      await page.screenshot({ path: ".data/test-results/screens/telephone-curseur-refuse.png" });
      expect(await axeViolations(page), path).toEqual([]);
    }
  }
  // The same notice on a laptop, above the list's filters.
  await page.setViewportSize(LAPTOP);
  await page.goto(`/demandeurs?after=${encodeURIComponent(foreign!)}`);
  await expect(page.getByRole("status").filter({ hasText: "Le lien de pagination n'est plus valable" })).toBeVisible();
  await page.screenshot({ path: ".data/test-results/screens/portable-curseur-refuse.png" });
});
