// A legal clock as text plus an icon (never colour alone): « reste 2 j 3 h », « en retard de 5 h ».
import { Icon } from "@/components/ui/icons";
import { formatDateTime } from "@/lib/format";

export interface ClockView {
  label?: string;
  dueAt: string;
  doneAt: string | null;
  overdue: boolean;
  late: boolean;
  countdown: string;
}

export function Countdown({ clock, showDue = true }: { clock: ClockView; showDue?: boolean }) {
  const tone = clock.overdue ? "border-danger bg-red-50 text-danger font-semibold" : clock.doneAt ? "border-gray-300 bg-gray-50" : "border-amber-600 bg-amber-50";
  const icon = clock.overdue ? "alert" : clock.doneAt ? "check" : "hourglass";
  return (
    <span className={`inline-flex flex-wrap items-center gap-1 rounded border px-2 py-0.5 text-sm ${tone}`} data-testid="countdown">
      <Icon name={icon} size={14} />
      {clock.overdue ? <span className="sr-only">En retard :</span> : null}
      <span>{clock.label ? `${clock.label} : ` : ""}{clock.countdown}</span>
      {showDue ? <span className="font-normal text-muted">(échéance {formatDateTime(clock.dueAt)})</span> : null}
    </span>
  );
}
