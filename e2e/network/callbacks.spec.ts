// An assistant works the numéro-vert callback queue: records a call received three days ago, sees
// it overdue, logs a call with the keyboard only, and the callback leaves the overdue list.
import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS } from "../support/accounts";
import { loginViaForm } from "../support/auth";

function localInput(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A company of the assistant's platform with no callback waiting (only one may wait per company). */
async function companyWithoutOpenCallback(page: Page): Promise<{ id: string; name: string }> {
  const open = (await (await page.request.get("/api/v1/callbacks?status=A_RAPPELER&pageSize=200")).json()) as { items: { companyId: string }[] };
  const busy = new Set(open.items.map((c) => c.companyId));
  const companies = (await (await page.request.get("/api/v1/companies?pageSize=200&sort=-name")).json()) as { items: { id: string; name: string }[] };
  const free = companies.items.find((c) => !busy.has(c.id) && companies.items.filter((o) => o.name === c.name).length === 1);
  if (!free) throw new Error("aucune entreprise libre dans les données de démonstration");
  return free;
}

test("une assistante traite la file des rappels au clavier", async ({ page }) => {
  await loginViaForm(page, ACCOUNTS.assistantLens.email);
  await expect(page.getByTestId("home-role")).toBeVisible();
  // Ma journée lists the callbacks due, under the figure cards.
  await expect(page.getByRole("heading", { name: "Ma journée" })).toBeVisible();
  await expect(page.getByTestId("day-callbacks")).toBeVisible();
  // The demo plans visits for the coming week: the assistant sees hers, each linking to the company.
  await expect(page.getByTestId("day-visits").getByRole("link").first()).toHaveAttribute("href", /^\/entreprises\/[0-9a-f-]{36}$/);

  const company = await companyWithoutOpenCallback(page);
  await page.goto(`/rappels/nouveau?entreprise=${company.id}`);
  await expect(page.getByRole("combobox", { name: "Entreprise" })).toHaveValue(company.name);
  await expect(page.locator('input[name="companyId"]')).toHaveValue(company.id);
  await page.getByLabel("Appel reçu le").fill(localInput(new Date(Date.now() - 3 * 86_400_000)));
  await page.getByRole("button", { name: "Créer le rappel" }).click();
  await expect(page).toHaveURL(/\/rappels\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Rappel : ${company.name}`);
  await expect(page.getByText("En retard").first()).toBeVisible();
  const callbackUrl = page.url();

  // The overdue list shows it, in words and with an icon.
  await page.goto("/rappels?overdue=1&pageSize=200");
  await expect(page.getByTestId("overdue-count")).toContainText("en retard");
  const row = page.getByRole("row").filter({ hasText: company.name });
  await expect(row).toHaveCount(1);
  await expect(row.getByText("En retard")).toBeVisible();

  // Keyboard only: arrows choose the outcome, Tab reaches the note, Enter submits.
  await page.goto(callbackUrl);
  await page.getByRole("radio", { name: /Pas joint/ }).focus();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("radio", { name: /Joint, pas de besoin/ })).toBeChecked();
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Note (facultatif)")).toBeFocused();
  await page.keyboard.type("Dirigeant joint, pas de recrutement avant l'été");
  await page.keyboard.press("Enter");
  await expect(page.getByText("Tentative enregistrée.")).toBeVisible();
  await expect(page.getByTestId("callback-status")).toContainText("Joint");
  await expect(page.getByTestId("attempts")).toContainText("Dirigeant joint");
  await page.screenshot({ path: ".data/test-results/screens/callback-detail.png", fullPage: true });

  // Reached: the callback has left the overdue list.
  await page.goto("/rappels?overdue=1&pageSize=200");
  await expect(page.getByRole("row").filter({ hasText: company.name })).toHaveCount(0);
});

test("le rappel d'une autre plateforme est introuvable (404)", async ({ page }) => {
  await loginViaForm(page, ACCOUNTS.assistantLens.email);
  await expect(page.getByTestId("home-role")).toBeVisible();
  const lens = (await (await page.request.get("/api/v1/callbacks?pageSize=1")).json()) as { items: { id: string }[] };
  const id = lens.items[0]!.id;
  await page.context().clearCookies();
  await loginViaForm(page, ACCOUNTS.assistantAmiens.email);
  await expect(page.getByTestId("home-role")).toBeVisible();
  expect((await page.request.get(`/api/v1/callbacks/${id}`)).status()).toBe(404);
  expect((await page.goto(`/rappels/${id}`))?.status()).toBe(404);
});
