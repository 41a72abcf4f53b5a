// Issue 7: two-factor login. The France Travail reviewer (2FA mandatory, enrolled by the seed) cannot
// reach anything with the password alone; the code completes the login. A mandatory-2FA account not
// yet enrolled can reach nothing but the enrolment page, which passes axe.
import { expect, test } from "@playwright/test";
import { axeViolations } from "./support/a11y";
import { generateSync } from "otplib";
import { ACCOUNTS, DEMO_PASSWORD } from "./support/accounts";
import { demoTotp, loginViaForm, loginViaHttp, submitPassword, withTotpTurn } from "./support/auth";

const URLS = ["/", "/financement", "/bilans", "/profil", "/rgpd", "/notifications", "/double-authentification", "/administration/utilisateurs"];

test("France Travail : sans le second facteur, aucune page n'est accessible ; avec le code, la connexion aboutit", async ({ page }) => {
  await submitPassword(page, ACCOUNTS.reviewer.email);
  await expect(page.getByLabel("Code de vérification")).toBeVisible();
  // Password checked, no code given: no session at all.
  expect((await page.request.get("/api/v1/me")).status()).toBe(401);
  for (const url of URLS) {
    await page.goto(url);
    await expect(page, url).toHaveURL(/\/connexion/);
  }
  // The HTTP flow without the code does not open a session either.
  await loginViaHttp(page.request, ACCOUNTS.reviewer.email, DEMO_PASSWORD, null);
  expect((await page.request.get("/api/v1/me")).status()).toBe(401);

  // A wrong code is refused with a clear message; the right one signs in.
  await submitPassword(page, ACCOUNTS.reviewer.email);
  const wrong = demoTotp() === "000000" ? "111111" : "000000";
  await page.getByLabel("Code de vérification").fill(wrong);
  await page.getByRole("button", { name: "Vérifier" }).click();
  await expect(page.getByText("Code de vérification incorrect.")).toBeVisible();
  await withTotpTurn(ACCOUNTS.reviewer.email, async (code) => {
    await page.getByLabel("Code de vérification").fill(code);
    await page.getByRole("button", { name: "Vérifier" }).click();
    await expect(page.getByTestId("home-role")).toBeVisible();
  });
  expect((await page.request.get("/api/v1/me")).status()).toBe(200);
});

test("les deux facteurs passent en une seule requête au flux next-auth (champ totp)", async ({ request }) => {
  expect([200, 302]).toContain(await loginViaHttp(request, ACCOUNTS.dpo.email));
  const me = await request.get("/api/v1/me");
  expect(me.status()).toBe(200);
  expect(((await me.json()) as { role: string }).role).toBe("DPO");
});

test("un compte à double authentification obligatoire non enrôlé n'atteint que l'enrôlement ; l'administrateur peut le réinitialiser", async ({ page, browser }) => {
  // A new France Travail reviewer, invited by the admin (demo accounts stay as the seed made them).
  const email = `controle.${Date.now()}@francetravail.test`;
  const password = "Revue-France-Travail-2026!";
  await loginViaForm(page, ACCOUNTS.admin.email);
  await expect(page.getByTestId("home-role")).toBeVisible();
  await page.goto("/administration/utilisateurs/inviter");
  await page.getByLabel("Adresse e-mail professionnelle").fill(email);
  await page.getByLabel("Prénom").fill("Paul");
  await page.getByLabel("Nom", { exact: true }).fill("Verhaeghe");
  await page.getByLabel("Rôle", { exact: true }).selectOption("FRANCE_TRAVAIL_REVIEWER");
  await page.getByRole("button", { name: "Envoyer l'invitation" }).click();
  await expect(page.getByText(`Invitation envoyée à ${email}`)).toBeVisible();
  await page.getByRole("link", { name: "Voir la boîte d'envoi" }).click();
  const row = page.getByRole("row").filter({ hasText: email });
  await row.getByText("Votre compte SI Proch'Emploi").click();
  const link = await row.getByRole("link", { name: /mot-de-passe\/definir/ }).getAttribute("href");

  const ctx = await browser.newContext();
  const him = await ctx.newPage();
  await him.goto(link!);
  await him.getByLabel("Nouveau mot de passe").fill(password);
  await him.getByLabel("Confirmer le mot de passe").fill(password);
  await him.getByRole("button", { name: "Enregistrer mon mot de passe" }).click();
  await expect(him.getByText("Votre mot de passe est enregistré.")).toBeVisible();

  // Password only (no second factor yet): the enrolment page and nothing else.
  await submitPassword(him, email, password);
  await expect(him).toHaveURL(/\/double-authentification/);
  await expect(him.getByRole("heading", { level: 1, name: "Activer la double authentification" })).toBeVisible();
  expect(await axeViolations(him)).toEqual([]);
  for (const url of ["/", "/bilans", "/profil", "/charte", "/notifications"]) {
    await him.goto(url);
    await expect(him, url).toHaveURL(/\/double-authentification/);
  }
  expect((await him.request.get("/api/v1/me")).status()).toBe(403);
  expect((await him.request.get("/api/v1/subsidy-files")).status()).toBe(403);

  // Enrolment: first code, then the 10 recovery codes shown once, then the charter.
  const secret = (await him.getByTestId("totp-secret").textContent())!.replace(/\s+/g, "");
  await him.getByLabel("Code à 6 chiffres").fill(generateSync({ secret }));
  await him.getByRole("button", { name: "Confirmer et activer" }).click();
  await expect(him.getByTestId("recovery-codes").getByRole("listitem")).toHaveCount(10);
  const recovery = (await him.getByTestId("recovery-codes").getByRole("listitem").first().textContent())!;
  await him.getByRole("button", { name: "J'ai noté mes codes, continuer" }).click();
  await expect(him.getByRole("heading", { level: 1 })).toHaveText("Engagement de confidentialité");

  // Next login: a recovery code works once as the second factor.
  await ctx.clearCookies();
  await submitPassword(him, email, password);
  await him.getByLabel("Code de vérification").fill(recovery);
  await him.getByRole("button", { name: "Vérifier" }).click();
  await expect(him.getByRole("heading", { level: 1 })).toHaveText("Engagement de confidentialité");

  // Lost phone: the admin resets the second factor; his session ends and he must enrol again.
  await page.goto(`/administration/utilisateurs?q=${encodeURIComponent(email)}`);
  await page.getByRole("link", { name: email }).click();
  await expect(page.getByTestId("user-totp")).toHaveText("Activée");
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "Réinitialiser la double authentification" }).click();
  await expect(page.getByTestId("user-totp")).toHaveText(/Non activée \(obligatoire/);
  await him.goto("/charte");
  await expect(him).toHaveURL(/\/connexion/);
  await submitPassword(him, email, password);
  await expect(him).toHaveURL(/\/double-authentification/);
  await ctx.close();
});

test("un code déjà utilisé ne rouvre pas de session (rejeu dans sa fenêtre de 30 s, issue 16 §10)", async ({ playwright, baseURL }) => {
  const first = await playwright.request.newContext({ baseURL });
  const second = await playwright.request.newContext({ baseURL });
  await withTotpTurn(ACCOUNTS.dpo.email, async (code) => {
    expect([200, 302]).toContain(await loginViaHttp(first, ACCOUNTS.dpo.email, DEMO_PASSWORD, code));
    expect((await first.get("/api/v1/me")).status()).toBe(200);
    // The same code, replayed at once from elsewhere: refused, no session.
    await loginViaHttp(second, ACCOUNTS.dpo.email, DEMO_PASSWORD, code);
    expect((await second.get("/api/v1/me")).status()).toBe(401);
  });
  await Promise.all([first.dispose(), second.dispose()]);
});
