// The public intake forms (issue 23): one zod schema per form, used by the page (zodResolver-free
// plain form) and by the public server action. Everything the server decides (platform, company,
// status) stays out of the input. Size limits on every field; no markup accepted anywhere.
import { z } from "zod";
import { normalizeSiret, siretError } from "@/lib/companies/company.rules";
import { normalizePhone, PHONE_MESSAGE } from "@/lib/job-seekers/job-seeker.rules";
import { INFORMATION_CHANNELS } from "@/lib/job-seekers/job-seeker.schema";

export const PREFERRED_SLOTS = ["MATIN", "APRES_MIDI", "INDIFFERENT"] as const;
export type PreferredSlot = (typeof PREFERRED_SLOTS)[number];
export const PREFERRED_SLOT_LABELS: Record<PreferredSlot, string> = {
  MATIN: "Le matin (9 h – 12 h)",
  APRES_MIDI: "L'après-midi (14 h – 17 h)",
  INDIFFERENT: "Peu importe",
};

/** Largest body a public form may post (bytes of the form data, checked before parsing). */
export const MAX_FORM_BYTES = 8_000;

const NO_MARKUP = /[<>]/;
const NO_MARKUP_MESSAGE = "Les caractères < et > ne sont pas acceptés.";
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

const plain = (label: string, max: number) =>
  z
    .string({ error: `${label} : champ obligatoire.` })
    .trim()
    .max(max, `${label} : ${max} caractères au plus.`)
    .refine((v) => !NO_MARKUP.test(v), NO_MARKUP_MESSAGE)
    .refine((v) => !CONTROL.test(v), "Caractères de contrôle refusés.");
const required = (label: string, max: number) => plain(label, max).refine((v) => v.length > 0, `${label} : champ obligatoire.`);
const optional = (label: string, max: number) =>
  z.preprocess((v) => (v === undefined || v === null ? "" : v), plain(label, max)).transform((v) => (v === "" ? null : v));

const email = z.preprocess(
  (v) => (typeof v === "string" ? v.trim().toLowerCase() : v ?? ""),
  z.union([z.literal(""), z.email("Adresse e-mail invalide (ex. : prenom.nom@exemple.fr).").max(200, "200 caractères au plus.")]),
).transform((v) => (v === "" ? null : v));

const phone = z.preprocess(
  (v) => (typeof v === "string" ? (v.trim() === "" ? "" : (normalizePhone(v) ?? v.slice(0, 40))) : v ?? ""),
  z.union([z.literal(""), z.string().regex(/^0[1-9]( \d{2}){4}$/, PHONE_MESSAGE)]),
).transform((v) => (v === "" ? null : v));

const commune = z
  .string({ error: "Choisissez votre commune dans la liste." })
  .trim()
  .toUpperCase()
  .regex(/^(\d{5}|2[AB]\d{3})$/, "Choisissez votre commune dans la liste.");

const slot = z.enum(PREFERRED_SLOTS, { error: "Choisissez un moment pour être rappelé." });

/** The honeypot: a field hidden from people; anything typed in it marks a robot. */
export const HONEYPOT_FIELD = "siteWeb";
const honeypot = z.preprocess((v) => (typeof v === "string" ? v : ""), z.string().max(500));

const reachable = <T extends { email: string | null; phone: string | null }>(v: T) => v.email !== null || v.phone !== null;
const REACHABLE = { message: "Indiquez un téléphone ou une adresse e-mail pour être rappelé.", path: ["phone"] };

export const companyIntakeSchema = z
  .object({
    siret: z
      .string({ error: "SIRET : champ obligatoire." })
      .trim()
      .max(40, "SIRET : 14 chiffres.")
      .superRefine((v, ctx) => {
        const err = siretError(v);
        if (err) ctx.addIssue({ code: "custom", message: err });
      })
      .transform(normalizeSiret),
    companyName: required("Nom de l'entreprise", 200),
    communeCode: commune,
    lastName: required("Nom", 100),
    firstName: optional("Prénom", 100),
    role: optional("Fonction", 150),
    email,
    phone,
    need: required("Votre besoin", 1000),
    preferredSlot: slot,
    [HONEYPOT_FIELD]: honeypot,
  })
  .refine(reachable, REACHABLE);
export type CompanyIntakeInput = z.infer<typeof companyIntakeSchema>;

export const personIntakeSchema = z
  .object({
    firstName: required("Prénom", 100),
    lastName: required("Nom", 100),
    communeCode: commune,
    email,
    phone,
    need: required("Ce que vous cherchez", 1000),
    preferredSlot: slot,
    [HONEYPOT_FIELD]: honeypot,
  })
  .refine(reachable, REACHABLE);
export type PersonIntakeInput = z.infer<typeof personIntakeSchema>;

/** Converting a person's request into a job-seeker record, at the first call. */
export const convertPersonSchema = z.object({
  // Optional, as on the job-seeker form (issue 22: the conventions do not require it).
  birthDate: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.iso.date({ error: "Date de naissance : format AAAA-MM-JJ." }).optional()),
  informedChannel: z.enum(INFORMATION_CHANNELS, { error: "Indiquez comment la personne a été informée." }),
  /** The assistant confirms the information notice was given during this call. */
  noticeGiven: z.preprocess((v) => v === true || v === "true" || v === "on", z.literal(true, { error: "Donnez la notice d'information à la personne avant de l'enregistrer." })),
  confirmNotDuplicate: z.preprocess((v) => v === true || v === "true" || v === "on", z.boolean()).optional(),
  version: z.coerce.number().int().min(1).max(2_147_483_647),
});
export type ConvertPersonInput = z.infer<typeof convertPersonSchema>;

/** Converting a company's request: its contact person enters the company's contacts. */
export const convertCompanySchema = z.object({ version: z.coerce.number().int().min(1).max(2_147_483_647) });
export type ConvertCompanyInput = z.infer<typeof convertCompanySchema>;

export const discardIntakeSchema = z.object({
  reason: z.string().trim().min(1, "Indiquez pourquoi la demande est écartée.").max(300, "300 caractères au plus."),
  version: z.coerce.number().int().min(1).max(2_147_483_647),
});
export type DiscardIntakeInput = z.infer<typeof discardIntakeSchema>;

/** GET /api/v1/public/entreprises: the SIRENE register's public data of an establishment, nothing else. */
export const publicRegisterResultSchema = z.object({
  items: z.array(
    z.object({
      value: z.string(),
      label: z.string(),
      description: z.string(),
      siret: z.string(),
      name: z.string(),
      communeCode: z.string(),
      communeLabel: z.string(),
    }),
  ),
});
