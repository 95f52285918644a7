import { useState, type FormEvent } from 'react';
import { fieldError, toApiError, type ApiError } from '../api-error';

export type Checks<T> = { [K in keyof T]?: (value: T[K], values: T) => string | undefined };
export type Errors<T> = Partial<Record<keyof T, string>>;

/** Runs each field's rule; returns the messages of the fields that fail. */
export function validate<T extends Record<string, unknown>>(values: T, check: Checks<T>): Errors<T> {
  const errors: Errors<T> = {};
  for (const key of Object.keys(check) as Array<keyof T>) {
    const message = check[key]?.(values[key], values);
    if (message) errors[key] = message;
  }
  return errors;
}

type StringKeys<T> = { [K in keyof T]: T[K] extends string ? K : never }[keyof T] & string;

/**
 * Small form state: values, client-side errors from the shared rules, and the server's
 * answer (field errors shown next to fields, the rest in an alert).
 * Fields may hold any value (text, lists, enums, switches); `field` binds text inputs.
 */
export function useForm<T extends Record<string, unknown>>(initial: T, check: Checks<T>) {
  const [values, setValues] = useState<T>(initial);
  const [errors, setErrors] = useState<Errors<T>>({});
  const [serverError, setServerError] = useState<ApiError | null>(null);

  const set = <K extends keyof T & string>(name: K, value: T[K]) => {
    setValues((v) => ({ ...v, [name]: value }));
    setErrors((e) => ({ ...e, [name]: undefined }));
  };

  const error = (name: keyof T & string) => errors[name] ?? fieldError(serverError, name);

  /** Props for a text input bound to a string field. */
  const field = (name: StringKeys<T>) => ({
    value: values[name] as string,
    onChange: (event: { currentTarget: { value: string } }) => set(name, event.currentTarget.value as T[typeof name]),
    error: error(name),
  });

  /** Validates, then runs `send`; a thrown Apollo error becomes the server error. */
  const submit = (send: (values: T) => Promise<unknown>) => async (event: FormEvent) => {
    event.preventDefault();
    const found = validate(values, check);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setServerError(null);
    try {
      await send(values);
    } catch (caught) {
      setServerError(toApiError(caught));
    }
  };

  /** Server errors not tied to a field this form shows. */
  const generalError = serverError && !serverError.fields.some((f) => f.field in values) ? serverError : null;

  return { values, setValues, set, field, error, submit, serverError, generalError, setServerError };
}
