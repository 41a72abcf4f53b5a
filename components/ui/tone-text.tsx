// A state said with words and an icon as well as a colour (RGAA 3.1: never colour alone).
// Use for short statuses inside cards and tables: « dans l'objectif », « en retard », each with its SVG icon.
import type { ReactNode } from "react";
import { Icon, type IconName } from "@/components/ui/icons";

export type Tone = "good" | "warn" | "bad" | "neutral";

const TONE_CLASS: Record<Tone, string> = {
  good: "text-success",
  warn: "text-warning",
  bad: "text-danger",
  neutral: "text-muted",
};

const TONE_ICON: Record<Tone, IconName> = { good: "check", warn: "alert", bad: "x", neutral: "circle" };

export function ToneText({ tone, icon, children, className = "" }: { tone: Tone; icon?: IconName; children: ReactNode; className?: string }) {
  return (
    <span className={`inline-flex items-baseline gap-1 font-medium ${TONE_CLASS[tone]} ${className}`}>
      <Icon name={icon ?? TONE_ICON[tone]} className="inline-block self-center" />
      <span>{children}</span>
    </span>
  );
}
