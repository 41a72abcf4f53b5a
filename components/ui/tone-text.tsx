// A state said with words and an icon as well as a colour (RGAA 3.1: never colour alone).
// Use for short statuses inside cards and tables: « ▲ dans l'objectif », « ▼ en retard ».
import type { ReactNode } from "react";

export type Tone = "good" | "warn" | "bad" | "neutral";

const TONE_CLASS: Record<Tone, string> = {
  good: "text-success",
  warn: "text-warning",
  bad: "text-danger",
  neutral: "text-muted",
};

const TONE_ICON: Record<Tone, string> = { good: "✔", warn: "⚠", bad: "✖", neutral: "•" };

export function ToneText({ tone, icon, children, className = "" }: { tone: Tone; icon?: string; children: ReactNode; className?: string }) {
  return (
    <span className={`inline-flex items-baseline gap-1 font-medium ${TONE_CLASS[tone]} ${className}`}>
      <span aria-hidden="true">{icon ?? TONE_ICON[tone]}</span>
      <span>{children}</span>
    </span>
  );
}
