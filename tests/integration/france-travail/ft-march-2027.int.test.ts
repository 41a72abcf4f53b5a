// Issue 15 §4 — the France Travail monthly file for March 2027 covers the whole month. Hand-computed
// case from the source convention: signed 2026-03-15, 12 months → ends 2027-03-14, so the project's
// months run from March 2026 to March 2027 (13 files). Diagnostics are entered through the API's own
// schema and service, as a platform would, on both sides of each month end and on the day France
// switches to summer time (2027-03-28). A diagnostic's date is a calendar day in Paris: « 1 March,
// 00:30 » in Paris is 28 February 23:30 UTC and belongs to March; « 1 April, 00:30 » (summer time)
// is 31 March 22:30 UTC and belongs to April.
//
// Expected by hand (one person per diagnostic):
//   February 2027: 28 Feb 23:30 → 1 person
//   March 2027:    1 Mar 00:30, 1 Mar, 14 Mar (last day of the convention), 15 Mar, 28 Mar 02:30
//                  (a wall time that does not exist, read as 03:30 summer time), 31 Mar 23:30 → 6 people
//   April 2027:    1 Apr 00:30, 1 Apr → 2 people
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/principal";
import { createDiagnostic } from "@/lib/diagnostics/diagnostic.service";
import { diagnosticInputSchema } from "@/lib/diagnostics/diagnostic.schema";
import { ftBeneficiariesFile, ftBeneficiariesFor, ftIndicatorsFor, listFtProjects } from "@/lib/france-travail/ft-report.service";
import { createJobSeeker, createPlatform, createRuleSets } from "@/tests/factories";
import { principal } from "@/tests/factories/job-seeker-side";
import { db, resetDb } from "@/tests/support/db";

const now = new Date("2027-04-10T08:00:00Z");
let reviewer: CurrentUser;
let assistant: CurrentUser;
let fileId = "";

/** Input date → the calendar day it must be stored as, and the person's last name. */
const CASES: { input: string; day: string; name: string }[] = [
  { input: "2027-02-28T23:30", day: "2027-02-28", name: "Février" },
  { input: "2027-03-01T00:30", day: "2027-03-01", name: "Premier-Minuit" },
  { input: "2027-03-01", day: "2027-03-01", name: "Premier" },
  { input: "2027-03-14", day: "2027-03-14", name: "Fin-Convention" },
  { input: "2027-03-15", day: "2027-03-15", name: "Lendemain" },
  { input: "2027-03-28T02:30", day: "2027-03-28", name: "Heure-Ete" },
  { input: "2027-03-31T23:30", day: "2027-03-31", name: "Dernier-Soir" },
  { input: "2027-04-01T00:30", day: "2027-04-01", name: "Avril-Minuit" },
  { input: "2027-04-01", day: "2027-04-01", name: "Avril" },
];

beforeAll(async () => {
  await resetDb();
  await createRuleSets(db);
  const lens = await createPlatform(db, "Lens-Liévin");
  reviewer = await principal(db, "FRANCE_TRAVAIL_REVIEWER");
  assistant = await principal(db, "PLATFORM_ASSISTANT", { platformIds: [lens.id] });
  fileId = (await db.subsidyFile.create({
    data: { platformId: lens.id, year: 2026, funder: "FRANCE_TRAVAIL", status: "SIGNED", reviewerId: reviewer.id, signedAt: new Date("2026-03-15") },
  })).id;
  for (const [i, c] of CASES.entries()) {
    const person = await createJobSeeker(db, lens.id);
    await db.jobSeeker.update({ where: { id: person.id }, data: { lastName: c.name, firstName: "Test", franceTravailId: `777000${i}A`, ftInformedAt: new Date("2026-03-20T10:00:00Z"), ftInformedNoticeVersion: 1 } });
    const input = diagnosticInputSchema.parse({ jobSeekerId: person.id, subsidyFileId: fileId, date: c.input, diagnosticDone: true });
    const dto = await createDiagnostic(db, assistant, input, {}, now);
    expect(dto.date, c.input).toBe(c.day);
  }
});

const names = async (month: string) => (await ftBeneficiariesFor(db, fileId, month as `${number}-${number}`)).map((r) => r.name).sort();

describe("fichiers mensuels France Travail de mars 2027 (convention signée le 15 mars 2026)", () => {
  it("la convention finit le 14 mars 2027 et le projet a 13 mois, de mars 2026 à mars 2027", async () => {
    const [project] = await listFtProjects(db, reviewer, now);
    expect(project).toMatchObject({ id: fileId, signedAt: "2026-03-15", endsAt: "2027-03-14" });
    expect(project!.months).toHaveLength(13);
    expect([project!.months[0], project!.months.at(-1)]).toEqual(["2027-03", "2026-03"]);
  });

  it("chaque diagnostic est rangé dans le mois de son jour à Paris, bornes de mois et passage à l'heure d'été compris", async () => {
    expect(await names("2027-02")).toEqual(["FÉVRIER Test"]);
    expect(await names("2027-03")).toEqual(["DERNIER-SOIR Test", "FIN-CONVENTION Test", "HEURE-ETE Test", "LENDEMAIN Test", "PREMIER Test", "PREMIER-MINUIT Test"]);
    expect(await names("2027-04")).toEqual(["AVRIL Test", "AVRIL-MINUIT Test"]);
  });

  it("le fichier de mars 2027 compte les 6 bénéficiaires du mois entier (indicateurs et retour nominatif)", async () => {
    const { values } = await ftIndicatorsFor(db, fileId, null, "2027-03", now);
    expect(values.find((v) => v.key === "beneficiaries")).toMatchObject({ value: 6, masked: false });
    expect(values.find((v) => v.key === "diagnostics")).toMatchObject({ value: 6, masked: false });
    const file = await ftBeneficiariesFile(db, reviewer, fileId, "2027-03", {}, now);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.body as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Bénéficiaires")!;
    const listed = [5, 6, 7, 8, 9, 10].map((r) => String(ws.getCell(r, 1).value)).sort();
    expect(listed).toEqual(await names("2027-03"));
    expect(ws.getCell(11, 1).value).toBeNull();
  });
});
