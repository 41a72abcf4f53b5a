// « Prospection »: an assistant opens the ranked list of the register's establishments, plans a visit from
// the first suggestion and finds the company created with the register's data.
import { axeViolations } from "./support/a11y";
import { expect, test } from "@playwright/test";
import { ACCOUNTS } from "./support/accounts";
import { loginViaForm } from "./support/auth";


test("une assistante planifie une visite depuis la première suggestion de prospection", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await loginViaForm(page, ACCOUNTS.assistantLens.email);
  await expect(page.getByTestId("home-role")).toBeVisible();
  await page.getByRole("link", { name: "Prospection" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Prospection — Lens-Liévin");
  await expect(page.getByText(/Répertoire SIRENE chargé le/)).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath("prospection-1366.png"), fullPage: false });

  const first = page.getByTestId("prospect").first();
  const name = (await first.getByRole("heading", { level: 2 }).textContent())!.replace(/^\s*1\.\s*/, "").trim();
  const details = (await first.textContent())!;
  const siret = /SIRET (\d{3} \d{3} \d{3} \d{5})/.exec(details)![1]!;
  await expect(first.getByText(/^Pourquoi : /)).toBeVisible();

  // « Écarter » opens its reason field; cancelled here.
  await first.getByRole("button", { name: `Écarter : ${name}` }).click();
  await expect(first.getByLabel(/Pourquoi l'écarter/)).toBeFocused();
  await first.getByRole("button", { name: "Annuler" }).click();

  await first.getByRole("button", { name: `Planifier une visite : ${name}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nouvelle visite");
  await page.getByRole("link", { name }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByText(siret)).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  // Followed now: the establishment left the prospecting list.
  await page.goto("/prospection");
  await expect(page.getByTestId("prospect").first().getByRole("heading", { level: 2 })).not.toContainText(name);
});

test("au téléphone (390 px), la liste de prospection tient dans la largeur", async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await loginViaForm(page, ACCOUNTS.assistantLens.email);
  await expect(page.getByTestId("home-role")).toBeVisible();
  await page.goto("/prospection");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Prospection — Lens-Liévin");
  await page.screenshot({ path: testInfo.outputPath("prospection-390.png"), fullPage: false });
  // The list itself never overflows (the shell's own phone layout is issue 14's).
  const overflow = await page.getByTestId("prospect").first().evaluate((el) => el.scrollWidth > el.clientWidth);
  expect(overflow).toBe(false);
});
