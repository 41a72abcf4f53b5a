// Import of companies (with an optional contact) from a table: column mapping, row validation
// with line numbers, duplicates inside the file. Pure: the service does the reading and writing.
import { createCompanySchema, createContactSchema, type CreateCompanyInput, type CreateContactInput } from "@/lib/companies/company.schema";
import { normalizeSearch } from "@/lib/search/normalize";

export interface ImportField {
  key: string;
  label: string;
  required?: boolean;
  aliases: string[];
}

export const COMPANY_IMPORT_FIELDS: ImportField[] = [
  { key: "siret", label: "SIRET", required: true, aliases: ["siret", "n siret", "numero siret", "no siret"] },
  { key: "name", label: "Raison sociale", required: true, aliases: ["raison sociale", "nom", "entreprise", "denomination", "nom entreprise", "societe"] },
  { key: "nafCode", label: "Code NAF / APE", aliases: ["naf", "ape", "code naf", "code ape", "naf ape"] },
  { key: "sector", label: "Filière", aliases: ["filiere", "secteur", "secteur d'activite"] },
  { key: "address", label: "Adresse", aliases: ["adresse", "adresse postale", "rue"] },
  { key: "communeCode", label: "Code commune INSEE", aliases: ["code commune", "code insee", "insee", "commune insee"] },
  { key: "contactLastName", label: "Nom du contact", aliases: ["nom contact", "contact nom", "nom du contact"] },
  { key: "contactFirstName", label: "Prénom du contact", aliases: ["prenom contact", "contact prenom", "prenom du contact", "prenom"] },
  { key: "contactJobTitle", label: "Fonction du contact", aliases: ["fonction", "fonction contact", "poste du contact"] },
  { key: "contactEmail", label: "E-mail professionnel du contact", aliases: ["email", "e-mail", "mail", "courriel", "email contact"] },
  { key: "contactPhone", label: "Téléphone professionnel du contact", aliases: ["telephone", "tel", "telephone contact", "tel contact"] },
];

/** field key → column index in the file (absent: not imported). */
export type ColumnMapping = Record<string, number>;

export interface RowError {
  line: number;
  field: string;
  message: string;
}

export interface ValidRow {
  line: number;
  company: CreateCompanyInput;
  contact: CreateContactInput | null;
}

const key = (h: string) => normalizeSearch(h).replace(/[°º.:_]/g, " ").replace(/\s+/g, " ").trim();

/** A first mapping from the file's headers, matched against each field's French aliases. */
export function guessMapping(headers: string[], fields = COMPANY_IMPORT_FIELDS): ColumnMapping {
  const mapping: ColumnMapping = {};
  const used = new Set<number>();
  for (const f of fields) {
    const idx = headers.findIndex((h, i) => !used.has(i) && (f.aliases.includes(key(h)) || key(h) === key(f.label)));
    if (idx >= 0) {
      mapping[f.key] = idx;
      used.add(idx);
    }
  }
  return mapping;
}

export function missingRequired(mapping: ColumnMapping, fields = COMPANY_IMPORT_FIELDS): string[] {
  return fields.filter((f) => f.required && mapping[f.key] === undefined).map((f) => f.label);
}

export function cell(row: string[], mapping: ColumnMapping, field: string): string | undefined {
  const i = mapping[field];
  const v = i === undefined ? undefined : row[i]?.trim();
  return v ? v : undefined;
}

/**
 * Validates every data row. `firstLine` is the file line of rows[0] (2 when a header line precedes).
 * A SIRET seen twice in the file is an error on its second occurrence.
 */
export function validateCompanyRows(rows: string[][], mapping: ColumnMapping, firstLine = 2): { valid: ValidRow[]; errors: RowError[] } {
  const valid: ValidRow[] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  rows.forEach((row, i) => {
    const line = firstLine + i;
    if (row.every((c) => !c || !c.trim())) return; // blank line
    const company = createCompanySchema.safeParse({
      siret: cell(row, mapping, "siret") ?? "",
      name: cell(row, mapping, "name") ?? "",
      nafCode: cell(row, mapping, "nafCode"),
      sector: cell(row, mapping, "sector"),
      address: cell(row, mapping, "address"),
      communeCode: cell(row, mapping, "communeCode"),
      numeroVert: false,
    });
    const contactValues = {
      lastName: cell(row, mapping, "contactLastName"),
      firstName: cell(row, mapping, "contactFirstName"),
      jobTitle: cell(row, mapping, "contactJobTitle"),
      proEmail: cell(row, mapping, "contactEmail"),
      proPhone: cell(row, mapping, "contactPhone"),
    };
    const hasContact = Object.values(contactValues).some(Boolean);
    const contact = hasContact ? createContactSchema.safeParse(contactValues) : null;
    const rowErrors: RowError[] = [];
    if (!company.success) for (const issue of company.error.issues) rowErrors.push({ line, field: String(issue.path[0] ?? "_"), message: issue.message });
    if (contact && !contact.success) for (const issue of contact.error.issues) rowErrors.push({ line, field: `contact.${String(issue.path[0] ?? "_")}`, message: issue.message });
    if (company.success) {
      const first = seen.get(company.data.siret);
      if (first !== undefined) rowErrors.push({ line, field: "siret", message: `SIRET en double dans le fichier (déjà ligne ${first}).` });
      else seen.set(company.data.siret, line);
    }
    if (rowErrors.length) errors.push(...rowErrors);
    else valid.push({ line, company: company.data!, contact: contact?.success ? contact.data : null });
  });
  return { valid, errors };
}
