// Joins class names and lets a caller's Tailwind class win over a component's default
// (`cn("px-4", "px-2")` → "px-2"): components stay extendable without `!important`.
import { clsx, type ClassValue } from "clsx";
import { twMerge } from "tailwind-merge";

export function cn(...inputs: ClassValue[]): string {
  return twMerge(clsx(inputs));
}
