// A manager records a governance meeting and sees this year's count move; a stale edit gets a 409.
import { expect, test } from "@playwright/test";
import { ACCOUNTS } from "../support/accounts";
import { loginViaForm } from "../support/auth";

const count = async (text: string | null) => Number(/\d+/.exec(text ?? "")?.[0] ?? NaN);

test("un responsable enregistre une réunion de gouvernance et voit le compte de l'année avancer", async ({ page }) => {
  await loginViaForm(page, ACCOUNTS.managerLens.email);
  await expect(page.getByTestId("home-role")).toBeVisible();
  await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Gouvernance", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Gouvernance");
  const counter = page.getByTestId("governance-count-POLE_DIRIGEANT");
  const before = await count(await counter.textContent());
  expect(before).toBeGreaterThanOrEqual(0);
  await expect(page.getByRole("progressbar", { name: /Pôle dirigeant/ })).toBeVisible();

  await page.getByRole("link", { name: "Nouvelle réunion" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nouvelle réunion de gouvernance");
  await page.getByLabel("Instance").selectOption({ label: "Pôle dirigeant" });
  await page.getByLabel("Participants").fill("Président de la communauté d'agglomération\nResponsable de la plateforme\nRéférente Proch'Emploi Région");
  await page.getByLabel("Décisions").fill("Plan d'action marché caché pour le semestre");
  await page.getByRole("button", { name: "Enregistrer la réunion" }).click();

  await expect(page).toHaveURL(/\/gouvernance$/);
  await expect(counter).toContainText(String(before + 1));
  await expect(page.getByRole("row").filter({ hasText: "Plan d'action marché caché pour le semestre" }).first()).toBeVisible();
  await page.screenshot({ path: ".data/test-results/screens/governance.png", fullPage: true });
});

test("une modification sur une version périmée affiche « modifié entre-temps » et un lien pour recharger", async ({ page }) => {
  await loginViaForm(page, ACCOUNTS.managerLens.email);
  await expect(page.getByTestId("home-role")).toBeVisible();
  const list = (await (await page.request.get("/api/v1/governance-meetings?kind=COMITE_TECHNIQUE&pageSize=1")).json()) as { items: { id: string; version: number }[] };
  const meeting = list.items[0]!;
  await page.goto(`/gouvernance/${meeting.id}`);
  // Someone else saves the meeting meanwhile.
  const origin = new URL(page.url()).origin;
  const other = await page.request.patch(`/api/v1/governance-meetings/${meeting.id}`, { data: { decisions: "Modifié par un collègue", version: meeting.version }, headers: { origin } });
  expect(other.status()).toBe(200);
  await page.getByLabel("Décisions").fill("Ma version");
  await page.getByRole("button", { name: "Enregistrer les modifications" }).click();
  await expect(page.getByText(/modifié entre-temps/)).toBeVisible();
  await page.getByRole("link", { name: /Recharger la page/ }).click();
  await expect(page.getByLabel("Décisions")).toHaveValue("Modifié par un collègue");
});
