// Issue 22 §2, §6, §7 — information of company contacts and chefs de file (Région annex 1 art. 3.3),
// versions of the notices and of the commitment from the administration (art. 3.3, 3.10.1), and the
// export of identities with a stated purpose, by the roles that need it only (art. 3.1 point 2).
import { axeViolations } from "./support/a11y";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { ACCOUNTS } from "./support/accounts";
import { loginViaForm } from "./support/auth";

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await loginViaForm(page, email);
  await expect(page.getByTestId("home-role")).toBeVisible({ timeout: 30_000 });
  return page;
}

test("la DPO voit les notices par version et publie une nouvelle version (les précédentes restent)", async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await signedIn(browser, ACCOUNTS.dpo.email);
  await page.goto("/administration/textes");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Notices et engagement de confidentialité");
  for (const kind of ["JOB_SEEKER", "COMPANY_CONTACT", "CHEF_DE_FILE", "FRANCE_TRAVAIL", "CONFIDENTIALITY"]) {
    await expect(page.getByTestId(`notice-kind-${kind}`)).toBeVisible();
  }
  expect(await axeViolations(page)).toEqual([]);
  // A later version of the chefs de file's notice (in force in 2099: today's texts are untouched).
  const section = page.getByTestId("notice-kind-CHEF_DE_FILE");
  await section.locator("summary", { hasText: "Publier une nouvelle version" }).click();
  await section.getByLabel("Entrée en vigueur (facultatif)").fill("2099-01-01");
  await section.getByRole("button", { name: "Publier une nouvelle version" }).click();
  await expect(section.getByText(/Version \d+ publiée\./)).toBeVisible();
  await expect(section.getByText(/en vigueur à partir du 01\/01\/2099/).first()).toBeVisible();
});

test("une assistante imprime la notice d'un chef de file et enregistre sa remise par téléphone", async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await signedIn(browser, ACCOUNTS.assistantLens.email);
  await page.goto("/chefs-de-file");
  // The first chef de file's record (the header's links only sort).
  await page.locator('table a[href^="/chefs-de-file/"]').first().click();
  await page.getByRole("link", { name: "Notice d'information" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Notice d'information");
  await expect(page.getByRole("button", { name: "Imprimer la notice" })).toBeVisible();
  await page.getByLabel("Remise par").selectOption("TELEPHONE");
  await page.getByRole("button", { name: "Enregistrer la remise de la notice" }).click();
  await expect(page.getByText(/Remise de la notice version \d+ enregistrée\./)).toBeVisible();
  await expect(page.getByTestId("informed-record")).toContainText("(Téléphone), notice version");
  expect(await axeViolations(page)).toEqual([]);
});

test("export des demandeurs : finalité demandée au responsable ; le référent n'a pas d'export d'identités", async ({ browser }) => {
  test.setTimeout(120_000);
  const manager = await signedIn(browser, ACCOUNTS.managerLens.email);
  await manager.goto("/demandeurs");
  await manager.getByText("Exporter cette vue (identités : finalité demandée)").click();
  await manager.getByLabel("Finalité de l'export").selectOption("CIRCUIT_COURT");
  await manager.getByLabel("Précision (facultatif)").fill("Job dating logistique");
  await manager.getByLabel("Format").selectOption("csv");
  const download = manager.waitForEvent("download");
  await manager.getByRole("button", { name: "Exporter", exact: true }).click();
  expect((await download).suggestedFilename()).toMatch(/^demandeurs-d-emploi-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(await axeViolations(manager)).toEqual([]);

  const referent = await signedIn(browser, ACCOUNTS.referent.email);
  await referent.goto("/demandeurs");
  await expect(referent.getByTestId("identity-export-refused")).toBeVisible();
  await expect(referent.getByLabel("Finalité de l'export")).toHaveCount(0);
});
