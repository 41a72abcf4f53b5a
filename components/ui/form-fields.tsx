/** @deprecated Former form primitives, kept so that older imports still compile. Import from `@/components/ui/field`. */
export { SelectField, TextAreaField } from "@/components/ui/field";
