import { expect, test } from "@playwright/test";
import { axeViolations } from "../support/a11y";
import { ACCOUNTS } from "../support/accounts";
import { loginViaForm } from "../support/auth";

const plain = (s: string) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();

test("recherche globale : raccourci clavier, sans accents, résultats du seul périmètre, accessible", async ({ page }) => {
  await loginViaForm(page, ACCOUNTS.assistantAmiens.email);
  await expect(page.getByTestId("home-role")).toBeVisible();
  const list = (await (await page.request.get("/api/v1/companies?pageSize=5")).json()) as { items: { name: string; platform: string }[] };
  const company = list.items[0]!;
  await page.keyboard.press("/");
  await expect(page.getByRole("searchbox", { name: /Rechercher/ })).toBeFocused();
  await page.keyboard.type(plain(company.name));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Recherche");
  const companies = page.getByRole("region", { name: /Entreprises/ });
  await expect(companies.getByRole("link", { name: company.name }).first()).toBeVisible();
  await expect(companies).not.toContainText("Lens-Liévin");
  expect(await axeViolations(page)).toEqual([]);

  const api = await page.request.get(`/api/v1/search?q=${encodeURIComponent(plain(company.name))}`);
  expect(api.status()).toBe(200);
  const body = (await api.json()) as { groups: { type: string; hits: { title: string }[] }[] };
  expect(body.groups.find((g) => g.type === "company")?.hits.map((h) => h.title)).toContain(company.name);
  expect((await page.request.get("/api/v1/search?q=a")).status()).toBe(400);
});
