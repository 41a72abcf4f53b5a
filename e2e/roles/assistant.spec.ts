import { expect, test } from "@playwright/test";
import { ACCOUNTS } from "../support/accounts";
import { loginViaForm } from "../support/auth";
import { roleJourney } from "../support/role-journey";

const assistant = {
  allowedPages: [
    { path: "/", heading: /Bonjour/, nav: "Accueil" },
    { path: "/entreprises", heading: /Entreprises/, nav: "Entreprises" },
    { path: "/rappels", heading: /Rappels numéro vert/, nav: "Rappels" },
    { path: "/chefs-de-file", heading: /Chefs de file métiers/, nav: "Chefs de file" },
    { path: "/gouvernance", heading: /Gouvernance/, nav: "Gouvernance" },
    { path: "/profil", heading: /Mon profil/, nav: "Mon profil" },
  ],
  forbiddenPages: ["/financement", "/rgpd", "/administration/utilisateurs", "/gouvernance/nouvelle"],
  forbiddenApis: ["/api/v1/subsidy-files", "/api/v1/audit-events"],
  hiddenNav: ["Financement", "Données personnelles", "Utilisateurs"],
  homeFigures: ["callbacksDue", "companies", "openOffers", "jobSeekers"],
};

roleJourney(ACCOUNTS.assistantLens, assistant);
roleJourney(ACCOUNTS.assistantAmiens, assistant);

test("une assistante ne voit que les entreprises de sa plateforme", async ({ page }) => {
  await loginViaForm(page, ACCOUNTS.assistantLens.email);
  await expect(page.getByTestId("home-role")).toBeVisible();
  const res = await page.request.get("/api/v1/companies?pageSize=200");
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { items: { platform: string }[]; total: number };
  expect(body.total).toBeGreaterThan(0);
  expect(new Set(body.items.map((c) => c.platform))).toEqual(new Set(["Lens-Liévin"]));
});
