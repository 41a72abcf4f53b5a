// Export of a list holding identities (name, birth date, contact): the user states the purpose first
// (issue 22 §6; Région annex 1 art. 3.1 point 2). A plain form to the export address: the list's
// current filters and sort go along as hidden fields; the purpose is recorded in the audit event.
// Roles that may not export identities (lib/authz/policy.ts IDENTITY_EXPORT_ROLES) are told so.
import { Button } from "@/components/ui/button";
import { Disclosure } from "@/components/ui/disclosure";
import { Field, SelectField } from "@/components/ui/field";
import { TextLink } from "@/components/ui/text-link";
import { can, type Principal } from "@/lib/authz/policy";
import type { ExportListKey } from "@/lib/exports/table-export.schema";

export function IdentityExportForm({ user, list, query, purposes }: { user: Principal; list: ExportListKey; query: Record<string, unknown>; purposes: readonly { code: string; label: string }[] }) {
  if (!can(user, "tableExport.run")) return null;
  if (!can(user, "identityExport.run")) {
    return <p className="text-sm text-muted" data-testid="identity-export-refused">Export non disponible pour votre rôle : cette liste contient l&apos;identité des personnes.</p>;
  }
  const hidden = Object.entries(query).filter(([k, v]) => k !== "page" && k !== "pageSize" && v !== undefined && v !== null && v !== "");
  return (
    <Disclosure summary="Exporter cette vue (identités : finalité demandée)" testId="identity-export">
      <form method="get" action={`/api/v1/lists/${list}/export`} className="flex max-w-xl flex-col gap-3">
        <p className="text-sm">
          Le fichier contient l&apos;identité et les coordonnées des personnes (filtres et tri appliqués). Indiquez pourquoi vous l&apos;exportez :
          la finalité est enregistrée dans le journal d&apos;audit. <TextLink href="/exports">Mes exports</TextLink>
        </p>
        {hidden.map(([k, v]) => <input key={k} type="hidden" name={k} value={String(v)} />)}
        <SelectField label="Finalité de l'export" name="purpose" id={`purpose-${list}`} required options={purposes.map((p) => ({ value: p.code, label: p.label }))} placeholder="— Choisir une finalité —" />
        <Field label="Précision (facultatif)" name="purposeText" id={`purpose-text-${list}`} maxLength={300} hint="Par exemple : l'offre ou l'événement concerné." />
        <SelectField label="Format" name="format" id={`format-${list}`} options={[{ value: "xlsx", label: "Excel (XLSX)" }, { value: "csv", label: "CSV" }]} placeholder={null} />
        <div><Button type="submit">Exporter</Button></div>
      </form>
    </Disclosure>
  );
}
