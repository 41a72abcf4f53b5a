import { StatusBadge, type Tone } from "@/components/ui/badge";
import type { IconName } from "@/components/ui/icons";
import { CALLBACK_URGENCY_LABELS, type CallbackUrgency } from "@/lib/callbacks/callback.rules";

// Text and icon carry the meaning; the colour only repeats it (RGAA 3.1: no colour-only information).
const STYLE: Record<CallbackUrgency, { icon: IconName; tone: Tone }> = {
  OVERDUE: { icon: "alert", tone: "danger" },
  DUE_TODAY: { icon: "clock", tone: "warning" },
  UPCOMING: { icon: "circle", tone: "neutral" },
  CLOSED: { icon: "check", tone: "success" },
};

export function UrgencyBadge({ urgency }: { urgency: CallbackUrgency }) {
  const s = STYLE[urgency];
  return (
    <StatusBadge tone={s.tone} icon={s.icon}>
      {CALLBACK_URGENCY_LABELS[urgency]}
    </StatusBadge>
  );
}
