/**
 * The live connection as the screens see it. `idle`: nothing live is open (or the socket was
 * never needed); `connecting`: the first attempt; `connected`; `reconnecting`: the connection
 * dropped while something was live, and live updates wait for it to come back.
 */
export type RealtimeStatus = 'idle' | 'connecting' | 'connected' | 'reconnecting';

/** What the WebSocket client reports, plus whether anything live still needs the connection. */
export type RealtimeEvent =
  | { type: 'connecting' }
  | { type: 'connected' }
  | { type: 'closed'; code: number; inUse: boolean }
  /** The last live subscription ended. */
  | { type: 'unused' };

/** Close codes with which the server says the session is over: sign in again rather than retry. */
export const SESSION_ENDED_CLOSE_CODES: readonly number[] = [
  4401, // no valid session at connection_init
  4403, // the session was ended (sign-out, suspension, password change)
];

export const endsSession = (code: number): boolean => SESSION_ENDED_CLOSE_CODES.includes(code);

export function nextRealtimeStatus(status: RealtimeStatus, event: RealtimeEvent): RealtimeStatus {
  switch (event.type) {
    case 'connecting':
      // Attempts after a drop are still the same outage.
      return status === 'reconnecting' ? 'reconnecting' : 'connecting';
    case 'connected':
      return 'connected';
    case 'closed':
      if (!event.inUse || endsSession(event.code)) return 'idle';
      // A failed first attempt is not a drop: nothing live was shown yet.
      return status === 'connected' || status === 'reconnecting' ? 'reconnecting' : status;
    case 'unused':
      return 'idle';
  }
}

/** Whether the connection just came back after a drop: live views resume from what they last saw. */
export const isReconnect = (previous: RealtimeStatus, next: RealtimeStatus): boolean => previous === 'reconnecting' && next === 'connected';

const FIRST_RETRY_MS = 1_000;
const LONGEST_RETRY_MS = 30_000;

/**
 * How long to wait before reconnection attempt `retries` (0 for the first): doubling from one
 * second up to thirty, each wait between half and all of that, so many clients dropped by the
 * same restart do not all come back at the same instant.
 */
export function reconnectDelayMs(retries: number, random: () => number = Math.random): number {
  const ceiling = Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, retries));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** The GraphQL WebSocket address of the page's own origin (same path as HTTP). */
export function realtimeUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/graphql`;
}
