import Link from "next/link";

/** « Nouvelle visite » (Visites, Ma journée, search results): the company is picked in the form unless given. */
export function NewVisitLink({ companyId, label = "Nouvelle visite", companyName }: { companyId?: string; label?: string; companyName?: string }) {
  return (
    <Link
      href={companyId ? `/visites/nouvelle?entreprise=${companyId}` : "/visites/nouvelle"}
      aria-keyshortcuts={companyId ? undefined : "Alt+Shift+V"}
      title={companyId ? undefined : "Raccourci : Alt+Maj+V"}
      className="inline-flex min-h-11 items-center rounded bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
    >
      {label}
      {companyName ? <span className="sr-only"> chez {companyName}</span> : null}
    </Link>
  );
}
