// Buttons and links that look like buttons. Use <Button> for an action on the page (submit, open,
// delete) and <LinkButton> for a navigation (« Nouvelle entreprise », « Annuler »): a link stays a
// link for assistive technologies. Variants by name; `className` extends (tailwind-merge).
import { cva, type VariantProps } from "class-variance-authority";
import Link from "next/link";
import type { AnchorHTMLAttributes, ComponentProps } from "react";
import { cn } from "@/components/ui/cn";

export const buttonVariants = cva(
  // min-h keeps every target ≥ 24 px (WCAG 2.5.8) and 40 px on touch screens.
  "inline-flex items-center justify-center gap-2 rounded text-center text-sm font-semibold no-underline transition-colors disabled:cursor-not-allowed disabled:opacity-60",
  {
    variants: {
      variant: {
        primary: "bg-brand-600 text-white hover:bg-brand-700 disabled:bg-gray-500",
        secondary: "border border-brand-600 bg-white text-brand-700 hover:bg-brand-50",
        /** Neutral outline: « Annuler », pagination, secondary tools. */
        outline: "border border-gray-400 bg-white font-normal text-ink hover:bg-gray-100",
        danger: "bg-danger text-white hover:opacity-90",
        /** Quiet text action inside a list or a card. */
        ghost: "font-medium text-brand-700 underline hover:bg-brand-50",
      },
      size: {
        sm: "min-h-8 px-3 py-1",
        md: "min-h-10 px-4 py-2",
        lg: "min-h-12 px-5 py-3 text-lg",
      },
    },
    defaultVariants: { variant: "primary", size: "md" },
  },
);

export type ButtonVariant = NonNullable<VariantProps<typeof buttonVariants>["variant"]>;
type Variants = VariantProps<typeof buttonVariants>;

/** `ref` passes through (React 19: a prop like any other), e.g. to give the focus back to the button. */
export function Button({ variant, size, className, type = "button", ...props }: ComponentProps<"button"> & Variants) {
  return <button type={type} {...props} className={cn(buttonVariants({ variant, size }), className)} />;
}

/**
 * A navigation styled as a button (Next.js <Link>; client-side navigation). No prefetch unless asked:
 * the application's pages are dynamic, a prefetch would only render their layouts on the server
 * (issue 18; components/layout/site-header.tsx).
 */
export function LinkButton({ variant, size, className, prefetch = false, ...props }: ComponentProps<typeof Link> & Variants) {
  return <Link {...props} prefetch={prefetch} className={cn(buttonVariants({ variant, size }), className)} />;
}

/** A plain <a> styled as a button: downloads and files served by route handlers (no client navigation). */
export function AnchorButton({ variant, size, className, ...props }: AnchorHTMLAttributes<HTMLAnchorElement> & Variants) {
  return <a {...props} className={cn(buttonVariants({ variant, size }), className)} />;
}
