// The journey every role shares: log in (browser and HTTP), land on its home, see only its pages.
import { expect, test } from "@playwright/test";
import { ALL_PLATFORMS, type DemoAccount } from "./accounts";
import { expectedPlatforms, loginViaForm, loginViaHttp } from "./auth";

export interface RoleExpectations {
  /** Pages the role opens (200) and sees in its navigation. */
  allowedPages: { path: string; heading: RegExp; nav?: string }[];
  /** Pages the role is refused (403 page). */
  forbiddenPages: string[];
  /** API routes the role is refused (403). */
  forbiddenApis: string[];
  /** Navigation labels the role must not see. */
  hiddenNav: string[];
  /** Home figures (data-testid suffixes) shown with a number. */
  homeFigures: string[];
}

export function roleJourney(account: DemoAccount, x: RoleExpectations) {
  test.describe(`${account.role} (${account.email})`, () => {
    test("se connecte par le formulaire et arrive sur son accueil", async ({ page }) => {
      await loginViaForm(page, account.email);
      await expect(page).toHaveURL(/\/$/);
      await expect(page.getByTestId("home-role")).toHaveText(account.roleLabel);
      for (const f of x.homeFigures) {
        await expect(page.getByTestId(`figure-${f}`)).toContainText(/\d/);
      }
      const nav = page.getByRole("navigation", { name: "Navigation principale" });
      for (const p of x.allowedPages) {
        if (p.nav) await expect(nav.getByRole("link", { name: p.nav, exact: true })).toBeVisible();
      }
      for (const label of x.hiddenNav) {
        await expect(nav.getByRole("link", { name: label, exact: true })).toHaveCount(0);
      }
      await page.screenshot({ path: `.data/test-results/screens/home-${account.role}.png`, fullPage: true });
    });

    test("ouvre ses pages et se voit refuser les autres", async ({ page }) => {
      await loginViaForm(page, account.email);
      await expect(page.getByTestId("home-role")).toBeVisible();
      for (const p of x.allowedPages) {
        const res = await page.goto(p.path);
        expect(res?.status(), p.path).toBe(200);
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(p.heading);
      }
      for (const path of x.forbiddenPages) {
        const res = await page.goto(path);
        expect(res?.status(), path).toBe(403);
        await expect(page.getByRole("heading", { level: 1 })).toHaveText("Accès refusé");
      }
    });

    test("se connecte par le flux HTTP de next-auth et /api/v1/me renvoie son rôle", async ({ request }) => {
      expect([200, 302]).toContain(await loginViaHttp(request, account.email));
      const me = await request.get("/api/v1/me");
      expect(me.status()).toBe(200);
      const body = (await me.json()) as { email: string; role: string; platforms: { id: string; name: string }[] };
      expect(body.email).toBe(account.email);
      expect(body.role).toBe(account.role);
      expect(body.platforms.map((p) => p.name).sort()).toEqual(expectedPlatforms(account, ALL_PLATFORMS).sort());
      for (const api of x.forbiddenApis) {
        const res = await request.get(api);
        expect(res.status(), api).toBe(403);
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe("FORBIDDEN");
      }
    });
  });
}
