// Inputs and outputs of the France Travail bilans (convention art. 5) and of the porteur's own
// indicators. Fields the server decides (file, figures, dates of receipt) are absent from inputs.
import { z } from "zod";
import { dayOut } from "@/lib/api/common.schema";
import { optionalText, requiredText, versionField } from "@/lib/fields.schema";
import { centsSchema } from "@/lib/subsidy/subsidy-file.schema";

export const FT_BILAN_KINDS = ["INTERMEDIATE", "FINAL"] as const;

export const ftBilanQuerySchema = z.object({
  kind: z.enum(FT_BILAN_KINDS, "Bilan « INTERMEDIATE » (intermédiaire) ou « FINAL »."),
  format: z.enum(["json", "xlsx"], "Format « json » ou « xlsx ».").default("json"),
});

/** Text kept as typed, nullable: "" or null clears it. */
const longText = (max: number) => z.union([z.null(), optionalText(max)]).transform((v) => v ?? null);

/**
 * Art. 5, intermediate bilan: « une description des étapes du projet déjà mises en œuvre et celles à
 * venir » and « le cas échéant, une actualisation du budget prévisionnel global du projet » (per
 * budget line; null = back to the initial forecast).
 */
export const updateFtBilanSchema = z.object({
  version: versionField,
  stepsDone: longText(8000).optional(),
  stepsAhead: longText(8000).optional(),
  budgetUpdate: z
    .array(z.object({ lineId: z.uuid("Ligne de budget inconnue."), updatedForecastCents: centsSchema.nullable() }))
    .max(200, "200 lignes au plus.")
    .refine((xs) => new Set(xs.map((x) => x.lineId)).size === xs.length, "Une ligne de budget apparaît deux fois.")
    .optional(),
});
export type UpdateFtBilanInput = z.infer<typeof updateFtBilanSchema>;

const figure = z
  .number({ error: "Nombre attendu." })
  .min(0, "Nombre positif ou nul.")
  .max(999_999_999_999, "Nombre trop grand.")
  .refine((n) => Math.round(n * 100) === n * 100, "Deux décimales au plus.");

/** Art. 5: « indicateurs mentionnés par le porteur de projet dans sa présentation du projet ». */
export const ftIndicatorInputSchema = z.object({
  label: requiredText("Libellé", 200),
  unit: longText(40).optional(),
  definition: longText(1000).optional(),
  target: figure.nullable().optional(),
  intermediateValue: figure.nullable().optional(),
  finalValue: figure.nullable().optional(),
});
export type FtIndicatorInput = z.infer<typeof ftIndicatorInputSchema>;

export const updateFtIndicatorSchema = ftIndicatorInputSchema.partial().extend({ version: versionField });
export type UpdateFtIndicatorInput = z.infer<typeof updateFtIndicatorSchema>;

// ───────────── responses ─────────────

export const ftIndicatorDtoSchema = z.object({
  id: z.uuid(),
  label: z.string(),
  unit: z.string().nullable(),
  definition: z.string().nullable(),
  target: z.number().nullable(),
  intermediateValue: z.number().nullable(),
  finalValue: z.number().nullable(),
  position: z.number(),
  version: z.number(),
});
export type FtIndicatorDto = z.infer<typeof ftIndicatorDtoSchema>;

const checkSchema = z.object({
  dueAt: dayOut().nullable(),
  receivedAt: dayOut().nullable(),
  state: z.enum(["ON_TIME", "LATE", "AWAITED", "OVERDUE", "NO_MEETING"]),
  message: z.string(),
});
const totalsSchema = z.object({ forecastCents: z.number(), currentForecastCents: z.number(), actualCents: z.number() });

export const ftBilanDtoSchema = z.object({
  kind: z.enum(FT_BILAN_KINDS),
  file: z.object({ id: z.uuid(), platform: z.string(), year: z.number(), version: z.number() }),
  period: z.object({ from: dayOut(), to: dayOut() }),
  signedAt: dayOut(),
  endsAt: dayOut(),
  finalReviewMeetingAt: dayOut().nullable(),
  check: checkSchema,
  masking: z.object({ applied: z.boolean(), threshold: z.number(), note: z.string() }),
  indicators: z.array(z.object({
    key: z.string(), label: z.string(), unit: z.string(), definition: z.string(),
    /** The figure, or null when masked (small counts) or unknown; `display` is what the screen and the file show (« < 5 »). */
    value: z.number().nullable(), display: z.string(), masked: z.boolean(),
  })),
  noData: z.array(z.string()),
  porteurIndicators: z.array(ftIndicatorDtoSchema.extend({ value: z.number().nullable() })),
  steps: z.object({ done: z.string().nullable(), ahead: z.string().nullable() }),
  budget: z.object({
    rows: z.array(z.object({
      id: z.uuid(), category: z.string(), label: z.string(), eligible: z.boolean(), forecastCents: z.number(), updatedForecastCents: z.number().nullable(),
      currentForecastCents: z.number(), actualCents: z.number().nullable(), gapCents: z.number().nullable(),
    })),
    total: totalsSchema,
    eligible: totalsSchema,
  }),
});
export type FtBilanDto = z.infer<typeof ftBilanDtoSchema>;
