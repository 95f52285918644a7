import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { RealtimeConnection } from './realtime-connection';
import type { RealtimeStatus } from './realtime-status';

const RealtimeContext = createContext<RealtimeConnection | null>(null);

/** Makes the app's live connection available to the screens (next to ApolloProvider). */
export function RealtimeProvider({ connection, children }: { connection: RealtimeConnection; children: ReactNode }) {
  return <RealtimeContext.Provider value={connection}>{children}</RealtimeContext.Provider>;
}

/** The live connection; null where the app has none (live views then stay as loaded). */
export function useRealtimeConnection(): RealtimeConnection | null {
  return useContext(RealtimeContext);
}

const noConnection = () => () => undefined;
const idle = (): RealtimeStatus => 'idle';

/** The live connection's status, re-rendering when it changes. */
export function useRealtimeStatus(): RealtimeStatus {
  const connection = useContext(RealtimeContext);
  return useSyncExternalStore(connection?.subscribeStatus ?? noConnection, connection?.getStatus ?? idle);
}
