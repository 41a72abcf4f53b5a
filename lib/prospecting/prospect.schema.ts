// « Prospection » list query: the screen's filters (French parameter names, as in its URL), shared by the
// screen and its XLSX/CSV export so that the file equals what the user sees. A bad value is dropped (the
// filter is not applied) rather than refused: these come from links and hand-edited URLs.
import { z } from "zod";

export const PROSPECT_PAGE_SIZE = 20;

export const prospectListQuerySchema = z.object({
  plateforme: z.string().uuid().optional().catch(undefined),
  commune: z.string().regex(/^\w{5}$/).optional().catch(undefined),
  epci: z.string().regex(/^\d{9}$/).optional().catch(undefined),
  secteur: z.string().trim().max(6).optional().catch(undefined),
  effectif: z.string().regex(/^\d\d$/).optional().catch(undefined),
  distance: z.coerce.number().int().positive().max(500).optional().catch(undefined),
  page: z.coerce.number().int().positive().max(10_000).default(1).catch(1),
  pageSize: z.coerce.number().int().positive().max(500).default(PROSPECT_PAGE_SIZE).catch(PROSPECT_PAGE_SIZE),
});
export type ProspectListQuery = z.infer<typeof prospectListQuerySchema>;
