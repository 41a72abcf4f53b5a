"use client";

import { Fragment, useActionState, useState } from "react";
import type { z } from "zod";
import { createRuleSetAction } from "@/app/(app)/administration/regles/actions";
import { ActionMessage, fieldError } from "@/components/subsidy/action-message";
import { Button } from "@/components/ui/button";
import { controlClass, Field } from "@/components/ui/field";
import { ruleSetPayloadSchemas, type RuleSetKindName } from "@/lib/rules/rule-set.schema";
import { defOf, diffPayload, emptyValue, ENUM_LABELS, fieldHelp, fieldLabel, fromInput, toInput, unitOf } from "@/lib/rules/rule-set-fields";
import "@/lib/validation";
import { TableScroll } from "@/components/ui/table";
import { Icon } from "@/components/ui/icons";

type Path = (string | number)[];
type Setter = (path: Path, v: unknown) => void;

function setIn(root: unknown, path: Path, v: unknown): unknown {
  if (path.length === 0) return v;
  const [head, ...rest] = path;
  if (Array.isArray(root)) {
    const copy = [...root];
    copy[head as number] = setIn(copy[head as number], rest, v);
    return copy;
  }
  const obj = { ...((root ?? {}) as Record<string, unknown>) };
  const next = setIn(obj[head as string], rest, v);
  if (next === undefined) delete obj[head as string];
  else obj[head as string] = next;
  return obj;
}

const keyOf = (path: Path) => [...path].reverse().find((p): p is string => typeof p === "string") ?? "";
const pathId = (kind: string, path: Path) => `rs-${kind}-${path.join("-") || "root"}`;

interface Ctx {
  kind: string;
  set: Setter;
  errors: Record<string, string[]>;
  rawErrors: Record<string, string>;
  setRawError: (path: string, message: string | null) => void;
}

function Errors({ id, messages }: { id: string; messages: string[] }) {
  if (!messages.length) return null;
  return <p id={`${id}-error`} className="text-sm text-danger"><Icon name="alert" className="mr-1 inline-block align-[-2px]" />{messages.join(" ")}</p>;
}

function NumberInput({ ctx, path, value }: { ctx: Ctx; path: Path; value: unknown }) {
  const key = keyOf(path);
  const unit = unitOf(key);
  const [text, setText] = useState(() => toInput(unit, value));
  const id = pathId(ctx.kind, path);
  const p = path.join(".");
  const messages = [ctx.rawErrors[p], ...(ctx.errors[p] ?? [])].filter((m): m is string => Boolean(m));
  const help = fieldHelp(key);
  const suffix = unit === "cents" ? " (€)" : unit === "bp" ? " (%)" : "";
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">{fieldLabel(key)}{suffix}</label>
      {help ? <p id={`${id}-hint`} className="text-xs text-muted">{help}</p> : null}
      <input
        id={id}
        inputMode="decimal"
        value={text}
        aria-invalid={messages.length ? true : undefined}
        aria-describedby={[help ? `${id}-hint` : null, messages.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined}
        className={controlClass(messages[0])}
        onChange={(e) => {
          setText(e.target.value);
          const r = fromInput(unit, e.target.value);
          if ("error" in r) ctx.setRawError(p, r.error);
          else {
            ctx.setRawError(p, null);
            ctx.set(path, r.value);
          }
        }}
      />
      <Errors id={id} messages={messages} />
    </div>
  );
}

function Node({ ctx, schema, path, value }: { ctx: Ctx; schema: z.ZodType; path: Path; value: unknown }) {
  const d = defOf(schema);
  const key = keyOf(path);
  const id = pathId(ctx.kind, path);
  const p = path.join(".");
  const messages = ctx.errors[p] ?? [];
  const label = typeof path.at(-1) === "number" ? `n° ${(path.at(-1) as number) + 1}` : fieldLabel(key);

  if (d.type === "default") return <Node ctx={ctx} schema={d.innerType!} path={path} value={value} />;
  if (d.type === "optional" || d.type === "nullable") {
    const absent = d.type === "optional" ? value === undefined : value === null;
    if (absent) {
      return (
        <div className="flex flex-wrap items-center gap-3 rounded border border-dashed border-gray-300 p-2 text-sm">
          <span><strong>{label}</strong> : {d.type === "optional" ? "non renseigné" : "non fixé"}</span>
          <Button type="button" variant="secondary" onClick={() => ctx.set(path, emptyValue(d.innerType!))}>Renseigner<span className="sr-only"> : {label}</span></Button>
        </div>
      );
    }
    return (
      <div className="flex flex-col gap-1">
        <Node ctx={ctx} schema={d.innerType!} path={path} value={value} />
        <div>
          <Button type="button" variant="secondary" onClick={() => ctx.set(path, d.type === "optional" ? undefined : null)}>
            {d.type === "optional" ? "Retirer" : "Laisser non fixé"}<span className="sr-only"> : {label}</span>
          </Button>
        </div>
      </div>
    );
  }
  if (d.type === "object") {
    const obj = (value ?? {}) as Record<string, unknown>;
    const help = path.length ? fieldHelp(key) : undefined;
    const body = (
      <>
        {help ? <p className="text-xs text-muted">{help}</p> : null}
        <div className="grid gap-3 sm:grid-cols-2">
          {Object.entries(d.shape!).map(([k, s]) => <Node key={k} ctx={ctx} schema={s} path={[...path, k]} value={obj[k]} />)}
        </div>
        <Errors id={id} messages={messages} />
      </>
    );
    if (!path.length) return <div className="flex flex-col gap-3">{body}</div>;
    return (
      <fieldset className="flex flex-col gap-2 rounded border border-gray-300 p-3 sm:col-span-2">
        <legend className="px-1 text-sm font-semibold">{label}</legend>
        {body}
      </fieldset>
    );
  }
  if (d.type === "array") {
    const items = Array.isArray(value) ? value : [];
    const el = d.element!;
    const help = fieldHelp(key);
    if (defOf(el).type === "enum") {
      const options = Object.values(defOf(el).entries!);
      return (
        <fieldset className="flex flex-col gap-1 rounded border border-gray-300 p-3 sm:col-span-2">
          <legend className="px-1 text-sm font-semibold">{label}</legend>
          {help ? <p className="text-xs text-muted">{help}</p> : null}
          {options.map((o) => (
            <label key={o} className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={items.includes(o)} onChange={(e) => ctx.set(path, e.target.checked ? [...items, o] : items.filter((x) => x !== o))} />
              {ENUM_LABELS[o] ?? o}
            </label>
          ))}
          <Errors id={id} messages={messages} />
        </fieldset>
      );
    }
    return (
      <fieldset className="flex flex-col gap-2 rounded border border-gray-300 p-3 sm:col-span-2">
        <legend className="px-1 text-sm font-semibold">{label}</legend>
        {help ? <p className="text-xs text-muted">{help}</p> : null}
        {items.length === 0 ? <p className="text-sm text-muted">Aucun élément.</p> : null}
        {items.map((item, i) => (
          <div key={i} className="flex flex-col gap-2 border-l-4 border-gray-200 pl-3">
            <Node ctx={ctx} schema={el} path={[...path, i]} value={item} />
            <div>
              <Button type="button" variant="secondary" onClick={() => ctx.set(path, items.filter((_, j) => j !== i))}>
                Retirer l&apos;élément n° {i + 1}<span className="sr-only"> de {label}</span>
              </Button>
            </div>
          </div>
        ))}
        <div>
          <Button type="button" variant="secondary" onClick={() => ctx.set(path, [...items, emptyValue(el)])}>Ajouter<span className="sr-only"> un élément à {label}</span></Button>
        </div>
        <Errors id={id} messages={messages} />
      </fieldset>
    );
  }
  if (d.type === "number") return <NumberInput ctx={ctx} path={path} value={value} />;
  if (d.type === "boolean") {
    return (
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={value === true} onChange={(e) => ctx.set(path, e.target.checked)} />
        {label}
      </label>
    );
  }
  const help = fieldHelp(key);
  const describedBy = [help ? `${id}-hint` : null, messages.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">{label}</label>
      {help ? <p id={`${id}-hint`} className="text-xs text-muted">{help}</p> : null}
      {d.type === "enum" ? (
        <select id={id} value={String(value ?? "")} aria-describedby={describedBy} className={controlClass()} onChange={(e) => ctx.set(path, e.target.value)}>
          {Object.values(d.entries!).map((o) => <option key={o} value={o}>{ENUM_LABELS[o] ?? o}</option>)}
        </select>
      ) : (
        <input id={id} value={String(value ?? "")} aria-invalid={messages.length ? true : undefined} aria-describedby={describedBy}
          className={controlClass(messages[0])} onChange={(e) => ctx.set(path, e.target.value)} />
      )}
      <Errors id={id} messages={messages} />
    </div>
  );
}

/**
 * New version of a rule set, field by field: one labelled, validated input per field (generated
 * from the kind's zod schema), euros and percentages shown, cents and basis points stored; the
 * differences with the current version are shown before saving.
 */
export function RuleSetFieldEditor({ kind, label, baseId, payload }: { kind: RuleSetKindName; label: string; baseId: string | null; payload: unknown }) {
  const schema = ruleSetPayloadSchemas[kind] as unknown as z.ZodType;
  const start = () => (payload && typeof payload === "object" ? structuredClone(payload) : emptyValue(schema));
  const [value, setValue] = useState<unknown>(start);
  const [rawErrors, setRawErrors] = useState<Record<string, string>>({});
  const [reviewing, setReviewing] = useState(false);
  const [state, action, pending] = useActionState(createRuleSetAction, null);
  // `baseId` is the latest version's id. When a save makes a new one, the fields start again from it
  // (below, the inputs are keyed on it) but the form stays mounted, so its confirmation stays on screen:
  // a `key` on the version around the whole editor remounted it and the message vanished on refresh.
  const [base, setBase] = useState(baseId);
  if (base !== baseId) {
    setBase(baseId);
    setValue(start());
    setRawErrors({});
    setReviewing(false);
  }
  const parsed = schema.safeParse(value);
  const errors: Record<string, string[]> = {};
  if (!parsed.success) for (const i of parsed.error.issues) (errors[i.path.join(".")] ??= []).push(i.message);
  const invalid = !parsed.success || Object.keys(rawErrors).length > 0;
  const changes = diffPayload(payload, value);
  const ctx: Ctx = {
    kind,
    set: (path, v) => { setValue((old: unknown) => setIn(old, path, v)); setReviewing(false); },
    errors,
    rawErrors,
    setRawError: (p, m) => setRawErrors((old) => {
      const next = { ...old };
      if (m) next[p] = m;
      else delete next[p];
      return next;
    }),
  };
  const id = `rsf-${kind}`;
  const serverPayloadErrors = state && !state.ok ? Object.entries(state.fields ?? {}).filter(([k]) => k.startsWith("payload")) : [];
  return (
    <form action={action} noValidate className="flex flex-col gap-4" aria-label={`Nouvelle version, champ par champ : ${label}`}>
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="payloadJson" value={JSON.stringify(parsed.success ? parsed.data : value)} />
      <Fragment key={baseId ?? "none"}>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id={`${id}-from`} label="En vigueur à partir du" name="validFrom" type="date" error={fieldError(state, "validFrom")} />
        <Field id={`${id}-note`} label="Motif du changement" name="note" error={fieldError(state, "note")} />
      </div>
      <Node ctx={ctx} schema={schema} path={[]} value={value} />
      </Fragment>
      {errors[""] ? <Errors id={`${id}-root`} messages={errors[""]} /> : null}
      {serverPayloadErrors.length > 0 ? (
        <ul className="list-disc pl-6 text-sm text-danger">
          {serverPayloadErrors.map(([k, v]) => <li key={k}>{k.replace(/^payload\.?/, "") || "contenu"} : {v.join(" ")}</li>)}
        </ul>
      ) : null}
      {reviewing ? (
        <section aria-labelledby={`${id}-diff`} className="rounded border border-brand-600 p-3">
          <h3 id={`${id}-diff`} className="font-semibold">Modifications par rapport à la version en cours ({changes.length})</h3>
          {changes.length === 0 ? <p className="text-sm">Aucune modification.</p> : (
            <TableScroll label="Champs modifiés">
            <table className="w-full text-left text-sm" data-testid="rule-set-diff">
              <caption className="sr-only">Champs modifiés</caption>
              <thead className="bg-gray-100"><tr><th scope="col" className="p-2">Champ</th><th scope="col" className="p-2">Avant</th><th scope="col" className="p-2">Après</th></tr></thead>
              <tbody>
                {changes.map((c) => (
                  <tr key={c.path} className="border-t border-gray-200"><td className="p-2">{c.label}</td><td className="p-2">{c.before}</td><td className="p-2">{c.after}</td></tr>
                ))}
              </tbody>
            </table>
            </TableScroll>
          )}
        </section>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="button" variant="secondary" onClick={() => setReviewing(true)} disabled={invalid}>Vérifier les modifications</Button>
        {reviewing ? <Button type="submit" disabled={pending || invalid || changes.length === 0}>Créer la version</Button> : null}
        {invalid ? <p className="text-sm text-danger"><Icon name="alert" className="mr-1 inline-block align-[-2px]" />Corrigez les champs signalés.</p> : null}
        <ActionMessage state={state} success="Nouvelle version enregistrée ; la précédente se termine la veille." />
      </div>
    </form>
  );
}
