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
  // The list (issue 18: rows and cells drawn by the table's CSS, names as plain links).
  await expect(page.getByRole("table", { name: "Demandeurs d'emploi" }).locator("tbody tr").first()).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole("link", { name: "Nouveau demandeur d'emploi" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nouveau demandeur d'emploi");
  expect(await axeViolations(page)).toEqual([]);

  // « Ajout rapide »: eight fields at most, the required ones marked.
  const quick = page.getByRole("form", { name: "Ajout rapide d'un demandeur d'emploi" });
  const controls = await quick.locator("input:not([type=hidden]), select, textarea").evaluateAll((els) => new Set(els.map((e) => (e as HTMLInputElement).name)).size);
  expect(controls).toBeLessThanOrEqual(8);

  // Bad input first: French messages on the fields, nothing saved.
  const unique = `Parcours${Date.now().toString(36)}`;
  await page.getByLabel("Nom", { exact: true }).fill(unique);
  await page.getByLabel("Prénom", { exact: true }).fill("Élodie");
  await page.getByLabel("Date de naissance (facultative)", { exact: true }).fill("2015-01-01");
  await page.getByLabel("Téléphone ou e-mail", { exact: true }).fill("pas-un-mail@");
  await page.getByLabel("Informé·e du traitement de ses données le", { exact: true }).fill("");
  await page.getByRole("button", { name: "Enregistrer le demandeur" }).click();
  await expect(page.getByText("Adresse e-mail invalide.")).toBeVisible();
  await expect(page.getByText(/date à laquelle la personne a été informée/)).toBeVisible();
  await expect(page.getByText("Indiquez comment la personne est arrivée.")).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  await page.getByLabel("Téléphone ou e-mail", { exact: true }).fill("06 12 34 56 78");
  const commune = page.getByRole("combobox", { name: "Commune" });
  await commune.fill("Liévin");
  await expect(page.getByRole("option", { name: /Liévin \(62800\)/ })).toBeVisible();
  await commune.press("Enter");
  await expect(commune).toHaveValue("Liévin (62800)");
  await page.getByRole("radio", { name: "Démarche spontanée" }).check();
  await page.getByLabel("Informé·e du traitement de ses données le", { exact: true }).fill("2026-01-05");
  await page.getByRole("radio", { name: "En personne" }).check();
  await page.getByRole("button", { name: "Enregistrer le demandeur" }).click();
  // Under 16: refused by the server with the rule-set age; what was typed stays.
  await expect(page.locator("#field-birthDate-error")).toContainText("La personne doit avoir au moins 16 ans.");
  await expect(commune).toHaveValue("Liévin (62800)");
  await page.getByLabel("Date de naissance (facultative)", { exact: true }).fill("1994-06-12");
  await page.getByRole("button", { name: "Enregistrer le demandeur" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${unique} Élodie`);
  await expect(page.getByText("Liévin (62800)")).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  const seekerUrl = page.url();

  // The rest of the record, section by section, each saved on its own (the version travels from one save to the next).
  await page.getByRole("link", { name: "Modifier la fiche" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Modifier : ${unique} Élodie`);
  expect(await axeViolations(page)).toEqual([]);
  const mobility = page.getByRole("form", { name: "Mobilité" });
  await mobility.getByLabel("Périmètre de mobilité", { exact: true }).selectOption("REGION");
  // The places of the perimeter are picked in words, never typed as codes (region 32).
  const region = mobility.getByRole("combobox", { name: "Région du périmètre" });
  await region.fill("hauts");
  await expect(page.getByRole("option", { name: "Hauts-de-France" })).toBeVisible();
  await region.press("Enter");
  await expect(mobility.getByRole("button", { name: "Retirer Hauts-de-France" })).toBeVisible();
  await mobility.getByRole("button", { name: /Enregistrer/ }).click();
  await expect(mobility.getByText("Section enregistrée.")).toBeVisible();
  const project = page.getByRole("form", { name: "Situation et projet" });
  const rome = project.getByRole("combobox", { name: "Métiers recherchés" });
  await rome.fill("soudeur");
  await expect(page.getByRole("option", { name: /H2913/ }).first()).toBeVisible();
  await rome.press("Enter");
  await expect(project.getByRole("button", { name: /Retirer H2913/ })).toBeVisible();
  await expect(rome).toHaveValue("");
  await project.getByRole("button", { name: /Enregistrer/ }).click();
  await expect(project.getByText("Section enregistrée.")).toBeVisible();
  const identity = page.getByRole("form", { name: "Identité et suivi" });
  await identity.getByLabel("Identifiant France Travail", { exact: true }).fill("12AB");
  await identity.getByRole("button", { name: /Enregistrer/ }).click();
  await expect(identity.getByText(/Identifiant France Travail invalide/)).toBeVisible();
  await identity.getByLabel("Identifiant France Travail", { exact: true }).fill("1234567A");
  await identity.getByRole("button", { name: /Enregistrer/ }).click();
  await expect(identity.getByText("Section enregistrée.")).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await page.screenshot({ path: ".data/test-results/screens/telephone-demandeur-sections.png", fullPage: true });
  await page.setViewportSize({ width: 1366, height: 900 });

  await page.goto(seekerUrl);
  await expect(page.getByText("H2913 — Soudage manuel")).toBeVisible();
  await expect(page.getByText("Région : Hauts-de-France")).toBeVisible();
  await expect(page.getByText("1234567A")).toBeVisible();

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

test("page « Candidats » d'une offre : une assistante positionne une personne trouvée par la recherche serveur (pas une longue liste)", async ({ page }) => {
  test.setTimeout(120_000);
  await signedIn(page, ACCOUNTS.assistantLens.email);
  const origin = new URL(page.url()).origin;
  const lastName = `Picker${Date.now().toString(36)}`;
  const created = await page.request.post("/api/v1/job-seekers", {
    headers: { origin },
    data: { lastName, firstName: "Inès", birthDate: "1990-03-08", origin: "SPONTANE", informedAt: "2026-01-05", informedChannel: "EN_PERSONNE" },
  });
  expect(created.status()).toBe(201);
  const offers = (await (await page.request.get("/api/v1/offers?status=OPEN&pageSize=20")).json()) as { items: { id: string }[] };
  expect(offers.items.length).toBeGreaterThan(0);
  // The last open offer of the page: the other journeys fill the first ones.
  const offerId = offers.items.at(-1)!.id;

  await page.goto(`/offres/${offerId}/candidats`);
  const form = page.getByRole("form", { name: "Positionner une autre personne" });
  await expect(form.locator("select")).toHaveCount(0);
  const picker = form.getByRole("combobox", { name: "Demandeur d'emploi" });
  const searches: string[] = [];
  page.on("request", (r) => { if (r.url().includes("/api/v1/pickers/job-seekers")) searches.push(r.url()); });
  // Without accents, in lower case: « ines » finds « Inès »; the option tells the person apart (birth date).
  await picker.pressSequentially(`${lastName.toLowerCase()} ines`);
  const option = page.getByRole("option", { name: new RegExp(`^${lastName} Inès`) });
  await expect(option).toBeVisible();
  await expect(option).toContainText("né·e le 08/03/1990");
  expect(searches.length).toBeGreaterThan(0);
  expect(searches.length).toBeLessThan(`${lastName} ines`.length);
  expect(searches.every((u) => u.includes("platformId="))).toBe(true);
  await picker.press("ArrowDown");
  await picker.press("Enter");
  await expect(picker).toHaveValue(`${lastName} Inès`);
  expect(await axeViolations(page)).toEqual([]);
  await form.getByRole("button", { name: "Positionner sur l'offre" }).click();
  await expect(form.getByText("Personne positionnée sur l'offre.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Personnes positionnées sur l'offre" }).getByRole("link", { name: `${lastName} Inès` })).toBeVisible();
  await expect(picker).toHaveValue("");

  // Twice on the same offer: refused in French, at the field.
  await picker.pressSequentially(lastName.toLowerCase());
  await expect(page.getByRole("option", { name: new RegExp(`^${lastName} Inès`) })).toBeVisible();
  await picker.press("Enter");
  await form.getByRole("button", { name: "Positionner sur l'offre" }).click();
  await expect(form.getByText("Cette personne est déjà positionnée sur cette offre.")).toBeVisible();
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

  // Job seekers are searched on the server (a combobox), never listed in a drop-down.
  const list = (await (await page.request.get("/api/v1/job-seekers?sort=name&pageSize=2")).json()) as { items: { lastName: string; firstName: string }[] };
  const who = page.getByRole("combobox", { name: "Demandeur d'emploi" });
  for (const [i, message] of [[0, "Inscription enregistrée."], [1, "Capacité atteinte : inscription en liste d'attente."]] as const) {
    const person = list.items[i]!;
    await who.fill(`${person.lastName} ${person.firstName}`);
    await expect(page.getByRole("listbox", { name: "Demandeur d'emploi" }).getByRole("option").first()).toContainText(`${person.lastName} ${person.firstName}`);
    await who.press("Enter");
    await expect(who).toHaveValue(`${person.lastName} ${person.firstName}`);
    await page.getByRole("button", { name: "Inscrire", exact: true }).click();
    await expect(page.getByText(message)).toBeVisible();
  }
  await expect(page.getByText("Liste d'attente", { exact: true })).toHaveCount(2); // the figure and the row
  expect(await axeViolations(page)).toEqual([]);

  // Outcomes: a participant positioned on an offer during the event counts in its results.
  const outcome = page.getByRole("form", { name: "Positionner un participant sur une offre" });
  await outcome.getByLabel("Participant", { exact: true }).selectOption({ index: 1 });
  // A list of at most 20 offers is a drop-down, a longer one a combobox filtered as one types.
  const offer = outcome.getByRole("combobox", { name: "Offre ouverte" });
  if ((await offer.evaluate((el) => el.tagName)) === "SELECT") await offer.selectOption({ index: 1 });
  else {
    await offer.press("ArrowDown");
    await offer.press("Enter");
  }
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
