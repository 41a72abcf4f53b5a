// The in-text link of the application (underlined, brand colour): record names in tables, « voir »,
// « retour ». Use LinkButton for a call to action.
import Link from "next/link";
import type { ComponentProps } from "react";
import { cn } from "@/components/ui/cn";

export const textLinkClass = "text-brand-700 underline hover:text-brand-800";

export function TextLink({ className, ...props }: ComponentProps<typeof Link>) {
  return <Link {...props} className={cn(textLinkClass, className)} />;
}
