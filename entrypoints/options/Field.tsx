import type { ComponentChildren } from 'preact';
import { t } from '../../lib/i18n';
import type { FieldError } from './validate';

export function ErrorList({ field, errors }: { field: string; errors?: FieldError[] }) {
  if (!errors || errors.length === 0) return null;
  return (
    <ul class="errors" data-error-for={field}>
      {errors.map((error, i) => (
        <li key={i}>{t(error.key, error.args)}</li>
      ))}
    </ul>
  );
}

/** A labelled control with its validation messages right below it. */
export function Field(props: { id: string; label: string; hint?: string; errors?: FieldError[]; children: ComponentChildren }) {
  return (
    <div class={props.errors?.length ? 'field invalid' : 'field'}>
      <label for={props.id}>{props.label}</label>
      {props.children}
      {props.hint && <div class="hint">{props.hint}</div>}
      <ErrorList field={props.id} errors={props.errors} />
    </div>
  );
}
