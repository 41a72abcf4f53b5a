// Issue 22 — the platforms as processors (Région convention annex 1 art. 3.4 and 3.7): an assistant
// records a rights request received yesterday and a breach detected this morning; both are sent at
// once by e-mail; the DPO sees them with the clocks started at the platform's receipt/detection, and
// the breach register and the outbox show the new entries.
import { axeViolations } from "./support/a11y";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { ACCOUNTS } from "./support/accounts";
import { loginViaForm } from "./support/auth";


async function localInputHoursAgo(page: Page, hours: number): Promise<string> {
  return page.evaluate((h) => {
    const d = new Date(Date.now() - h * 3_600_000);
    const pad = (n: number) => String(n).padStart(2, "0");
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
  }, hours);
}

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await loginViaForm(page, email);
  // The machine running the suite may be loaded: the first request after login can be slow.
  await expect(page.getByTestId("home-role")).toBeVisible({ timeout: 30_000 });
  return page;
}

test("une assistante enregistre une demande et une violation ; la DPO les voit avec les délais partis de la réception", async ({ browser }) => {
  // Three roles in one journey: more time than the default on a shared machine.
  test.setTimeout(240_000);
  const stamp = Date.now().toString(36);
  const requester = `Demandeur reçu à l'accueil ${stamp}`;
  const nature = `Dossier papier égaré à l'accueil ${stamp}`;

  const assistant = await signedIn(browser, ACCOUNTS.assistantLens.email);
  // Under « Plus » when the menu is long (issue 14: one line at 1366 px).
  const plus = assistant.getByRole("button", { name: /^Plus/ });
  if (await plus.isVisible()) await plus.click();
  await expect(assistant.getByRole("link", { name: "Droits des personnes" }).first()).toBeVisible();
  await assistant.goto("/rgpd/demandes");
  await assistant.getByRole("link", { name: "Enregistrer une demande" }).click();
  await expect(assistant.getByRole("heading", { level: 1, name: "Enregistrer une demande d'exercice de droits" })).toBeVisible();
  await assistant.getByLabel("Droit exercé").selectOption("ACCESS");
  await assistant.getByLabel("Qui fait la demande").fill(requester);
  await assistant.getByLabel("Reçue par").selectOption("SUR_PLACE");
  // Received 30 hours ago: the 72-hour forwarding clock has 42 hours left at most.
  await assistant.getByLabel("Reçue le (date et heure)").fill(await localInputHoursAgo(assistant, 30));
  expect(await axeViolations(assistant)).toEqual([]);
  await assistant.getByRole("button", { name: "Enregistrer la demande" }).click();
  await expect(assistant.getByRole("heading", { level: 1, name: /Demande d'exercice de droits : accès/ })).toBeVisible();
  await expect(assistant.getByText(/par la plateforme Lens-Liévin — transmise aussitôt par courriel/)).toBeVisible();
  await expect(assistant.getByTestId("countdown").filter({ hasText: "Transmission au responsable de traitement : fait dans le délai" })).toBeVisible();
  // The platform follows the request but does not carry it out.
  await expect(assistant.getByRole("heading", { name: "Traitement de la demande" })).toHaveCount(0);
  expect(await axeViolations(assistant)).toEqual([]);

  await assistant.goto("/rgpd/violations");
  await assistant.getByRole("link", { name: "Enregistrer une violation" }).click();
  await assistant.getByLabel("Détectée le (date et heure)").fill(await localInputHoursAgo(assistant, 3));
  await assistant.getByLabel("Nature de la violation").fill(nature);
  await assistant.getByLabel("Catégories de données concernées").fill("identité, coordonnées");
  await assistant.getByLabel(/Concerne les données transmises à France Travail/).check();
  expect(await axeViolations(assistant)).toEqual([]);
  await assistant.getByRole("button", { name: "Enregistrer la violation" }).click();
  await expect(assistant.getByRole("heading", { level: 1, name: /Violation détectée le/ })).toBeVisible();
  await expect(assistant.getByTestId("countdown").filter({ hasText: "Délai de notification : fait dans le délai" })).toBeVisible();
  await expect(assistant.getByTestId("countdown").filter({ hasText: "Délai France Travail : fait dans le délai" })).toBeVisible();

  const dpo = await signedIn(browser, ACCOUNTS.dpo.email);
  await dpo.goto("/rgpd/demandes");
  const row = dpo.getByRole("row").filter({ hasText: requester });
  await expect(row).toBeVisible();
  await expect(row.getByRole("cell", { name: "Lens-Liévin" })).toBeVisible();
  await row.getByRole("link").first().click();
  await expect(dpo.getByText(/par la plateforme Lens-Liévin/)).toBeVisible();
  // The answer is due 30 days after the platform's receipt (30 h ago), not after the recording.
  await expect(dpo.getByTestId("countdown").filter({ hasText: /Réponse à la personne : reste (28|29) j/ })).toBeVisible();
  await expect(dpo.getByRole("heading", { name: "Traitement de la demande" })).toBeVisible();
  expect(await axeViolations(dpo)).toEqual([]);

  await dpo.goto("/rgpd/violations");
  const breachRow = dpo.getByRole("row").filter({ hasText: nature });
  await expect(breachRow).toBeVisible();
  await expect(breachRow.getByText("Notifiée au responsable")).toBeVisible();
  // The breach register for the controller lists the new entry.
  const register = await dpo.request.get("/api/v1/breaches/export?format=html");
  expect(register.ok()).toBe(true);
  expect(await register.text()).toContain(nature);

  // The forwards are in the outbox, to the addresses of the conventions.
  const admin = await signedIn(browser, ACCOUNTS.admin.email);
  await admin.goto("/administration/courriels");
  await expect(admin.getByText(/violation de données notifiée par la plateforme Lens-Liévin/).first()).toBeVisible();
  await expect(admin.getByText("contact-dpd.00148@francetravail.fr").first()).toBeVisible();
  await admin.goto("/administration/parametres");
  await expect(admin.getByLabel("Adresse de contact Proch'Emploi (transmission des demandes et violations)")).toHaveValue("contact@prochemploi.fr");
  expect(await axeViolations(admin)).toEqual([]);
});
