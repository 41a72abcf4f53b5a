// ESLint: Next's rules plus the house rules of shared/STYLE.md that a linter can hold.
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// date-fns computes in the process's zone: on a stored day (midnight UTC) its calendar arithmetic
// and getters are right only while the server runs in UTC. Days go through lib/calendar-day.ts
// (UTC), Paris days and times through lib/paris-day.ts; durations in ms (addMinutes, addHours,
// differenceInHours…) and the French locale stay free. no-restricted-imports is one rule: the blocks
// below that set it for some files repeat this pattern.
const dateFnsCalendar = {
  group: ["date-fns", "date-fns/*", "!date-fns/locale"],
  importNamePattern: "^((add|sub|differenceIn)(?!(Milliseconds|Seconds|Minutes|Hours)$)|startOf|endOf|lastDayOf|eachDayOf|eachWeekOf|eachMonthOf|format|get|set|is(Same|This|Today|Tomorrow|Yesterday|Weekend|FirstDayOf|LastDayOf))",
  message: "Sur un jour stocké (minuit UTC) : lib/calendar-day.ts (addDaysUtc, addMonthsUtc…) ; jour ou heure de Paris : lib/paris-day.ts. date-fns calcule dans le fuseau du processus.",
};
const dateFnsFiles = ["lib/**", "app/**", "components/**", "server/**", "scripts/**", "prisma/**"];
const dateFnsHelpers = ["lib/calendar-day.ts", "lib/paris-day.ts"];

// Selectors of no-restricted-syntax for every file. The rule is one: a block that sets it for some
// files (the UI kit guard below) repeats these.
const baseSyntax = [
  { selector: "MemberExpression[object.name='process'][property.name='env']", message: "Lisez la configuration via lib/env.ts." },
  // A date shown without a zone is the server's day (UTC) or the browser's: the platforms' is Paris.
  {
    selector: "CallExpression[callee.property.name=/^toLocale(Date|Time)String$/]:not(:has(Property[key.name='timeZone']))",
    message: "Formatez les dates par lib/format.ts (formatDate, formatDateTime : fuseau Europe/Paris) ou donnez un timeZone.",
  },
];

// One UI kit (components/ui, docs/ui-kit.md): a screen uses it, never copies its classes. The
// fingerprints: a control's or an outline button's box (rounded + border + border-gray-400), a
// hand-made invalid state (border-danger vs border-gray-400), a primary button's look, a card's box
// (rounded-lg + border + border-gray-300 with bg-white or a padding; or rounded + border +
// border-gray-300 + bg-white + a padding, the copies that drifted). A token may be a regex fragment.
const tokens = (...names) => names.map((n) => `(?=.*(^|\\s)${n}(\\s|$))`).join("");
const kitMessage = {
  control: "Contrôle recopié : prenez le kit (Field, SelectField, TextAreaField de components/ui/field.tsx, FilterSelect/FilterField de filter-form.tsx) ou controlClass(error, classes, taille).",
  button: "Bouton recopié : prenez Button, LinkButton ou AnchorButton (components/ui/button.tsx) ou buttonVariants.",
  card: "Carte recopiée : prenez Card, Section (components/ui/card.tsx), FormSection (fieldset/legend, components/ui/field.tsx), TableScroll pour un tableau, ou cardBox(padding, classes) pour un <form>, un <dl>.",
};
const kitSyntax = [
  ...["Literal", "TemplateElement"].flatMap((node) => {
    const attr = node === "Literal" ? "value" : "value.raw";
    return [
      { selector: `${node}[${attr}=/${tokens("rounded", "border", "border-gray-400")}/]`, message: kitMessage.control },
      { selector: `${node}[${attr}=/${tokens("rounded", "bg-brand-600", "font-semibold", "text-white")}/]`, message: kitMessage.button },
      { selector: `${node}[${attr}=/${tokens("rounded-lg", "border", "border-gray-300", "(bg-white|p-\\d+)")}/]`, message: kitMessage.card },
      { selector: `${node}[${attr}=/${tokens("rounded", "border", "border-gray-300", "bg-white", "p-\\d+")}/]`, message: kitMessage.card },
    ];
  }),
  { selector: "ConditionalExpression[consequent.value='border-danger'][alternate.value='border-gray-400']", message: kitMessage.control },
];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ["node_modules/**", ".next/**", ".data/**", "lib/generated/**", "playwright-report/**", "test-results/**", "next-env.d.ts"],
  },
  {
    rules: {
      // Logging goes through lib/logger.ts (pino).
      "no-console": "error",
      // Configuration is read and validated in one place.
      "no-restricted-syntax": ["error", ...baseSyntax],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: dateFnsFiles,
    ignores: dateFnsHelpers,
    rules: {
      "no-restricted-imports": ["error", { patterns: [dateFnsCalendar] }],
      // The same for a Date's own local fields (the process's zone); a TZDate's are Paris's.
      "no-restricted-properties": [
        "error",
        ...["getFullYear", "getMonth", "getDate", "getDay", "getHours", "getMinutes", "getTimezoneOffset", "setFullYear", "setMonth", "setDate", "setHours", "setMinutes"].map((property) => ({
          property,
          message: "Champ local d'une Date (fuseau du processus) : getUTC…/setUTC… sur un jour stocké (lib/calendar-day.ts), lib/paris-day.ts pour Paris.",
        })),
      ],
    },
  },
  {
    // The screens: the kit's look comes from components/ui only.
    files: ["app/**/*.tsx", "components/**/*.tsx"],
    ignores: ["components/ui/**"],
    rules: { "no-restricted-syntax": ["error", ...baseSyntax, ...kitSyntax] },
  },
  {
    files: ["lib/env.ts", "playwright.config.ts", "vitest.config.ts", "prisma.config.ts", "scripts/prisma-generate.mjs"],
    rules: { "no-restricted-syntax": "off" },
  },
  {
    // Rules files are pure: no database, no framework, no clock reads passed implicitly.
    files: ["lib/**/*.rules.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@prisma/*", "@/lib/generated/*", "@/lib/db", "@/lib/db-client"], message: "Un module *.rules.ts est pur : pas de Prisma." },
            { group: ["next", "next/*", "next-auth", "next-auth/*"], message: "Un module *.rules.ts est pur : pas de Next." },
            dateFnsCalendar,
          ],
        },
      ],
    },
  },
  {
    // Issue 18: a list's cells link with a plain <a>, navigated in the app by the table itself
    // (components/data-table navigateCellLink). A next/link per row prefetched every record shown
    // (50 requests, ≈ 170 ms of Node CPU per list displayed) and cost server rendering for each row.
    files: ["components/**/*-table.tsx"],
    ignores: ["components/data-table/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "next/link", message: "Dans les cellules d'un tableau, un simple <a> : DataTable le navigue dans l'application, sans préchargement." }],
          patterns: [dateFnsCalendar],
        },
      ],
    },
  },
];

export default config;
