/**
 * @deprecated Former form primitives, kept so that older imports still compile. Import from
 * `@/components/ui/field` (fields) and `@/components/ui/form-alert` (FormError) instead.
 */
export { CheckboxField, SelectField, TextAreaField } from "@/components/ui/field";
export { FormError } from "@/components/ui/form-alert";
