"use client";
// Accessible combobox (WAI-ARIA 1.2 "combobox with listbox popup", editable, list autocomplete):
// typing filters, ↓/↑ move, Entrée picks, Échap closes (a second Échap empties the field), the
// number of results is announced in a live region. Options come from a static list (filtered
// here, accent- and case-insensitive) or from a server search (`searchUrl` answering
// { items: ComboOption[] }), debounced (at most one request per `debounceMs`, 150 ms minimum),
// stale answers aborted and answers cached. The chosen value travels in a hidden input `name`,
// so it works in a plain <form> and with react-hook-form (Controller or value/onChange).
import { Icon } from "@/components/ui/icons";
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { normalizeSearch } from "@/lib/search/normalize";

export interface ComboOption {
  value: string;
  label: string;
  /** Second line (commune, SIRET, matched job title…). */
  description?: string;
}

export interface ComboboxProps {
  label: string;
  /** Name of the hidden input carrying the chosen value ("" : no hidden input, the caller keeps the value). */
  name: string;
  id?: string;
  hint?: string;
  error?: string;
  required?: boolean;
  placeholder?: string;
  /** Controlled value (null: nothing chosen). */
  value?: ComboOption | null;
  defaultValue?: ComboOption | null;
  onChange?: (option: ComboOption | null) => void;
  /** Static options, filtered in the browser. */
  options?: readonly ComboOption[];
  /** Server search: GET `${searchUrl}?q=…` (or `&q=` when the URL has a query) → { items }. */
  searchUrl?: string;
  /** Characters needed before a server search (default 2). */
  minChars?: number;
  /** Quiet time after the last keystroke before a server search (default 250 ms, never under 150). */
  debounceMs?: number;
  /** Shown under the field when there is no result (e.g. a "create" action). */
  noResult?: (query: string) => ReactNode;
  autoFocus?: boolean;
  className?: string;
  /** Empty the field after a pick (a picker that adds to a list, e.g. MultiCombobox). */
  clearOnPick?: boolean;
}

const MAX_SHOWN = 50;
export const MIN_DEBOUNCE_MS = 150;

function filterStatic(options: readonly ComboOption[], query: string): ComboOption[] {
  const words = normalizeSearch(query).split(" ").filter(Boolean);
  if (words.length === 0) return options.slice(0, MAX_SHOWN);
  const out: ComboOption[] = [];
  for (const o of options) {
    const hay = normalizeSearch(`${o.label} ${o.description ?? ""}`);
    if (words.every((w) => hay.includes(w))) out.push(o);
    if (out.length >= MAX_SHOWN) break;
  }
  return out;
}

export function Combobox({
  label, name, id, hint, error, required, placeholder, value, defaultValue = null, onChange, options, searchUrl,
  minChars = 2, debounceMs = 250, noResult, autoFocus, className = "", clearOnPick = false,
}: ComboboxProps) {
  const auto = useId();
  const inputId = id ?? `field-${name}`;
  const listId = `${inputId}-listbox`;
  const controlled = value !== undefined;
  const [inner, setInner] = useState<ComboOption | null>(defaultValue);
  const selected = controlled ? value : inner;
  const [text, setText] = useState(selected?.label ?? "");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [remote, setRemote] = useState<ComboOption[]>([]);
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState(false);
  const [query, setQuery] = useState("");
  const cache = useRef(new Map<string, ComboOption[]>());
  const abort = useRef<AbortController | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  // A new value (a pick, a form reset, an inline creation) shows its label.
  const [shown, setShown] = useState(selected);
  if (shown !== selected) {
    setShown(selected);
    setText(selected?.label ?? "");
  }

  const server = searchUrl !== undefined;
  const wait = Math.max(MIN_DEBOUNCE_MS, debounceMs);
  const results = useMemo(() => (server ? remote : filterStatic(options ?? [], query)), [server, remote, options, query]);

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
    abort.current?.abort();
  }, []);

  function runSearch(q: string) {
    const key = normalizeSearch(q);
    const hit = cache.current.get(key);
    if (hit) {
      setRemote(hit);
      setLoading(false);
      return;
    }
    abort.current?.abort();
    const ctrl = new AbortController();
    abort.current = ctrl;
    setLoading(true);
    setFailed(false);
    const url = `${searchUrl}${searchUrl!.includes("?") ? "&" : "?"}q=${encodeURIComponent(q)}`;
    fetch(url, { signal: ctrl.signal, headers: { accept: "application/json" } })
      .then(async (res) => {
        if (!res.ok) throw new Error(String(res.status));
        const body = (await res.json()) as { items: ComboOption[] };
        cache.current.set(key, body.items);
        if (!ctrl.signal.aborted) setRemote(body.items);
      })
      .catch(() => {
        if (!ctrl.signal.aborted) {
          setRemote([]);
          setFailed(true);
        }
      })
      .finally(() => {
        if (!ctrl.signal.aborted) setLoading(false);
      });
  }

  function onType(next: string) {
    setText(next);
    setQuery(next);
    setOpen(true);
    setActive(-1);
    if (next.trim() === "" && selected) choose(null, false);
    if (!server) return;
    if (timer.current) clearTimeout(timer.current);
    if (next.trim().length < minChars) {
      abort.current?.abort();
      setRemote([]);
      setLoading(false);
      return;
    }
    setLoading(true);
    timer.current = setTimeout(() => runSearch(next.trim()), wait);
  }

  function choose(option: ComboOption | null, close = true) {
    if (!controlled) setInner(option);
    setText(clearOnPick ? "" : (option?.label ?? ""));
    if (clearOnPick) setQuery("");
    onChange?.(option);
    if (close) {
      setOpen(false);
      setActive(-1);
    }
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    switch (e.key) {
      case "ArrowDown":
        e.preventDefault();
        if (!open) {
          setOpen(true);
          if (!server) setQuery("");
          setActive(0);
        } else setActive((i) => Math.min(results.length - 1, i + 1));
        break;
      case "ArrowUp":
        e.preventDefault();
        if (open) setActive((i) => Math.max(0, i - 1));
        break;
      case "Enter":
        if (open && results.length > 0) {
          // Picks the highlighted option, or the only / first one when none is highlighted.
          e.preventDefault();
          choose(results[active >= 0 ? active : 0] ?? null);
        }
        break;
      case "Escape":
        if (open) {
          e.preventDefault();
          setOpen(false);
          setActive(-1);
          setText(selected?.label ?? text);
        } else if (text) {
          e.preventDefault();
          choose(null);
        }
        break;
      case "Tab":
        setOpen(false);
        break;
    }
  }

  function onBlur() {
    // Leaving the field without picking keeps the last choice (its label comes back).
    setTimeout(() => {
      setOpen(false);
      setActive(-1);
      setText((t) => (t.trim() === "" ? "" : (selected?.label ?? t)));
    }, 0);
  }

  const showList = open && results.length > 0;
  const tooShort = server && query.trim().length < minChars;
  const status = !open
    ? ""
    : loading
      ? "Recherche en cours…"
      : failed
        ? "La recherche n'a pas abouti, réessayez."
        : tooShort
          ? `Tapez au moins ${minChars} caractères.`
          : results.length === 0
            ? "Aucun résultat."
            : `${results.length} résultat${results.length > 1 ? "s" : ""}, flèches haut et bas pour parcourir, Entrée pour choisir.`;
  const describedBy = [hint ? `${inputId}-hint` : null, error ? `${inputId}-error` : null].filter(Boolean).join(" ") || undefined;
  const activeId = showList && active >= 0 ? `${auto}-opt-${active}` : undefined;

  return (
    <div className={`relative flex flex-col gap-1 ${className}`}>
      <label htmlFor={inputId} className="text-sm font-medium">
        {label}
        {required ? <span aria-hidden="true" className="text-danger"> *</span> : null}
      </label>
      {hint ? <p id={`${inputId}-hint`} className="text-xs text-muted">{hint}</p> : null}
      <div className="flex items-stretch">
        <input
          ref={inputRef}
          id={inputId}
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={showList}
          aria-controls={listId}
          aria-activedescendant={activeId}
          aria-invalid={error ? true : undefined}
          aria-required={required || undefined}
          aria-describedby={describedBy}
          placeholder={placeholder}
          autoFocus={autoFocus}
          value={text}
          onChange={(e) => onType(e.target.value)}
          onKeyDown={onKeyDown}
          onBlur={onBlur}
          onFocus={() => {
            if (!server && !selected) {
              setQuery(text);
            }
          }}
          className={`min-h-11 w-full min-w-0 rounded border px-3 py-2 ${error ? "border-danger" : "border-gray-400"} ${selected ? "pr-10" : ""}`}
        />
        {selected ? (
          <button
            type="button"
            className="-ml-10 min-h-11 w-10 shrink-0 rounded text-lg text-muted hover:text-danger"
            onClick={() => {
              choose(null);
              inputRef.current?.focus();
            }}
          >
            <span aria-hidden="true">×</span>
            <span className="sr-only">Effacer {label}</span>
          </button>
        ) : null}
      </div>
      {name ? <input type="hidden" name={name} value={selected?.value ?? ""} /> : null}
      <ul
        id={listId}
        role="listbox"
        aria-label={label}
        hidden={!showList}
        className="absolute top-full left-0 z-30 mt-1 max-h-72 w-full overflow-auto rounded border border-gray-300 bg-white py-1 shadow-lg"
      >
        {showList
          ? results.map((o, i) => (
              <li
                key={`${o.value}-${i}`}
                id={`${auto}-opt-${i}`}
                role="option"
                aria-selected={i === active}
                // mousedown keeps the focus in the input (click would blur it first).
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(o);
                }}
                onMouseMove={() => setActive(i)}
                className={`cursor-pointer px-3 py-2 text-sm ${i === active ? "bg-brand-600 text-white" : ""}`}
              >
                <span className="block">{o.label}</span>
                {o.description ? <span className={`block text-xs ${i === active ? "text-white" : "text-muted"}`}>{o.description}</span> : null}
              </li>
            ))
          : null}
      </ul>
      <p role="status" aria-live="polite" aria-atomic="true" className="sr-only">
        {status}
      </p>
      {noResult && !selected && query.trim() !== "" && !loading && !tooShort && results.length === 0 ? <div className="text-sm">{noResult(query)}</div> : null}
      {error ? (
        <p id={`${inputId}-error`} data-field-error="" className="text-sm text-danger">
          <Icon name="alert" className="mr-1 inline-block align-[-2px]" />
          {error}
        </p>
      ) : null}
    </div>
  );
}
