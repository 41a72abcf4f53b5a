import { CALLBACK_URGENCY_LABELS, type CallbackUrgency } from "@/lib/callbacks/callback.rules";

// Text and icon carry the meaning; the colour only repeats it (RGAA 3.1: no colour-only information).
const STYLE: Record<CallbackUrgency, { icon: string; className: string }> = {
  OVERDUE: { icon: "⚠", className: "border-danger bg-red-50 text-danger" },
  DUE_TODAY: { icon: "⏰", className: "border-warning bg-amber-50 text-warning" },
  UPCOMING: { icon: "◷", className: "border-gray-400 bg-white text-gray-800" },
  CLOSED: { icon: "✓", className: "border-success bg-green-50 text-success" },
};

export function UrgencyBadge({ urgency }: { urgency: CallbackUrgency }) {
  const s = STYLE[urgency];
  return (
    <span className={`inline-flex items-center gap-1 whitespace-nowrap rounded border px-2 py-0.5 text-xs font-semibold ${s.className}`}>
      <span aria-hidden="true">{s.icon}</span>
      {CALLBACK_URGENCY_LABELS[urgency]}
    </span>
  );
}
