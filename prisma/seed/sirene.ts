// Demo SIRENE register: fictitious establishments in the demo platforms' perimeters, in INSEE's format and
// through the loader's own line reader, so that « Prospection » has something to rank. Never real data.
import type { Prisma } from "@/lib/generated/prisma/client";
import { ESTABLISHMENT_COLUMNS, indexHeader, readEstablishmentLine } from "@/lib/sirene/sirene-file.rules";
import { STOCK_ETABLISSEMENT_HEADER, generatedLines } from "@/scripts/lib/sirene-generator";

const DEMO_LINES = 600;

export async function seedDemoRegister(tx: Prisma.TransactionClient, now: Date): Promise<number> {
  const platforms = await tx.platform.findMany({ where: { active: true }, select: { perimeterInseeCodes: true } });
  const codes = [...new Set(platforms.flatMap((p) => p.perimeterInseeCodes))];
  const communes = await tx.commune.findMany({ where: { inseeCode: { in: codes } }, select: { inseeCode: true, name: true, postalCodes: true } });
  if (communes.length === 0) return 0;
  const inside = communes.map((c) => ({ inseeCode: c.inseeCode, name: c.name, postalCode: c.postalCodes[0] ?? "00000" }));
  const header = indexHeader(STOCK_ETABLISSEMENT_HEADER, ESTABLISHMENT_COLUMNS, "de démonstration");
  if (!header.ok) throw new Error(header.message);
  const perimeter = new Set(codes);
  const run = await tx.sireneImport.create({
    data: { fileName: "démonstration (établissements fictifs)", fileSize: 0n, fileFingerprint: "demo", status: "DONE", finishedAt: now, heartbeatAt: now },
  });
  const rows: Prisma.SireneEstablishmentCreateManyInput[] = [];
  for (const l of generatedLines({ lines: DEMO_LINES, inside, outside: inside, outsideShare: 0 })) {
    const v = readEstablishmentLine(l.fields, header.index, header.width, perimeter);
    if (v.kind !== "keep") continue;
    const r = v.row;
    rows.push({ ...r, name: r.name || `ÉTABLISSEMENT ${l.index}`, createdOn: r.createdOn ? new Date(`${r.createdOn}T00:00:00Z`) : null, importId: run.id, updatedAt: now });
  }
  await tx.sireneEstablishment.createMany({ data: rows, skipDuplicates: true });
  await tx.sireneImport.update({ where: { id: run.id }, data: { kept: rows.length, added: rows.length, linesDone: DEMO_LINES } });
  return rows.length;
}
