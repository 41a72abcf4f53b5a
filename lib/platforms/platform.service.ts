import "server-only";
// Platforms: list and read within scope; create and edit (admin) with the perimeter resolved from
// the INSEE reference and the population computed from it.
import { recordAudit } from "@/lib/audit/audit.service";
import type { CurrentUser } from "@/lib/auth/principal";
import { scopeFor } from "@/lib/authz/policy";
import type { Db, DbOrTx } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { resolvePerimeter, splitPerimeter } from "@/lib/platforms/perimeter.rules";
import { platformInputSchema, platformUpdateSchema, type PlatformDto, type PlatformInput } from "@/lib/platforms/platform.schema";
import { parseInput } from "@/lib/validation";

type PlatformRow = Prisma.PlatformGetPayload<object>;

const day = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;

function toDto(p: PlatformRow): PlatformDto {
  return {
    id: p.id, name: p.name, carryingStructureName: p.carryingStructureName, carryingStructureType: p.carryingStructureType,
    carryingStructureSiret: p.carryingStructureSiret, hostingPlace: p.hostingPlace, dpoContact: p.dpoContact, employmentZone: p.employmentZone,
    perimeterInseeCodes: p.perimeterInseeCodes, population: p.population, companyCount: p.companyCount, staffEtp: Number(p.staffEtp),
    conventionStartDate: day(p.conventionStartDate), conventionEndDate: day(p.conventionEndDate), notificationDate: day(p.notificationDate),
    coPresidents: p.coPresidents, active: p.active, version: p.version,
  };
}

function readScope(user: CurrentUser): Prisma.PlatformWhereInput {
  const scope = scopeFor(user, "platform");
  if (!scope) throw new ForbiddenError();
  return scope as Prisma.PlatformWhereInput;
}

export async function listPlatforms(db: DbOrTx, user: CurrentUser): Promise<PlatformDto[]> {
  const rows = await db.platform.findMany({ where: readScope(user), orderBy: { name: "asc" } });
  return rows.map(toDto);
}

export async function getPlatform(db: DbOrTx, user: CurrentUser, id: string): Promise<PlatformDto> {
  const row = await db.platform.findFirst({ where: { AND: [{ id }, readScope(user)] } });
  if (!row) throw new NotFoundError("Plateforme introuvable.");
  return toDto(row);
}

/** The communes of a perimeter with their EPCI, for the platform page. */
export async function perimeterCommunes(db: DbOrTx, codes: string[]) {
  return db.commune.findMany({ where: { inseeCode: { in: codes } }, select: { inseeCode: true, name: true, postalCodes: true, epciCode: true, epciName: true, population: true }, orderBy: { name: "asc" } });
}

/** The form's view of a stored perimeter: whole EPCIs ticked, other communes listed. */
export async function perimeterForForm(db: DbOrTx, codes: string[]) {
  const epcis = (await db.commune.findMany({ where: { inseeCode: { in: codes } }, select: { epciCode: true }, distinct: ["epciCode"] })).map((c) => c.epciCode).filter((e): e is string => e !== null);
  const reference = await db.commune.findMany({ where: { OR: [{ epciCode: { in: epcis } }, { inseeCode: { in: codes } }] }, select: { inseeCode: true, epciCode: true, population: true } });
  return splitPerimeter(reference, codes);
}

async function perimeterOf(db: DbOrTx, input: PlatformInput) {
  const reference = await db.commune.findMany({
    where: { OR: [{ epciCode: { in: input.epciCodes } }, { inseeCode: { in: input.communeCodes } }] },
    select: { inseeCode: true, epciCode: true, population: true },
  });
  const p = resolvePerimeter(reference, input.epciCodes, input.communeCodes);
  const fields: Record<string, string[]> = {};
  if (p.unknownEpcis.length) fields.epciCodes = [`EPCI inconnu(s) du référentiel INSEE : ${p.unknownEpcis.join(", ")}.`];
  if (p.unknownCommunes.length) fields.communeCodes = [`Commune(s) inconnue(s) du référentiel INSEE : ${p.unknownCommunes.join(", ")}.`];
  if (Object.keys(fields).length) throw new ValidationError(fields);
  return p;
}

function slugify(name: string): string {
  return name.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

function columns(input: PlatformInput, perimeter: { inseeCodes: string[]; population: number }) {
  const date = (s?: string) => (s ? new Date(`${s}T00:00:00Z`) : null);
  return {
    name: input.name, slug: slugify(input.name), carryingStructureName: input.carryingStructureName, carryingStructureType: input.carryingStructureType,
    carryingStructureSiret: input.carryingStructureSiret ?? null, hostingPlace: input.hostingPlace ?? null, dpoContact: input.dpoContact ?? null, employmentZone: input.employmentZone ?? null,
    perimeterInseeCodes: perimeter.inseeCodes, population: perimeter.population, companyCount: input.companyCount, staffEtp: new Prisma.Decimal(input.staffEtp),
    conventionStartDate: date(input.conventionStartDate), conventionEndDate: date(input.conventionEndDate), notificationDate: date(input.notificationDate),
    coPresidents: input.coPresidents,
  };
}

/** A name already taken is a conflict (409, on its field), like a SIRET or an e-mail address. */
const NAME_TAKEN = "Une plateforme porte déjà ce nom.";

function nameTaken(err: unknown): boolean {
  return err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002";
}

export async function createPlatform(db: Db, user: CurrentUser, raw: unknown): Promise<PlatformDto> {
  if (user.role !== "ADMIN") throw new ForbiddenError();
  const input = parseInput(platformInputSchema, raw);
  const perimeter = await perimeterOf(db, input);
  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.platform.create({ data: columns(input, perimeter) });
      await recordAudit(tx, { action: "platform.created", actorId: user.id, actorRole: user.role, entityType: "Platform", entityId: row.id, platformId: row.id });
      return toDto(row);
    });
  } catch (err) {
    if (nameTaken(err)) throw new ConflictError(NAME_TAKEN, { name: [NAME_TAKEN] });
    throw err;
  }
}

export async function updatePlatform(db: Db, user: CurrentUser, id: string, raw: unknown): Promise<PlatformDto> {
  if (user.role !== "ADMIN") throw new ForbiddenError();
  const { version, ...input } = parseInput(platformUpdateSchema, raw);
  await getPlatform(db, user, id);
  const perimeter = await perimeterOf(db, input);
  try {
    return await db.$transaction(async (tx) => {
      const { count } = await tx.platform.updateMany({ where: { id, version }, data: { ...columns(input, perimeter), version: { increment: 1 } } });
      if (count === 0) throw new ConflictError("Cette plateforme a été modifiée entre-temps. Rechargez la page.");
      await recordAudit(tx, { action: "platform.updated", actorId: user.id, actorRole: user.role, entityType: "Platform", entityId: id, platformId: id });
      return toDto(await tx.platform.findUniqueOrThrow({ where: { id } }));
    });
  } catch (err) {
    if (nameTaken(err)) throw new ConflictError(NAME_TAKEN, { name: [NAME_TAKEN] });
    throw err;
  }
}

/** EPCIs of the Région's departments for the perimeter form. */
export async function regionEpcis(db: DbOrTx, departments: readonly string[]) {
  const rows = await db.commune.groupBy({ by: ["epciCode", "epciName", "departmentCode"], where: { departmentCode: { in: [...departments] }, epciCode: { not: null } }, _sum: { population: true } });
  const seen = new Map<string, { code: string; name: string; population: number }>();
  for (const r of rows) {
    const prev = seen.get(r.epciCode!);
    seen.set(r.epciCode!, { code: r.epciCode!, name: r.epciName ?? r.epciCode!, population: (prev?.population ?? 0) + (r._sum.population ?? 0) });
  }
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name, "fr"));
}
