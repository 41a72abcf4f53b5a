// Surfaces. <Card> is the white bordered box every screen uses for a block of content; <Section>
// is a Card with a heading (h2 by default) and optional actions on the right. Use <Section> when the
// block has a title, so the page's outline stays navigable by headings (RGAA 9.1).
//
// `padding`: "md" (16 px) by default, "sm" (12 px) for a compact box (a filter bar, a chart, a line
// of a list), "lg" (24 px) for a box that stands alone on the page (sign-in, an invitation form).
// An element the kit cannot render itself (a <form>, a <dl>, FilterForm's className) takes the
// look from cardBox(padding, classes). eslint.config.mjs forbids copying it outside components/ui.
import type { HTMLAttributes, ReactNode } from "react";
import { cn } from "@/components/ui/cn";

export type CardPadding = "sm" | "md" | "lg";

const cardPadding: Record<CardPadding, string> = { sm: "p-3", md: "p-4", lg: "p-6" };

/** The card's look (white box, gray border, rounded), for an element that is not a <Card>; the caller's classes win. */
export function cardBox(padding: CardPadding = "md", className?: string): string {
  return cn("rounded-lg border border-gray-300 bg-white", cardPadding[padding], className);
}

export const cardClass = cardBox();

export function Card({ className, as: Tag = "div", padding = "md", ...props }: HTMLAttributes<HTMLElement> & { as?: "div" | "section" | "article" | "aside" | "li"; padding?: CardPadding }) {
  return <Tag {...props} className={cardBox(padding, cn("min-w-0", className))} />;
}

export function Section({
  title,
  headingLevel = 2,
  actions,
  description,
  padding = "md",
  className,
  children,
  ...props
}: Omit<HTMLAttributes<HTMLElement>, "title"> & { title: ReactNode; headingLevel?: 2 | 3; actions?: ReactNode; description?: ReactNode; padding?: CardPadding; children?: ReactNode }) {
  const H = headingLevel === 2 ? "h2" : "h3";
  return (
    <section {...props} className={cardBox(padding, cn("flex min-w-0 flex-col gap-3", className))}>
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
