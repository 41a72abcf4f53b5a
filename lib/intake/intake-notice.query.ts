import "server-only";
// What the public pages' information notice states, read from the rule set and settings in force.
import type { DbOrTx } from "@/lib/db";
import { getActiveRuleSet } from "@/lib/rules/active-rule-set";
import { getSettings } from "@/lib/settings/settings.service";

export async function intakeNoticeFacts(db: DbOrTx, now = new Date()) {
  const [retention, settings] = await Promise.all([getActiveRuleSet(db, "RETENTION", now), getSettings(db)]);
  return {
    retentionMonths: retention.payload.intakeRequestMonths,
    dpoEmail: settings["rgpd.regionDpoEmail"],
    contactEmail: settings["rgpd.prochEmploiContactEmail"],
    numeroVert: settings["intake.numeroVert"],
  };
}
