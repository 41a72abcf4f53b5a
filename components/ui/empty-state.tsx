// What a list shows when it has nothing: say so plainly, and offer the next step (a LinkButton).
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

export function EmptyState({ title, children, action, className }: { title: string; children?: ReactNode; action?: ReactNode; className?: string }) {
  return (
    <div className={cn("flex flex-col items-start gap-2 rounded-lg border border-dashed border-gray-400 bg-white p-6", className)}>
      <p className="font-semibold">{title}</p>
      {children ? <div className="text-sm text-muted">{children}</div> : null}
      {action}
    </div>
  );
}
