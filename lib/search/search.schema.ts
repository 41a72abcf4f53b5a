import { z } from "zod";

export const searchQuerySchema = z.object({
  q: z.string().trim().min(2, "Saisissez au moins 2 caractères.").max(100, "Recherche trop longue (100 caractères au plus)."),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;

export const SEARCH_TYPES = ["company", "jobSeeker", "offer", "event"] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

export const searchHitSchema = z.object({ id: z.string(), title: z.string(), subtitle: z.string(), href: z.string() });
export type SearchHit = z.infer<typeof searchHitSchema>;

export const searchResultSchema = z.object({
  q: z.string(),
  groups: z.array(z.object({ type: z.enum(SEARCH_TYPES), label: z.string(), hits: z.array(searchHitSchema) })),
});
export type SearchResult = z.infer<typeof searchResultSchema>;

export const SEARCH_LABELS: Record<SearchType, string> = {
  company: "Entreprises",
  jobSeeker: "Demandeurs d'emploi",
  offer: "Offres d'emploi",
  event: "Événements",
};

/** Where a hit leads; one place to change when the detail pages move. */
export const SEARCH_LINKS: Record<SearchType, (id: string) => string> = {
  company: (id) => `/entreprises/${id}`,
  jobSeeker: (id) => `/demandeurs/${id}`,
  offer: (id) => `/offres/${id}`,
  event: (id) => `/evenements/${id}`,
};
