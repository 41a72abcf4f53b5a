// Issue 22 §5–6: the nightly retention run (and its dry run) applies the periods of the records that
// had none — closed rights requests, closed breaches, audit events, receipts, company notes, sole
// traders' company records, the rectification history — read from the RETENTION rule set.
// Région annex 1 art. 3.1 point 3: « supprimer les Données à caractère personnel à expiration de la
// durée de conservation ».
import { randomUUID } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { auditTail, recordAudit } from "@/lib/audit/audit.service";
import { verifyAuditChain } from "@/lib/audit/audit-verify";
import { ERASED_MENTION } from "@/lib/retention/retention.repo";
import { runRetention } from "@/lib/retention/retention.service";
import { localStorage, storageKey } from "@/lib/storage/storage";
import { createCompany, createJobSeeker, createPlatform, createRuleSets } from "@/tests/factories";
import { sealAllAudit } from "@/tests/support/audit-seal";
import { db, resetDb } from "@/tests/support/db";

const NOW = new Date("2026-06-15T08:00:00Z");
const monthsAgo = (m: number) => {
  const d = new Date(NOW);
  d.setUTCMonth(d.getUTCMonth() - m);
  return d;
};

let dir: string;
beforeEach(async () => {
  await resetDb();
  dir = await mkdtemp(path.join(tmpdir(), "receipts-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Audit events written long ago: appended unsealed as recordAudit does, but with an old time (the
 *  clock cannot be set there); the real sealer chains them afterwards. */
async function oldAuditEvents(n: number, at: Date, name = "ancien") {
  for (let i = 0; i < n; i++) {
    const e = { action: "jobSeeker.read", entityType: "JobSeeker", entityId: `${name}-${i}`, reason: "motif saisi" };
    await db.auditEvent.create({ data: { ...e, at: new Date(at.getTime() + i * 1000), ip: "203.0.113.7", tail: auditTail(e) } });
  }
}

async function seed() {
  await createRuleSets(db);
  const platform = await createPlatform(db, "Plateforme Conservation Enregistrements");
  const person = await createJobSeeker(db, platform.id);
  const rights = {
    old: await db.rightsRequest.create({ data: { platformId: platform.id, jobSeekerId: person.id, kind: "ACCESS", status: "ANSWERED", requesterName: "Zorglub Ancien", requesterContact: "zorglub@exemple.fr", details: "copie", response: "envoyée", receivedAt: monthsAgo(62), dueAt: monthsAgo(61), answeredAt: monthsAgo(61) } }),
    recent: await db.rightsRequest.create({ data: { platformId: platform.id, kind: "ACCESS", status: "ANSWERED", requesterName: "Récent", receivedAt: monthsAgo(59), dueAt: monthsAgo(59), answeredAt: monthsAgo(59) } }),
    open: await db.rightsRequest.create({ data: { platformId: platform.id, kind: "ERASURE", status: "IN_PROGRESS", requesterName: "En cours", receivedAt: monthsAgo(70), dueAt: monthsAgo(69) } }),
  };
  const breaches = {
    old: await db.breachRecord.create({ data: { platformId: platform.id, detectedAt: monthsAgo(62), nature: "Courriel mal adressé à M. Zorglub", contact: "dpo@plateforme.fr", consequences: "faibles", measures: "rappel", dataCategories: ["identité"], approxPeople: 1, status: "CLOSED", updatedAt: monthsAgo(61) } }),
    notClosed: await db.breachRecord.create({ data: { platformId: platform.id, detectedAt: monthsAgo(62), nature: "Perte d'un ordinateur", status: "NOTIFIED", updatedAt: monthsAgo(61) } }),
  };
  // Receipts: a file of 2020 (due on 31/12/2025), one of 2022 (due on 31/12/2027).
  const store = localStorage(dir);
  const receiptOf = async (year: number) => {
    const file = await db.subsidyFile.create({ data: { platformId: platform.id, year, funder: "REGION", status: "CLOSED" } });
    const r = await db.receipt.create({ data: { subsidyFileId: file.id, kind: "PAYSLIP", fileName: "bulletin.pdf", mimeType: "application/pdf", sizeBytes: 9, sha256: "0".repeat(64) } });
    await store.putAt(storageKey(file.id, r.id), Buffer.from("%PDF-1.4\n"));
    return r;
  };
  const receipts = { old: await receiptOf(2020), recent: await receiptOf(2022) };
  const company = await createCompany(db, platform.id);
  const notes = {
    old: await db.companyInteraction.create({ data: { platformId: platform.id, companyId: company.id, kind: "APPEL", at: monthsAgo(49), summary: "Appel avec Mme Zorglub, DRH" } }),
    recent: await db.companyInteraction.create({ data: { platformId: platform.id, companyId: company.id, kind: "APPEL", at: monthsAgo(47), summary: "Rappel prévu" } }),
  };
  // A sole trader (SIRENE legal category 1000) and a company of the same age that is not one.
  const soleTrader = await createCompany(db, platform.id, { name: "DUPONTEL JEANNOT" });
  await db.company.update({ where: { id: soleTrader.id }, data: { addressLine: "12 rue du Commerce", lastContactAt: monthsAgo(49), createdAt: monthsAgo(60) } });
  await db.sireneEstablishment.create({ data: { siret: soleTrader.siret, siren: soleTrader.siren, name: "DUPONTEL JEANNOT", individualEntrepreneur: true, active: true, inseeCode: "62498", importId: randomUUID() } });
  await db.visit.create({ data: { platformId: platform.id, companyId: company.id, date: monthsAgo(10), purpose: "Visite", notes: "Rencontré DUPONTEL JEANNOT au salon" } });
  const company2 = await createCompany(db, platform.id, { name: "Société Anonyme Ancienne" });
  await db.company.update({ where: { id: company2.id }, data: { lastContactAt: monthsAgo(49), createdAt: monthsAgo(60) } });
  await db.sireneEstablishment.create({ data: { siret: company2.siret, siren: company2.siren, name: "Société Anonyme Ancienne", individualEntrepreneur: false, active: true, inseeCode: "62498", importId: randomUUID() } });
  // Rectification history: 13 and 11 months old.
  const revisions = {
    old: await db.jobSeekerRevision.create({ data: { jobSeekerId: person.id, version: 1, changedFields: ["phone"], before: { phone: "0600000000" }, createdAt: monthsAgo(13) } }),
    recent: await db.jobSeekerRevision.create({ data: { jobSeekerId: person.id, version: 2, changedFields: ["phone"], before: { phone: "0611111111" }, createdAt: monthsAgo(11) } }),
  };
  // Audit log: three events 13 months old, then a recent one through the real append path.
  await oldAuditEvents(3, monthsAgo(13));
  await recordAudit(db, { action: "jobSeeker.read", entityType: "JobSeeker", entityId: person.id, platformId: platform.id });
  await sealAllAudit(db);
  return { platform, rights, breaches, receipts, notes, soleTrader, company2, revisions, store };
}

describe("retention of the records that had no period (issue 22 §5–6)", () => {
  it("the dry run lists them and changes nothing; the run erases each once, audited; the audit chain stays verifiable", async () => {
    const s = await seed();
    expect((await verifyAuditChain(db)).firstBroken).toBeNull();

    const dry = await runRetention(db, { dryRun: true, now: NOW, receiptStore: s.store });
    expect(dry.counts).toMatchObject({ "rightsRequest.erase": 1, "breach.erase": 1, "auditEvent.remove": 3, "receipt.destroy": 1, "companyNote.erase": 1, "soleTrader.erase": 1, "revision.delete": 1 });
    const ids = (a: string) => dry.items.filter((i) => i.action === a).flatMap((i) => i.ids ?? [i.id]);
    expect(ids("rightsRequest.erase")).toEqual([s.rights.old.id]);
    expect(ids("breach.erase")).toEqual([s.breaches.old.id]);
    expect(ids("receipt.destroy")).toEqual([s.receipts.old.id]);
    expect(ids("companyNote.erase")).toEqual([s.notes.old.id]);
    expect(ids("soleTrader.erase")).toEqual([s.soleTrader.id]);
    expect(ids("revision.delete")).toEqual([s.revisions.old.id]);
    // Nothing changed.
    expect(await db.receipt.count()).toBe(2);
    expect(await db.auditEvent.count({ where: { ip: "203.0.113.7" } })).toBe(3);
    expect((await db.rightsRequest.findUniqueOrThrow({ where: { id: s.rights.old.id } })).requesterName).toBe("Zorglub Ancien");

    const real = await runRetention(db, { dryRun: false, now: NOW, receiptStore: s.store });
    expect(real.status).toBe("SUCCEEDED");
    expect(real.counts).toMatchObject(dry.counts);

    const rr = await db.rightsRequest.findUniqueOrThrow({ where: { id: s.rights.old.id } });
    expect(rr).toMatchObject({ requesterName: null, requesterContact: null, details: null, response: null, jobSeekerId: null, lifecycle: "DESTROYED", kind: "ACCESS", status: "ANSWERED" });
    expect((await db.rightsRequest.findUniqueOrThrow({ where: { id: s.rights.recent.id } })).requesterName).toBe("Récent");
    expect((await db.rightsRequest.findUniqueOrThrow({ where: { id: s.rights.open.id } })).requesterName).toBe("En cours");

    const br = await db.breachRecord.findUniqueOrThrow({ where: { id: s.breaches.old.id } });
    expect(br).toMatchObject({ nature: ERASED_MENTION, contact: null, consequences: null, measures: null, approxPeople: 1, dataCategories: ["identité"] });
    expect(br.erasedAt).not.toBeNull();
    expect((await db.breachRecord.findUniqueOrThrow({ where: { id: s.breaches.notClosed.id } })).nature).toBe("Perte d'un ordinateur");

    expect((await db.receipt.findMany()).map((r) => r.id)).toEqual([s.receipts.recent.id]);
    expect(await readdir(path.join(dir, s.receipts.old.subsidyFileId)).catch(() => [])).toEqual([]);
    expect(await readdir(path.join(dir, s.receipts.recent.subsidyFileId))).toHaveLength(1);

    expect((await db.companyInteraction.findUniqueOrThrow({ where: { id: s.notes.old.id } })).summary).toBe(ERASED_MENTION);
    expect((await db.companyInteraction.findUniqueOrThrow({ where: { id: s.notes.recent.id } })).summary).toBe("Rappel prévu");

    const st = await db.company.findUniqueOrThrow({ where: { id: s.soleTrader.id } });
    expect(st.name).not.toContain("DUPONTEL");
    expect(st.addressLine).toBeNull();
    expect(st.erasedAt).not.toBeNull();
    expect((await db.company.findUniqueOrThrow({ where: { id: s.company2.id } })).name).toBe("Société Anonyme Ancienne");
    expect((await db.visit.findFirstOrThrow({ select: { notes: true } })).notes).toBe(`Rencontré ${ERASED_MENTION} au salon`);

    expect((await db.jobSeekerRevision.findMany()).map((r) => r.id)).toEqual([s.revisions.recent.id]);

    // The head of the audit chain is gone, an anchor says where the rest starts, verify is happy.
    expect(await db.auditEvent.count({ where: { ip: "203.0.113.7" } })).toBe(0);
    const anchor = await db.auditChainAnchor.findFirstOrThrow();
    expect(anchor).toMatchObject({ removed: 3, runId: real.runId, upToId: 3n });
    await sealAllAudit(db);
    expect(await verifyAuditChain(db)).toMatchObject({ checked: await db.auditEvent.count(), firstBroken: null });
    for (const a of ["retention.rightsRequest.erase", "retention.breach.erase", "retention.receipt.destroy", "retention.companyNote.erase", "retention.soleTrader.erase", "retention.revision.delete", "retention.auditEvent.remove"]) {
      expect(await db.auditEvent.count({ where: { action: a } }), a).toBeGreaterThan(0);
    }

    // Idempotent: a second run finds nothing more.
    const again = await runRetention(db, { dryRun: false, now: NOW, receiptStore: s.store });
    expect(again.counts).toMatchObject({ "rightsRequest.erase": 0, "breach.erase": 0, "auditEvent.remove": 0, "receipt.destroy": 0, "companyNote.erase": 0, "soleTrader.erase": 0, "revision.delete": 0 });
    await sealAllAudit(db);
    expect((await verifyAuditChain(db)).firstBroken).toBeNull();
  });

  it("the audit log: only sealed events, from the head up to the first one inside the period in chain order", async () => {
    const s = await seed();
    // Behind the recent event in the chain: an old one sealed after it (written by a long
    // transaction that committed late), then an old one still waiting to be sealed.
    await oldAuditEvents(1, monthsAgo(14), "tardif");
    await sealAllAudit(db);
    await oldAuditEvents(1, monthsAgo(14), "en-attente");
    const run = await runRetention(db, { dryRun: false, now: NOW, receiptStore: s.store });
    expect(run.counts).toMatchObject({ "auditEvent.remove": 3 });
    // The first three positions went; the recent event stopped the head; the late-sealed old one and
    // the waiting one stay (removed by a later run once the head reaches them).
    expect((await db.auditEvent.findMany({ where: { ip: "203.0.113.7" }, orderBy: { id: "asc" }, select: { entityId: true } })).map((r) => r.entityId)).toEqual(["tardif-0", "en-attente-0"]);
    expect(await db.auditChainAnchor.findFirstOrThrow()).toMatchObject({ upToId: 3n, removed: 3 });
    await sealAllAudit(db);
    expect(await verifyAuditChain(db)).toMatchObject({ checked: await db.auditEvent.count(), unsealed: { count: 0 }, firstBroken: null });
  });

  it("the periods are the rule set's: longer periods keep everything", async () => {
    const s = await seed();
    const rs = await db.ruleSet.findFirstOrThrow({ where: { kind: "RETENTION" } });
    await db.ruleSet.update({
      where: { id: rs.id },
      data: { payload: { ...(rs.payload as object), closedRightsRequestMonths: 120, breachRecordMonths: 120, auditEventMonths: 24, receiptMonthsAfterYearEnd: 120, companyNoteMonths: 120, soleTraderMonths: 120, rectificationHistoryMonths: 24 } },
    });
    const run = await runRetention(db, { dryRun: true, now: NOW, receiptStore: s.store });
    expect(run.counts).toMatchObject({ "rightsRequest.erase": 0, "breach.erase": 0, "auditEvent.remove": 0, "receipt.destroy": 0, "companyNote.erase": 0, "soleTrader.erase": 0, "revision.delete": 0 });
  });
});
