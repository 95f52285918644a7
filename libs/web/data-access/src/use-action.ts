import { useState } from 'react';
import { toApiError, type ApiError } from './api-error';

/**
 * A button's action (a mutation, usually): its error in the server's words, for an alert beside
 * the button, and whether it is running. `run` answers whether the action succeeded;
 * `onRefused` hears each error too.
 */
export function useAction(onRefused?: (error: ApiError) => void) {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<unknown>): Promise<boolean> => {
    setError(null);
    setBusy(true);
    try {
      await action();
      return true;
    } catch (caught) {
      const apiError = toApiError(caught);
      setError(apiError);
      if (apiError && onRefused) onRefused(apiError);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { run, error, busy, clearError: () => setError(null) };
}
