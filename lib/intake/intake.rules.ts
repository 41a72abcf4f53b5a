// Public intake (issue 23): routing and retention decisions. Pure: no Prisma, no clock.
import { createHash } from "node:crypto";
import { addCalendarMonths, compareDays, parisDay } from "@/lib/retention/retention.rules";
import type { RetentionRules } from "@/lib/rules/rule-set.schema";

export interface PerimeterPlatform {
  id: string;
  name: string;
  perimeterInseeCodes: readonly string[];
}

/**
 * The platform whose perimeter holds the commune, or null (outside every perimeter). Perimeters
 * are not meant to overlap; if two do, the platform first by name wins so that the answer never
 * depends on the order rows come back in.
 */
export function routeCommune(platforms: readonly PerimeterPlatform[], inseeCode: string): PerimeterPlatform | null {
  const holders = platforms.filter((p) => p.perimeterInseeCodes.includes(inseeCode));
  holders.sort((a, b) => a.name.localeCompare(b.name, "fr") || a.id.localeCompare(b.id));
  return holders[0] ?? null;
}

/** Whether an unconverted request's personal fields are due for wiping (calendar months, Paris). */
export function intakeExpired(submittedAt: Date, rules: Pick<RetentionRules, "intakeRequestMonths">, now: Date): boolean {
  return compareDays(parisDay(now), addCalendarMonths(parisDay(submittedAt), rules.intakeRequestMonths)) >= 0;
}

/** Earliest submission date still kept at `now` (a candidate query bound, padded by a day). */
export function intakeCutoff(now: Date, rules: Pick<RetentionRules, "intakeRequestMonths">): Date {
  const d = addCalendarMonths(parisDay(now), -rules.intakeRequestMonths);
  return new Date(Date.UTC(d.y, d.m - 1, d.d + 1));
}

/**
 * Rate-limit keys. The contact address is hashed: the throttle table must not become a second copy
 * of the e-mails and phone numbers people leave.
 */
export function intakeThrottleKeys(ip: string, contact: { email: string | null; phone: string | null }): { ip: string; address: string[] } {
  const hash = (s: string) => createHash("sha256").update(s).digest("hex").slice(0, 32);
  const address = [contact.email, contact.phone?.replace(/\s/g, "")].filter((v): v is string => !!v).map((v) => `intake-addr:${hash(v)}`);
  return { ip: `intake-ip:${ip}`, address };
}
