import { LinkButton } from "@/components/ui/button";

/** « Nouvelle visite » (Visites, Ma journée, search results): the company is picked in the form unless given. */
export function NewVisitLink({ companyId, label = "Nouvelle visite", companyName }: { companyId?: string; label?: string; companyName?: string }) {
  return (
    <LinkButton
      href={companyId ? `/visites/nouvelle?entreprise=${companyId}` : "/visites/nouvelle"}
      aria-keyshortcuts={companyId ? undefined : "Alt+Shift+V"}
      title={companyId ? undefined : "Raccourci : Alt+Maj+V"}
    >
      {label}
      {companyName ? <span className="sr-only"> chez {companyName}</span> : null}
    </LinkButton>
  );
}
