// Automatic accessibility checks (axe, WCAG 2.1 A/AA) on the callback, chef-de-file and governance pages.
import { expect, test } from "@playwright/test";
import { axeViolations } from "../support/a11y";
import { ACCOUNTS } from "../support/accounts";
import { loginViaForm } from "../support/auth";

test("les pages rappels, chefs de file, gouvernance et Ma journée n'ont aucune violation (axe)", async ({ page }) => {
  test.setTimeout(90_000);
  await loginViaForm(page, ACCOUNTS.managerLens.email);
  await expect(page.getByTestId("home-role")).toBeVisible();
  const callback = ((await (await page.request.get("/api/v1/callbacks?pageSize=1")).json()) as { items: { id: string }[] }).items[0]!;
  const chef = ((await (await page.request.get("/api/v1/chefs-de-file?pageSize=1")).json()) as { items: { id: string }[] }).items[0]!;
  const meeting = ((await (await page.request.get("/api/v1/governance-meetings?pageSize=1")).json()) as { items: { id: string }[] }).items[0]!;
  const pages = [
    "/",
    "/rappels",
    "/rappels?overdue=1",
    "/rappels/nouveau",
    `/rappels/${callback.id}`,
    "/chefs-de-file",
    "/chefs-de-file/nouveau",
    `/chefs-de-file/${chef.id}`,
    `/chefs-de-file/${chef.id}/modifier`,
    "/gouvernance",
    "/gouvernance/nouvelle",
    `/gouvernance/${meeting.id}`,
  ];
  const found: string[] = [];
  for (const path of pages) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(200);
    found.push(...(await axeViolations(page)));
  }
  expect(found).toEqual([]);
});

test("un formulaire invalide annonce ses erreurs champ par champ, en français", async ({ page }) => {
  await loginViaForm(page, ACCOUNTS.assistantLens.email);
  await expect(page.getByTestId("home-role")).toBeVisible();
  await page.goto("/chefs-de-file/nouveau");
  await page.getByRole("button", { name: "Enregistrer le chef de file" }).click();
  await expect(page.getByLabel("Nom", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Indiquez le nom.")).toBeVisible();
  await expect(page.getByText("Indiquez la filière.")).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});
