import { useState, type FormEvent } from 'react';
import { fieldError, toApiError, type ApiError } from '@commons/web-data-access';
import { validate, type Errors } from './validation';

/**
 * Small form state: values, client-side errors from the shared rules, and the server's
 * answer (field errors shown next to fields, the rest in an alert).
 */
export function useForm<T extends Record<string, string>>(initial: T, check: { [K in keyof T]?: (v: string) => string | undefined }) {
  const [values, setValues] = useState<T>(initial);
  const [errors, setErrors] = useState<Errors<T>>({});
  const [serverError, setServerError] = useState<ApiError | null>(null);

  const field = (name: keyof T & string) => ({
    value: values[name],
    onChange: (event: { currentTarget: { value: string } }) => {
      const value = event.currentTarget.value;
      setValues((v) => ({ ...v, [name]: value }));
      setErrors((e) => ({ ...e, [name]: undefined }));
    },
    error: errors[name] ?? fieldError(serverError, name),
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
    } catch (error) {
      setServerError(toApiError(error));
    }
  };

  /** Server errors not tied to a field this form shows. */
  const generalError =
    serverError && !serverError.fields.some((f) => f.field in values) ? serverError : null;

  return { values, setValues, field, submit, serverError, generalError, setServerError };
}
