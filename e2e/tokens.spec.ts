import { expect, request as newRequest, test } from "@playwright/test";
import { ACCOUNTS } from "./support/accounts";
import { loginViaForm } from "./support/auth";

test("un jeton personnel créé sur le profil ouvre l'API, puis plus rien une fois révoqué", async ({ page, baseURL }) => {
  // Issue 22 §6: tokens only for the roles that integrate (the platform manager is one).
  await loginViaForm(page, ACCOUNTS.managerLens.email);
  await expect(page.getByTestId("home-role")).toBeVisible();
  await page.goto("/profil");
  await page.getByLabel("Nom du jeton").fill("Export mensuel");
  await page.getByRole("button", { name: "Créer un jeton" }).click();
  const token = (await page.getByTestId("new-token").textContent())?.trim() ?? "";
  expect(token).toMatch(/^pe_/);

  const api = await newRequest.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
  const me = await api.get("/api/v1/me");
  expect(me.status()).toBe(200);
  expect(((await me.json()) as { role: string }).role).toBe("PLATFORM_MANAGER");
  expect((await api.get("/api/v1/audit-events")).status()).toBe(403);

  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: /Révoquer le jeton Export mensuel/ }).click();
  await expect(page.getByRole("cell", { name: "Révoqué" })).toBeVisible();
  expect((await api.get("/api/v1/me")).status()).toBe(401);
  await api.dispose();
});

test("un rôle qui n'intègre pas d'outil n'a pas de section « Jetons » sur son profil, et l'API le lui refuse (403, en français)", async ({ page }) => {
  await loginViaForm(page, ACCOUNTS.referent.email);
  await expect(page.getByTestId("home-role")).toBeVisible();
  await page.goto("/profil");
  await expect(page.getByRole("heading", { name: "Mon profil" })).toBeVisible();
  await expect(page.getByLabel("Nom du jeton")).toHaveCount(0);
  const res = await page.request.get("/api/v1/tokens");
  expect(res.status()).toBe(403);
  expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/réservés aux rôles qui relient l'application à un autre outil/);
});

test("un jeton inventé est refusé (401, JSON)", async ({ baseURL }) => {
  const api = await newRequest.newContext({ baseURL, extraHTTPHeaders: { Authorization: "Bearer pe_invente-0000" } });
  const res = await api.get("/api/v1/me");
  expect(res.status()).toBe(401);
  expect(await res.json()).toEqual({ error: { code: "UNAUTHENTICATED", message: "Authentification requise." } });
  await api.dispose();
});

test("la documentation de l'API et le document OpenAPI sont publiés", async ({ page, request }) => {
  const doc = await request.get("/api/v1/openapi.json");
  expect(doc.status()).toBe(200);
  const body = (await doc.json()) as { openapi: string; paths: Record<string, unknown> };
  expect(body.openapi).toBe("3.1.0");
  expect(Object.keys(body.paths)).toContain("/api/v1/me");
  await page.goto("/docs/api");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Documentation de l'API");
  await expect(page.getByRole("cell", { name: "/api/v1/me" })).toBeVisible();
});
