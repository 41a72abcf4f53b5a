import { expect, request as newRequest, test } from "@playwright/test";
import { ACCOUNTS } from "./support/accounts";
import { loginViaForm } from "./support/auth";

test("un jeton personnel créé sur le profil ouvre l'API, puis plus rien une fois révoqué", async ({ page, baseURL }) => {
  await loginViaForm(page, ACCOUNTS.referent.email);
  await expect(page.getByTestId("home-role")).toBeVisible();
  await page.goto("/profil");
  await page.getByLabel("Nom du jeton").fill("Export mensuel");
  await page.getByRole("button", { name: "Créer un jeton" }).click();
  const token = (await page.getByTestId("new-token").textContent())?.trim() ?? "";
  expect(token).toMatch(/^pe_/);

  const api = await newRequest.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
  const me = await api.get("/api/v1/me");
  expect(me.status()).toBe(200);
  expect(((await me.json()) as { role: string }).role).toBe("REGION_REFERENT");
  expect((await api.get("/api/v1/subsidy-files")).status()).toBe(403);

  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: /Révoquer le jeton Export mensuel/ }).click();
  await expect(page.getByRole("cell", { name: "Révoqué" })).toBeVisible();
  expect((await api.get("/api/v1/me")).status()).toBe(401);
  await api.dispose();
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
