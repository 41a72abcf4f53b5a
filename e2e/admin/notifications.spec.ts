import { expect, test } from "@playwright/test";
import { axeViolations } from "../support/a11y";
import { ACCOUNTS } from "../support/accounts";
import { loginViaForm } from "../support/auth";

test("la cloche mène aux notifications, où chacun choisit comment être prévenu", async ({ page }) => {
  await loginViaForm(page, ACCOUNTS.assistantLens.email);
  await expect(page.getByTestId("home-role")).toBeVisible();
  await expect(page.getByTestId("notification-bell")).toHaveAccessibleName(/^Notifications, /);
  await page.getByTestId("notification-bell").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Notifications");
  expect(await axeViolations(page)).toEqual([]);
  const box = page.getByRole("checkbox", { name: "Rappels numéro vert à faire : Par courriel, aussitôt" });
  await expect(box).not.toBeChecked();
  await box.check();
  await page.getByRole("button", { name: "Enregistrer mes choix" }).click();
  await expect(page.getByText("Choix enregistrés.")).toBeVisible();
  const prefs = (await (await page.request.get("/api/v1/notifications/preferences")).json()) as Record<string, { email: boolean }>;
  expect(prefs["callback.due"]?.email).toBe(true);
  const list = await page.request.get("/api/v1/notifications");
  expect(list.status()).toBe(200);
  expect(typeof ((await list.json()) as { unread: number }).unread).toBe("number");
});
