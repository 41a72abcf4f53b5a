"use server";

import { z } from "zod";
import { serverAction } from "@/lib/actions/action";
import { db } from "@/lib/db";
import { readArchivedJobSeeker } from "@/lib/job-seekers/archived.query";
import { mobilityAreaOptions } from "@/lib/job-seekers/mobility-areas";
import { communeLabels, romeLabels } from "@/lib/reference/reference.query";

/**
 * Reading an archived record with its reason: a POST (server action, which Next.js accepts only from
 * our own origin), never a GET — a link in an e-mail cannot put the victim's name on an audit entry
 * with the attacker's reason (issue 16 §13). The reason itself is checked by readArchivedJobSeeker.
 */
const consult = serverAction(
  { permission: "jobSeeker.readArchived", schema: z.object({ id: z.string().max(64), motif: z.string().max(2000).optional() }) },
  async (user, input) => {
    const record = await readArchivedJobSeeker(db, user, input.id, input.motif);
    // Codes shown with their labels, as on an active record (issue 14).
    const rome = Object.fromEntries(await romeLabels(db, record.desiredRomeCodes));
    const commune = record.communeCode ? ((await communeLabels(db, [record.communeCode])).get(record.communeCode) ?? null) : null;
    const mobility = (await mobilityAreaOptions(db, record.mobilityScope, record.mobilityCodes)).map((o) => o.label);
    return { record, rome, commune, mobility, motif: input.motif?.trim() ?? "" };
  },
);

export async function consultArchivedAction(...a: Parameters<typeof consult>) { return consult(...a); }
