// Surfaces. <Card> is the white bordered box every screen uses for a block of content; <Section>
// is a Card with a heading (h2 by default) and optional actions on the right. Use <Section> when the
// block has a title, so the page's outline stays navigable by headings (RGAA 9.1).
import type { HTMLAttributes, ReactNode } from "react";
import { cn } from "@/components/ui/cn";

export const cardClass = "rounded-lg border border-gray-300 bg-white p-4";

export function Card({ className, as: Tag = "div", ...props }: HTMLAttributes<HTMLElement> & { as?: "div" | "section" | "article" | "aside" | "li" }) {
  return <Tag {...props} className={cn(cardClass, "min-w-0", className)} />;
}

export function Section({
  title,
  headingLevel = 2,
  actions,
  description,
  className,
  children,
  ...props
}: Omit<HTMLAttributes<HTMLElement>, "title"> & { title: ReactNode; headingLevel?: 2 | 3; actions?: ReactNode; description?: ReactNode; children?: ReactNode }) {
  const H = headingLevel === 2 ? "h2" : "h3";
  return (
    <section {...props} className={cn(cardClass, "flex min-w-0 flex-col gap-3", className)}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <H className={headingLevel === 2 ? "text-lg font-semibold" : "font-semibold"}>{title}</H>
          {description ? <p className="text-sm text-muted">{description}</p> : null}
        </div>
        {actions ? <div className="flex flex-wrap gap-2">{actions}</div> : null}
      </div>
      {children}
    </section>
  );
}

/** A short information box inside a form or a page (what was filled in for you, what to check). Announced politely. */
export function Notice({ className, ...props }: HTMLAttributes<HTMLDivElement>) {
  return <div role="status" {...props} className={cn("rounded-md border border-blue-300 bg-blue-50 p-3 text-sm text-gray-900", className)} />;
}
