// Inputs of the circuit-court invitations (issue 20).
import { z } from "zod";
import { MESSAGE_KINDS } from "@/lib/events/invitation.rules";

const ids = z.preprocess((v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(z.uuid("Identifiant invalide")).max(500, "500 personnes au plus par envoi"));

export const peopleSchema = z.object({ jobSeekerIds: ids, contactIds: ids });

export const sendInvitationsSchema = peopleSchema.extend({
  channels: z.preprocess((v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(z.enum(["EMAIL", "SMS"], "Moyen d'envoi inconnu")).max(2)),
});

export const templateSchema = z.object({
  platformId: z.uuid(),
  kind: z.enum(MESSAGE_KINDS),
  subject: z.string().trim().min(3, "Objet trop court").max(200, "200 caractères au plus"),
  body: z.string().trim().min(10, "Message trop court").max(2000, "2 000 caractères au plus"),
});
