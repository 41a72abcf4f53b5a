import "server-only";
// Settings an administrator edits (lib/settings/settings.config.ts): read with their defaults, write
// with an optimistic version, audited.
import { recordAudit } from "@/lib/audit/audit.service";
import type { CurrentUser } from "@/lib/auth/principal";
import { can } from "@/lib/authz/policy";
import type { Db, DbOrTx } from "@/lib/db";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import { resolveSettings, SETTING_KEYS, SETTINGS, updateSettingSchema, type Settings, type UpdateSettingInput } from "@/lib/settings/settings.config";
import { parseInput } from "@/lib/validation";

export async function getSettings(db: DbOrTx): Promise<Settings> {
  return resolveSettings(await db.appSetting.findMany({ select: { key: true, value: true } }));
}

export interface SettingRow { key: string; label: string; value: string; defaultValue: string; version: number }

/** Every setting with its current value and version (0 = still the default), for the admin page. */
export async function listSettings(db: DbOrTx, user: CurrentUser): Promise<SettingRow[]> {
  if (!can(user, "setting.write")) throw new ForbiddenError();
  const rows = await db.appSetting.findMany({ select: { key: true, value: true, version: true } });
  const values = resolveSettings(rows);
  return SETTING_KEYS.map((k) => ({ key: k, label: SETTINGS[k].label, value: values[k], defaultValue: SETTINGS[k].default, version: rows.find((r) => r.key === k)?.version ?? 0 }));
}

export async function updateSetting(db: Db, user: CurrentUser, raw: UpdateSettingInput, ctx: { requestId?: string } = {}): Promise<void> {
  if (!can(user, "setting.write")) throw new ForbiddenError();
  const input = parseInput(updateSettingSchema, raw);
  const parsed = SETTINGS[input.key].schema.safeParse(input.value);
  if (!parsed.success) throw new ValidationError({ value: [parsed.error.issues[0]?.message ?? "Valeur invalide."] });
  await db.$transaction(async (tx) => {
    const current = await tx.appSetting.findUnique({ where: { key: input.key }, select: { value: true, version: true } });
    if ((current?.version ?? 0) !== input.version) throw new ConflictError("Ce paramètre a été modifié entre-temps. Rechargez la page.");
    if (current) {
      const { count } = await tx.appSetting.updateMany({ where: { key: input.key, version: input.version }, data: { value: parsed.data, version: { increment: 1 }, updatedById: user.id } });
      if (count === 0) throw new ConflictError("Ce paramètre a été modifié entre-temps. Rechargez la page.");
    } else {
      // A concurrent first write of the same key loses cleanly (no unique-violation 500).
      const { count } = await tx.appSetting.createMany({ data: [{ key: input.key, value: parsed.data, updatedById: user.id }], skipDuplicates: true });
      if (count === 0) throw new ConflictError("Ce paramètre a été modifié entre-temps. Rechargez la page.");
    }
    await recordAudit(tx, {
      action: "setting.updated", actorId: user.id, actorRole: user.role, entityType: "AppSetting", entityId: input.key, requestId: ctx.requestId,
      metadata: { key: input.key, before: current?.value ?? SETTINGS[input.key].default, after: parsed.data },
    });
  });
}
