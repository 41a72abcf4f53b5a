/** @deprecated Former form primitives, kept so that older imports still compile. Import from `@/components/ui/field`. */
export { CheckboxGroup, FieldError, FormSection, options, SelectField, TextAreaField, YesNoField } from "@/components/ui/field";
