import { startTestApp as start, type TestApp } from '@commons/server-testing';
import { startApi } from '../bootstrap';

/** The real API, in process, on its own clone of the migrated database. */
export function startTestApp(env: Record<string, string> = {}, options: { migrated?: boolean } = {}): Promise<TestApp> {
  return start(startApi, env, options);
}
