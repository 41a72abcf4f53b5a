// The acceptance journey of issue 10: invite → outbox → set password → charter → own platform only
// → deactivated, refused at the next request.
import { expect, test } from "@playwright/test";
import { axeViolations } from "../support/a11y";
import { ACCOUNTS } from "../support/accounts";
import { loginViaForm } from "../support/auth";

const NEW_PASSWORD = "Une phrase de passe pour Amiens 2026";

test("l'admin invite une assistante pour l'Amiénois, qui active son compte, ne voit que l'Amiénois, puis est désactivée", async ({ page, browser }) => {
  test.setTimeout(90_000);
  const email = `assistante.${Date.now()}@amiens.test`;

  // 1. The admin invites her.
  await loginViaForm(page, ACCOUNTS.admin.email);
  await expect(page.getByTestId("home-role")).toBeVisible();
  await page.goto("/administration/utilisateurs");
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole("link", { name: "Inviter un utilisateur" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Inviter un utilisateur");
  expect(await axeViolations(page)).toEqual([]);
  await page.getByLabel("Adresse e-mail professionnelle").fill(email);
  await page.getByLabel("Prénom").fill("Inès");
  await page.getByLabel("Nom", { exact: true }).fill("Delattre");
  await page.getByLabel("Rôle", { exact: true }).selectOption("PLATFORM_ASSISTANT");
  await page.getByRole("checkbox", { name: "Amiénois" }).check();
  await page.getByRole("button", { name: "Envoyer l'invitation" }).click();
  await expect(page.getByText(`Invitation envoyée à ${email}`)).toBeVisible();

  // 2. No SMTP on the test machine: the invitation waits in the outbox, link included.
  await page.getByRole("link", { name: "Voir la boîte d'envoi" }).click();
  await expect(page.getByTestId("smtp-status")).toContainText("Aucun serveur SMTP");
  const row = page.getByRole("row").filter({ hasText: email });
  await expect(row).toContainText("Invitation");
  await row.getByText("Votre compte SI Proch'Emploi").click();
  const link = await row.getByRole("link", { name: /mot-de-passe\/definir/ }).getAttribute("href");
  expect(link).toMatch(/\/mot-de-passe\/definir\?jeton=/);

  // 3. She follows the link in her own browser, sets a password, logs in and accepts the charter.
  const her = await browser.newContext();
  const hers = await her.newPage();
  await hers.goto(link!);
  await expect(hers.getByRole("heading", { level: 1 })).toHaveText("Activer mon compte");
  await hers.getByLabel("Nouveau mot de passe").fill("azertyuiop123");
  await hers.getByLabel("Confirmer le mot de passe").fill("azertyuiop123");
  await hers.getByRole("button", { name: "Enregistrer mon mot de passe" }).click();
  await expect(hers.getByText("trop courant")).toBeVisible();
  await hers.getByLabel("Nouveau mot de passe").fill(NEW_PASSWORD);
  await hers.getByLabel("Confirmer le mot de passe").fill(NEW_PASSWORD);
  await hers.getByRole("button", { name: "Enregistrer mon mot de passe" }).click();
  await expect(hers.getByText("Votre mot de passe est enregistré.")).toBeVisible();
  await loginViaForm(hers, email, NEW_PASSWORD);
  await expect(hers.getByRole("heading", { level: 1 })).toHaveText("Engagement de confidentialité");
  await hers.getByRole("checkbox", { name: /je m'engage à le respecter/ }).check();
  await hers.getByRole("button", { name: "Accepter et continuer" }).click();
  await expect(hers.getByTestId("home-role")).toHaveText(/Assistant·e de plateforme/);
  await expect(hers.getByTestId("current-role")).toContainText("Amiénois");

  // Only Amiénois data.
  const me = (await (await hers.request.get("/api/v1/me")).json()) as { platforms: { name: string }[] };
  expect(me.platforms.map((p) => p.name)).toEqual(["Amiénois"]);
  const companies = (await (await hers.request.get("/api/v1/companies?pageSize=200")).json()) as { items: { platform: string }[]; total: number };
  expect(companies.total).toBeGreaterThan(0);
  expect(new Set(companies.items.map((c) => c.platform))).toEqual(new Set(["Amiénois"]));

  // The used link does not work a second time.
  await hers.goto(link!);
  await expect(hers.getByText("Ce lien a déjà été utilisé.", { exact: false })).toBeVisible();

  // 4. The admin deactivates her; her next request is refused.
  await page.goto(`/administration/utilisateurs?q=${encodeURIComponent(email)}`);
  await page.getByRole("link", { name: email }).click();
  await expect(page.getByTestId("user-status")).toHaveText("Actif");
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "Désactiver le compte" }).click();
  await expect(page.getByText("Compte désactivé : ses sessions sont fermées.")).toBeVisible();
  await expect(page.getByTestId("user-status")).toHaveText("Désactivé");

  expect((await hers.request.get("/api/v1/me")).status()).toBe(401);
  await hers.goto("/");
  await expect(hers).toHaveURL(/\/connexion/);
  await her.close();
});

test("mot de passe oublié : même réponse pour toute adresse, et un lien inventé est refusé clairement", async ({ page }) => {
  await page.goto("/connexion");
  await page.getByRole("link", { name: "Mot de passe oublié ?" }).click();
  // Wait for the new page: the login page also has an "Adresse e-mail" field.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mot de passe oublié");
  await page.getByLabel("Adresse e-mail").fill("personne@inconnu.test");
  await page.getByRole("button", { name: "Recevoir un lien" }).click();
  await expect(page.getByText("Si un compte actif correspond à cette adresse")).toBeVisible();
  await page.goto("/mot-de-passe/definir?jeton=invente-invente-invente-invente");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Lien inutilisable");
  await expect(page.getByText("Ce lien n'est pas valide.")).toBeVisible();
});

test("un·e responsable de plateforme ne peut proposer que le rôle d'assistant·e sur sa plateforme", async ({ page }) => {
  await loginViaForm(page, ACCOUNTS.managerLens.email);
  await expect(page.getByTestId("home-role")).toBeVisible();
  await page.goto("/administration/utilisateurs/inviter");
  await expect(page.getByLabel("Rôle", { exact: true }).locator("option")).toHaveText(["Assistant·e de plateforme"]);
  await expect(page.getByRole("checkbox")).toHaveCount(1);
  await expect(page.getByRole("checkbox", { name: "Lens-Liévin" })).toBeVisible();
});
