// Issue 20 acceptance (Playwright): an assistant invites three job seekers and one company, one
// person confirms from the public page on a phone, the list shows it; the letters PDF has one A4
// page per person (a page rendered to PNG and looked at); axe clean on the public page.
import { readFileSync } from "node:fs";
import { expect as baseExpect, test, type Page } from "@playwright/test";
import { PDFDocument } from "pdf-lib";
import { axeViolations } from "../support/a11y";
import { ACCOUNTS } from "../support/accounts";
import { loginViaForm } from "../support/auth";
import { withDb } from "../security/fixtures";

const expect = baseExpect.configure({ timeout: 30_000 });

async function signedIn(page: Page, email: string) {
  await loginViaForm(page, email);
  await expect(page.getByTestId("home-role")).toBeVisible();
}

async function pick(page: Page) {
  const seekers = page.getByRole("group", { name: "Demandeurs d'emploi" }).getByRole("checkbox");
  for (let i = 0; i < 3; i++) await seekers.nth(i).check();
  await page.getByRole("group", { name: "Entreprises (contacts)" }).getByRole("checkbox").first().check();
}

test("une assistante invite trois demandeurs et une entreprise ; l'une confirme sur son téléphone ; la liste le montre ; les courriers font une page par personne", async ({ page, browser }, info) => {
  test.setTimeout(240_000);
  await signedIn(page, ACCOUNTS.assistantLens.email);
  await page.goto("/evenements/nouveau");
  const title = `Circuit court invitations ${Date.now().toString(36)}`;
  await page.getByLabel("Titre (obligatoire)", { exact: true }).fill(title);
  await page.getByLabel("Date et heure (obligatoire)", { exact: true }).fill("2030-03-12T09:30");
  await page.getByLabel("Lieu (obligatoire)", { exact: true }).fill("Maison de l'emploi de Lens");
  await page.getByLabel("Capacité (demandeurs d'emploi)", { exact: true }).fill("10");
  await page.getByRole("button", { name: "Créer l'événement" }).click();
  await expect(page.getByRole("heading", { name: "Invitations", exact: true })).toBeVisible();
  const eventId = /\/evenements\/([0-9a-f-]{36})/.exec(page.url())![1]!;

  // Preview, then send.
  await page.getByText("Aperçu du message").click();
  await expect(page.getByTestId("invitation-preview")).toContainText("Bonjour Camille,");
  await expect(page.getByTestId("invitation-preview")).toContainText("Vos coordonnées sont traitées");
  await pick(page);
  await page.getByRole("button", { name: "Envoyer les invitations (4)" }).click();
  await expect(page.getByTestId("invite-result")).toContainText("4 personne·s invitée·s");
  const rows = page.getByRole("table", { name: "Invitations : réponses et état des messages" }).locator("tbody tr");
  await expect(rows).toHaveCount(4);
  await expect(rows.filter({ hasText: "Sans réponse" })).toHaveCount(4);
  expect(await axeViolations(page)).toEqual([]);

  // The e2e server has no SMTP: the e-mail waits in the outbox, where we read the personal link.
  const text = await withDb(async (c) => (await c.query<{ text: string }>(`SELECT text FROM "OutboxEmail" WHERE purpose = 'circuit-court' AND text LIKE $1 ORDER BY "createdAt" LIMIT 1`, [`%e=${eventId}&%`])).rows[0]!.text);
  const path = /\/invitation\?e=[0-9a-f-]{36}&jeton=[A-Za-z0-9_-]+/.exec(text)![0];
  const firstName = /^Bonjour (.+),$/m.exec(text)![1]!;

  // The person answers on a phone, without an account.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, baseURL: info.project.use.baseURL });
  const mobile = await phone.newPage();
  await mobile.goto(path);
  await expect(mobile.getByRole("heading", { level: 1 })).toHaveText(`Bonjour ${firstName}`);
  await expect(mobile.getByText(title)).toBeVisible();
  expect(await axeViolations(mobile)).toEqual([]);
  // Nothing but the event's public details and the first name: no surname, no e-mail.
  const body = await mobile.locator("body").innerText();
  expect(body).not.toContain("@");
  expect(await mobile.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await mobile.getByRole("button", { name: "Je confirme ma venue" }).click();
  await expect(mobile.getByTestId("answer-result")).toHaveText("Merci, votre venue est confirmée. Votre place est réservée.");
  // Replayed link: refused clearly, in French.
  await mobile.reload();
  await expect(mobile.getByText("Votre réponse : Confirmé")).toBeVisible();
  await phone.close();

  // The assistant's list shows the answer and the registration.
  await page.reload();
  await expect(rows.filter({ hasText: "Confirmé" })).toHaveCount(1);
  await expect(page.getByRole("table", { name: "Participants" }).getByText("Place confirmée")).toHaveCount(1);

  // Attendance on a phone (390 px): the participant rows stack, nothing scrolls sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  const participants = page.locator('div[role="region"][aria-label="Participants"]');
  await expect(participants).toBeVisible();
  expect(await participants.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const attendance = page.getByRole("form", { name: /Présence :/ }).first();
  await attendance.getByLabel("Présence").selectOption("EXCUSED");
  await Promise.all([page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/evenements/")), attendance.getByRole("button", { name: /Noter/ }).click()]);
  await page.waitForLoadState("networkidle");
  await page.reload();
  await expect(page.getByRole("form", { name: /Présence :/ }).first().getByLabel("Présence")).toHaveValue("EXCUSED");
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.reload();

  // Letters: one PDF, one A4 page per person.
  await pick(page);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Imprimer les courriers (PDF)" }).click()]);
  const file = info.outputPath("convocations.pdf");
  await download.saveAs(file);
  const pdf = await PDFDocument.load(readFileSync(file));
  expect(pdf.getPageCount()).toBe(4);
  for (const p of pdf.getPages()) {
    expect(Math.round(p.getWidth())).toBe(595);
    expect(Math.round(p.getHeight())).toBe(842);
  }
  // One page rendered to PNG by Chromium's PDF viewer, kept with the results to be looked at.
  const viewer = await browser.newPage({ viewport: { width: 900, height: 1200 } });
  await viewer.goto(`file://${file}`).catch(() => undefined);
  await viewer.waitForTimeout(2000);
  await viewer.screenshot({ path: info.outputPath("convocation-page-1.png") });
  await viewer.close();
});
