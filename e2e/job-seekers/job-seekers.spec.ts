import { expect as baseExpect, test, type Page } from "@playwright/test";
import { axeViolations } from "../support/a11y";
import { ACCOUNTS } from "../support/accounts";
import { loginViaForm } from "../support/auth";

// Server actions and page loads can take a while on the loaded 2-core CI machine.
const expect = baseExpect.configure({ timeout: 30_000 });

async function signedIn(page: Page, email: string) {
  await loginViaForm(page, email);
  await expect(page.getByTestId("home-role")).toBeVisible();
}

test("une assistante inscrit un demandeur, le positionne sur une offre, enregistre l'embauche : l'offre compte un poste pourvu de plus", async ({ page }) => {
  // A long journey on a loaded 2-core machine: generous time, speed is not what is tested.
  test.setTimeout(240_000);
  await signedIn(page, ACCOUNTS.assistantLens.email);
  await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Demandeurs d'emploi" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Demandeurs d'emploi");
  await page.getByRole("link", { name: "Nouveau demandeur d'emploi" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nouveau demandeur d'emploi");
  expect(await axeViolations(page)).toEqual([]);

  // Bad input first: French messages on the fields, nothing saved.
  const unique = `Parcours${Date.now().toString(36)}`;
  await page.getByLabel("Nom (obligatoire)", { exact: true }).fill(unique);
  await page.getByLabel("Prénom (obligatoire)", { exact: true }).fill("Élodie");
  await page.getByLabel("Date de naissance (obligatoire)", { exact: true }).fill("2015-01-01");
  await page.getByLabel("Identifiant France Travail", { exact: true }).fill("12AB");
  await page.getByLabel("Adresse e-mail", { exact: true }).fill("pas-un-mail");
  await page.getByRole("button", { name: "Enregistrer le demandeur" }).click();
  await expect(page.getByText(/Identifiant France Travail invalide/)).toBeVisible();
  await expect(page.getByText("Adresse e-mail invalide.")).toBeVisible();
  await expect(page.getByText(/date à laquelle la personne a été informée/)).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  await page.getByLabel("Identifiant France Travail", { exact: true }).fill("");
  await page.getByLabel("Adresse e-mail", { exact: true }).fill(`${unique.toLowerCase()}@exemple.fr`);
  await page.getByLabel("Téléphone", { exact: true }).fill("0612345678");
  await page.getByLabel("Arrivée par (obligatoire)", { exact: true }).selectOption("SPONTANE");
  await page.getByLabel("Informé·e du traitement de ses données le (obligatoire)", { exact: true }).fill("2026-01-05");
  await page.getByLabel("Canal d'information (obligatoire)", { exact: true }).selectOption("EN_PERSONNE");
  await page.getByLabel("Périmètre de mobilité", { exact: true }).selectOption("REGION");
  await page.getByLabel("Codes du périmètre", { exact: true }).fill("32");
  await page.getByRole("button", { name: "Enregistrer le demandeur" }).click();
  // Under 16: refused by the server with the rule-set age.
  await expect(page.locator("#field-birthDate-error")).toContainText("La personne doit avoir au moins 16 ans.");
  await page.getByLabel("Date de naissance (obligatoire)", { exact: true }).fill("1994-06-12");
  await page.getByRole("button", { name: "Enregistrer le demandeur" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${unique} Élodie`);
  expect(await axeViolations(page)).toEqual([]);
  const seekerUrl = page.url();

  // Propose on the best-matching open offer.
  const offerSelect = page.getByLabel("Offre d'emploi (les plus adaptées d'abord)", { exact: true });
  const firstOffer = await offerSelect.locator("option").nth(1).getAttribute("value");
  expect(firstOffer).toBeTruthy();
  await offerSelect.selectOption(firstOffer!);
  await page.getByRole("button", { name: "Proposer", exact: true }).click();
  await expect(page.getByText("Proposition enregistrée.")).toBeVisible();

  await page.goto(`/offres/${firstOffer}/candidats`);
  const before = (await page.getByTestId("positions-filled").textContent())!.split("/").map((s) => Number(s.trim()));
  expect(await axeViolations(page)).toEqual([]);

  await page.goto(seekerUrl);
  const advance = async (status: string, extra?: () => Promise<void>) => {
    const form = page.getByRole("form", { name: /Changer le statut/ }).first();
    await form.getByLabel("Nouveau statut").selectOption({ label: status });
    if (extra) await extra();
    await form.getByRole("button", { name: /Enregistrer/ }).click();
    await expect(page.locator("[data-testid^=proposal-status-]").first()).toContainText(status);
  };
  await advance("Accepté");
  await advance("Entretien");
  await advance("Embauché", async () => {
    await page.getByRole("form", { name: /Changer le statut/ }).first().getByLabel("Contrat signé").selectOption("CDI");
  });

  await page.goto(`/offres/${firstOffer}/candidats`);
  await expect(page.getByTestId("positions-filled")).toHaveText(`${before[0]! + 1} / ${before[1]}`);
  await page.screenshot({ path: ".data/test-results/screens/offer-candidates.png", fullPage: true });
});

test("un référent voit son portefeuille et reçoit 404 sur un demandeur qui n'y est pas", async ({ page, browser }) => {
  test.setTimeout(120_000);
  // An id outside the referent's portfolio, read by the Lens assistant.
  const other = await browser.newPage();
  await signedIn(other, ACCOUNTS.assistantLens.email);
  const res = await other.request.get("/api/v1/job-seekers?origin=SPONTANE&pageSize=1");
  expect(res.status()).toBe(200);
  const outside = ((await res.json()) as { items: { id: string }[] }).items[0]!.id;
  await other.close();

  await signedIn(page, ACCOUNTS.referent.email);
  await page.goto("/demandeurs");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mon portefeuille de demandeurs d'emploi");
  const rows = page.getByRole("table", { name: "Mon portefeuille de demandeurs d'emploi" }).locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  await expect(page.getByText(/résultats? · page/)).not.toHaveText(/^0 résultat/);
  const mine = await rows.first().getByRole("link").getAttribute("href");
  const opened = await page.goto(mine!);
  expect(opened?.status()).toBe(200);
  await expect(page.getByText("Dernier contact :")).toBeVisible();
  await expect(page.getByRole("link", { name: "Modifier la fiche" })).toHaveCount(0);

  const miss = await page.goto(`/demandeurs/${outside}`);
  expect(miss?.status()).toBe(404);
  const api = await page.request.get(`/api/v1/job-seekers/${outside}`);
  expect(api.status()).toBe(404);
});

test("les finances reçoivent 403 sur les demandeurs d'emploi (page et API)", async ({ page }) => {
  test.setTimeout(60_000);
  await signedIn(page, ACCOUNTS.finance.email);
  await expect(page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Demandeurs d'emploi" })).toHaveCount(0);
  const res = await page.goto("/demandeurs");
  expect(res?.status()).toBe(403);
  for (const url of ["/api/v1/job-seekers", "/api/v1/proposals"]) {
    const api = await page.request.get(url);
    expect(api.status(), url).toBe(403);
  }
});

test("une assistante crée un événement, inscrit au-delà de la capacité (liste d'attente), et imprime l'émargement", async ({ page }) => {
  test.setTimeout(180_000);
  await signedIn(page, ACCOUNTS.assistantLens.email);
  await page.goto("/evenements/nouveau");
  await page.getByLabel("Titre (obligatoire)", { exact: true }).fill(`Job dating logistique ${Date.now().toString(36)}`);
  await page.getByLabel("Date et heure (obligatoire)", { exact: true }).fill("2030-03-12T09:30");
  await page.getByLabel("Lieu (obligatoire)", { exact: true }).fill("Maison de l'emploi de Lens");
  await page.getByLabel("Capacité (demandeurs d'emploi)", { exact: true }).fill("1");
  await page.getByRole("button", { name: "Créer l'événement" }).click();
  await expect(page.getByRole("heading", { name: "Résultats" })).toBeVisible();

  const who = page.getByLabel("Demandeur d'emploi", { exact: true });
  for (const [i, message] of [[1, "Inscription enregistrée."], [2, "Capacité atteinte : inscription en liste d'attente."]] as const) {
    const value = await who.locator("option").nth(i).getAttribute("value");
    await who.selectOption(value!);
    await page.getByRole("button", { name: "Inscrire", exact: true }).click();
    await expect(page.getByText(message)).toBeVisible();
  }
  await expect(page.getByText("Liste d'attente", { exact: true })).toHaveCount(2); // the figure and the row
  expect(await axeViolations(page)).toEqual([]);

  // Outcomes: a participant positioned on an offer during the event counts in its results.
  const outcome = page.getByRole("form", { name: "Positionner un participant sur une offre" });
  await outcome.getByLabel("Participant", { exact: true }).selectOption({ index: 1 });
  await outcome.getByLabel("Offre ouverte", { exact: true }).selectOption({ index: 1 });
  await outcome.getByRole("button", { name: "Positionner" }).click();
  await expect(page.getByText(/Positionnement enregistré/)).toBeVisible();
  await expect(page.locator("dl > div", { has: page.locator("dt", { hasText: /^Positionnements$/ }) }).locator("dd")).toHaveText("1");

  // Presence cannot be recorded before the day.
  const form = page.getByRole("form", { name: /Présence :/ }).first();
  await form.getByLabel("Présence").selectOption("PRESENT");
  await form.getByRole("button", { name: /Noter/ }).click();
  await expect(page.getByText(/n'a pas encore eu lieu/)).toBeVisible();

  await page.getByRole("link", { name: "Feuille d'émargement" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Feuille d'émargement");
  await expect(page.getByRole("table", { name: "Feuille d'émargement" }).locator("tbody tr")).toHaveCount(1 + 5);
  expect(await axeViolations(page)).toEqual([]);
});
