"use client";
// useActionState for a form that must keep what the user typed when the server refuses it.
// With `<form action={fn}>`, React 19 resets every uncontrolled field once the action returns,
// refusal or not: a refused payment came back with its date, reference and amount wiped (issue 14
// §6). Here the form is submitted from onSubmit (no automatic reset) and reset only on success —
// or never, when `keep` says a successful answer still needs what was typed (the public intake
// form's « commune outside every perimeter » answer, issue 23).
import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";

export function useFormAction<S>(action: (state: Awaited<S>, payload: FormData) => S | Promise<S>, initial: Awaited<S>, opts: { keep?: (state: Awaited<S>) => boolean } = {}) {
  const [state, dispatch, pending] = useActionState(action, initial);
  const form = useRef<HTMLFormElement | null>(null);
  const submitted = useRef(false);
  const keep = useRef(opts.keep);
  useEffect(() => {
    keep.current = opts.keep;
  });
  useEffect(() => {
    if (submitted.current && (state as { ok?: unknown } | null)?.ok === true && !keep.current?.(state)) form.current?.reset();
  }, [state]);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    if (e.defaultPrevented) return; // e.g. a confirmation the user declined
    e.preventDefault();
    form.current = e.currentTarget;
    submitted.current = true;
    const data = new FormData(e.currentTarget, (e.nativeEvent as SubmitEvent).submitter);
    startTransition(() => dispatch(data));
  };
  return [state, onSubmit, pending] as const;
}
