// Issue 23: two callback requests left on the public form the evening before, waiting at Lens-Liévin,
// so that « Ma journée » shows the online requests first on a fresh demo (and the DPO's person search
// finds a waiting one). No faker draw here: ids and the SIRET come from a hash, so the rest of the
// seed keeps its exact sequence.
import { createHash } from "node:crypto";
import { addDaysUtc } from "@/lib/calendar-day";
import { callbackDueAt } from "@/lib/callbacks/callback.rules";
import { generateSiret } from "@/lib/rules/siret.rules";
import type { PlatformContext, Rows, SeedContext } from "./context";

function stableUuid(key: string): string {
  const h = createHash("sha256").update(key).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A deterministic generator in [0, 1) from a key (for the SIRET). */
function hashRng(key: string): () => number {
  let n = 0;
  return () => {
    const h = createHash("sha256").update(`${key}:${n++}`).digest();
    return h.readUInt32BE(0) / 2 ** 32;
  };
}

export function seedIntakeRequests(ctx: SeedContext, p: PlatformContext, rows: Rows): void {
  const commune = p.communes.find((c) => c.name === "Liévin") ?? p.communes[0];
  const home = p.communes.find((c) => c.name === "Avion") ?? p.communes[0];
  if (!commune || !home) return;
  // Sent yesterday evening, Paris time (18 h 40 UTC in winter is 19 h 40).
  const yesterday = addDaysUtc(ctx.now, -1);
  const submittedAt = new Date(Date.UTC(yesterday.getUTCFullYear(), yesterday.getUTCMonth(), yesterday.getUTCDate(), 18, 40));
  const rng = hashRng(`intake-siret:${p.id}`);
  let siret: string;
  do siret = generateSiret(rng);
  while (ctx.usedSirets.has(siret));
  ctx.usedSirets.add(siret);

  // The company request: a new company (named as typed, the demo register does not know this
  // SIRET), its « formulaire en ligne » callback, and the request carrying the contact's data.
  const companyId = stableUuid(`intake-company:${p.id}`);
  const callbackId = stableUuid(`intake-callback:${p.id}`);
  rows.companies.push({
    id: companyId, platformId: p.id, siret, siren: siret.slice(0, 9), name: "Boulangerie Caron", city: commune.name,
    inseeCode: commune.inseeCode, postalCode: commune.postalCodes[0] ?? null, createdAt: submittedAt, lastContactAt: submittedAt,
  });
  rows.callbacks.push({
    id: callbackId, platformId: p.id, companyId, origin: "FORMULAIRE_EN_LIGNE", receivedAt: submittedAt,
    dueAt: callbackDueAt(submittedAt, ctx.operations), status: "A_RAPPELER", attemptCount: 0, createdAt: submittedAt,
  });
  rows.intakeRequests.push({
    id: stableUuid(`intake-company-request:${p.id}`), platformId: p.id, kind: "ENTREPRISE", submittedAt,
    communeInsee: commune.inseeCode, communeName: commune.name, firstName: "Sophie", lastName: "Caron", role: "Gérante",
    email: "sophie.caron@boulangerie-caron.example", phone: "03 21 44 10 20", need: "Un vendeur ou une vendeuse en boulangerie, CDI à temps plein, dès que possible",
    preferredSlot: "MATIN", siret, companyId, callbackId, createdAt: submittedAt,
  });
  // A person's request: only the request, until the assistant calls and records the person.
  rows.intakeRequests.push({
    id: stableUuid(`intake-person-request:${p.id}`), platformId: p.id, kind: "PERSONNE", submittedAt: new Date(submittedAt.getTime() + 25 * 60_000),
    communeInsee: home.inseeCode, communeName: home.name, firstName: "Mehdi", lastName: "Lefort",
    email: "mehdi.lefort@example.org", phone: "06 52 18 33 07", need: "Un emploi de préparateur de commandes, permis B, disponible tout de suite",
    preferredSlot: "APRES_MIDI", createdAt: submittedAt,
  });
}
