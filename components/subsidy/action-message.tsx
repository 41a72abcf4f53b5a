import type { ActionResult } from "@/lib/actions/action";
import { Icon } from "@/components/ui/icons";

/** Outcome of a form, announced politely to screen readers; errors are not shown by colour alone. */
export function ActionMessage({ state, success }: { state: ActionResult<unknown> | null; success?: string }) {
  return (
    <div aria-live="polite" className="text-sm">
      {state?.ok && success ? <p className="text-success"><Icon name="check" className="mr-1 inline-block align-[-2px]" />{success}</p> : null}
      {/* A message that only repeats a field's own error is not said twice (issue 14 §6). */}
      {state && !state.ok && !Object.entries(state.fields ?? {}).some(([k, m]) => k !== "_" && m[0] === state.message) ? (
        <p className="text-danger">
          <Icon name="alert" className="mr-1 inline-block align-[-2px]" />
          {state.message}
          {state.fields?._ ? ` ${state.fields._.join(" ")}` : null}
        </p>
      ) : null}
    </div>
  );
}

export function fieldError(state: ActionResult<unknown> | null, ...names: string[]): string | undefined {
  if (!state || state.ok) return undefined;
  for (const n of names) if (state.fields?.[n]?.[0]) return state.fields[n][0];
  return undefined;
}
