// The DPO's « Action » filter of the audit log: the kit's combobox over the actions' French labels
// (lib/audit/audit-labels.ts), searchable by words (« connexion », « fiche demandeur »), each with
// its domain as second line; the chosen code travels as `action` in the search form (GET).
import { Combobox } from "@/components/ui/combobox";
import { auditActionOption, auditActionOptions } from "@/lib/audit/audit-labels";

export function AuditActionFilter({ value }: { value?: string | null }) {
  return (
    <Combobox
      label="Action"
      name="action"
      id="f-action"
      placeholder="Toutes les actions"
      hint="Tapez un mot : connexion, fiche, export…"
      options={auditActionOptions()}
      defaultValue={auditActionOption(value)}
      className="w-80 max-w-full"
    />
  );
}
