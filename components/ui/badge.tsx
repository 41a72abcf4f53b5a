// Short labels. <Badge> is a neutral tag (a filière, a count); <StatusBadge> shows a state with an
// icon AND its text, in a tone that never carries the meaning alone (RGAA 3.1).
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { Icon, type IconName } from "@/components/ui/icons";

export type Tone = "neutral" | "info" | "success" | "warning" | "danger";

const tones: Record<Tone, string> = {
  neutral: "border-gray-300 bg-gray-100 text-ink",
  info: "border-brand-100 bg-brand-50 text-brand-800",
  success: "border-green-200 bg-green-50 text-success",
  warning: "border-amber-200 bg-amber-50 text-warning",
  danger: "border-red-200 bg-red-50 text-danger",
};
const toneIcon: Record<Tone, IconName> = { neutral: "circle", info: "info", success: "check", warning: "clock", danger: "alert" };

export function Badge({ tone = "neutral", className, children }: { tone?: Tone; className?: string; children: ReactNode }) {
  return <span className={cn("inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-semibold whitespace-nowrap", tones[tone], className)}>{children}</span>;
}

export function StatusBadge({ tone = "neutral", icon, className, children, ...rest }: { tone?: Tone; icon?: IconName; className?: string; children: ReactNode; "data-testid"?: string }) {
  return (
    <span {...rest} className={cn("inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-semibold whitespace-nowrap", tones[tone], className)}>
      <Icon name={icon ?? toneIcon[tone]} size={12} />
      {children}
    </span>
  );
}
