import { apiRoute } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { searchRegister } from "@/lib/prospecting/prospect.service";
import { refSearchQuerySchema } from "@/lib/reference/reference.schema";

export const dynamic = "force-dynamic";

/**
 * The SIRENE register of the caller's perimeters, for the company form: options for the combobox (value = SIRET),
 * each with the establishment's data to fill the form and whether the platform already follows it.
 */
export const GET = apiRoute({ permission: "company.read", query: refSearchQuerySchema }, async ({ user, query }) => ({
  items: (await searchRegister(db, user, query.q)).map((e) => ({
    value: e.siret,
    label: e.name,
    description: [
      `SIRET ${e.siret}`,
      e.communeLabel,
      e.nafLabel,
      e.followedCompanyId ? "déjà suivie par la plateforme" : null,
      e.active ? null : "fermé dans SIRENE",
    ]
      .filter(Boolean)
      .join(" · "),
    establishment: e,
  })),
}));
