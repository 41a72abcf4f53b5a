// The top of every screen: breadcrumb (where am I, one click back up), the page's single <h1>, a
// short description and the page's main actions. On a phone the actions wrap under the title.
import Link from "next/link";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

export interface Crumb {
  label: string;
  href?: string;
}

export function Breadcrumb({ items }: { items: Crumb[] }) {
  if (items.length === 0) return null;
  return (
    <nav aria-label="Fil d'Ariane" className="text-sm">
      <ol className="flex flex-wrap items-center gap-x-1 text-muted">
        {items.map((c, i) => (
          <li key={`${c.label}-${i}`} className="flex items-center gap-1">
            {i > 0 ? <span aria-hidden="true">›</span> : null}
            {c.href ? (
              <Link href={c.href} className="text-brand-700 underline">
                {c.label}
              </Link>
            ) : (
              <span aria-current="page">{c.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** The page's single <h1>, for a screen that lays out its own header; prefer <PageHeader>. */
export function PageTitle({ className, children, ...rest }: { className?: string; children: ReactNode; "data-testid"?: string; id?: string }) {
  return (
    <h1 {...rest} className={cn("text-2xl font-bold break-words", className)}>
      {children}
    </h1>
  );
}

export function PageHeader({
  title,
  breadcrumb,
  description,
  actions,
  className,
  children,
}: {
  title: ReactNode;
  breadcrumb?: Crumb[];
  description?: ReactNode;
  actions?: ReactNode;
  className?: string;
  children?: ReactNode;
}) {
  return (
    <div className={cn("flex flex-col gap-2", className)}>
      {breadcrumb ? <Breadcrumb items={breadcrumb} /> : null}
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex min-w-0 flex-col gap-1">
          <PageTitle>{title}</PageTitle>
          {description ? <div className="text-muted">{description}</div> : null}
        </div>
        {actions ? <div className="flex flex-wrap gap-2">{actions}</div> : null}
      </div>
      {children}
    </div>
  );
}
