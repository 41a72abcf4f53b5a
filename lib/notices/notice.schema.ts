import { z } from "zod";
import { instantOut } from "@/lib/api/common.schema";

export const INFORMATION_CHANNELS = ["EN_PERSONNE", "TELEPHONE", "EMAIL", "COURRIER"] as const;

/** Which notice was given to a job seeker and how (EMAIL: sent from the application). */
export const informJobSeekerSchema = z.object({
  kind: z.enum(["JOB_SEEKER", "FRANCE_TRAVAIL"], { error: "Choisissez la notice : traitement des données ou transmission à France Travail." }),
  channel: z.enum(INFORMATION_CHANNELS, { error: "Indiquez comment la notice a été remise." }),
}).strict();
export type InformJobSeekerInput = z.infer<typeof informJobSeekerSchema>;

/** Which notice was given to a company contact or a chef de file and how (issue 22 §2): the kind follows the record. */
export const informPersonSchema = z.object({
  channel: z.enum(INFORMATION_CHANNELS, { error: "Indiquez comment la notice a été remise." }),
}).strict();
export type InformPersonInput = z.infer<typeof informPersonSchema>;

/** The result of recording a notice given (job seeker, company contact, chef de file). */
export const informedSchema = z.object({ kind: z.string(), version: z.number(), channel: z.enum(INFORMATION_CHANNELS), informedAt: instantOut() });

export const NOTICE_KINDS = ["JOB_SEEKER", "COMPANY_CONTACT", "CHEF_DE_FILE", "FRANCE_TRAVAIL", "CONFIDENTIALITY"] as const;

/** What each versioned text is, in the administration pages. */
export const NOTICE_KIND_LABELS: Record<(typeof NOTICE_KINDS)[number], string> = {
  JOB_SEEKER: "Notice d'information des demandeurs d'emploi",
  COMPANY_CONTACT: "Notice d'information des contacts d'entreprise",
  CHEF_DE_FILE: "Notice d'information des chefs de file métiers",
  FRANCE_TRAVAIL: "Notice de transmission des données à France Travail",
  CONFIDENTIALITY: "Engagement de confidentialité du personnel",
};

/**
 * A new version of a notice or of the commitment (issue 22 §7): always a new row, never an edit in
 * place. validFrom: a calendar day, today or later (absent: at once), in force from midnight in Paris.
 */
export const publishNoticeSchema = z.object({
  kind: z.enum(NOTICE_KINDS, { error: "Choisissez le texte à mettre à jour." }),
  title: z.string().trim().min(5, "Titre : 5 caractères au moins.").max(200, "Titre : 200 caractères au plus."),
  body: z.string().trim().min(50, "Texte : 50 caractères au moins.").max(20_000, "Texte : 20 000 caractères au plus."),
  validFrom: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.iso.date({ error: "Date d'entrée en vigueur attendue au format AAAA-MM-JJ." }).optional()),
}).strict();
export type PublishNoticeInput = z.infer<typeof publishNoticeSchema>;

export const noticeVersionSchema = z.object({
  kind: z.enum(NOTICE_KINDS),
  version: z.number().int(),
  title: z.string(),
  body: z.string(),
  validFrom: instantOut(),
  createdAt: instantOut(),
  createdBy: z.string().nullable(),
  inForce: z.boolean(),
});
export type NoticeVersionDto = z.infer<typeof noticeVersionSchema>;
