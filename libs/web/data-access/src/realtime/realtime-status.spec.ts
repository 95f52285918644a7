import { endsSession, isReconnect, nextRealtimeStatus, realtimeUrl, reconnectDelayMs, type RealtimeEvent, type RealtimeStatus } from './realtime-status';

const run = (events: RealtimeEvent[], from: RealtimeStatus = 'idle'): RealtimeStatus[] => {
  const seen: RealtimeStatus[] = [];
  events.reduce((status, event) => {
    const next = nextRealtimeStatus(status, event);
    seen.push(next);
    return next;
  }, from);
  return seen;
};

const drop = (code = 1006): RealtimeEvent => ({ type: 'closed', code, inUse: true });

describe('the live connection status', () => {
  it('connects, drops, retries and comes back', () => {
    expect(run([{ type: 'connecting' }, { type: 'connected' }, drop(), { type: 'connecting' }, drop(), { type: 'connecting' }, { type: 'connected' }])).toEqual([
      'connecting',
      'connected',
      'reconnecting',
      'reconnecting',
      'reconnecting',
      'reconnecting',
      'connected',
    ]);
  });

  it('is reconnecting when the server goes away (restart) or a frozen socket is given up', () => {
    expect(nextRealtimeStatus('connected', drop(1001))).toBe('reconnecting');
    expect(nextRealtimeStatus('connected', drop(4499))).toBe('reconnecting');
  });

  it('shows no outage for a first attempt that failed: nothing live was shown yet', () => {
    expect(run([{ type: 'connecting' }, drop(), { type: 'connecting' }, { type: 'connected' }])).toEqual(['connecting', 'connecting', 'connecting', 'connected']);
  });

  it('is idle when nothing live needs the connection any more, even in the middle of an outage', () => {
    expect(nextRealtimeStatus('connected', { type: 'closed', code: 1000, inUse: false })).toBe('idle');
    expect(nextRealtimeStatus('reconnecting', { type: 'unused' })).toBe('idle');
    // A later subscription starts afresh: it is not a reconnection.
    expect(run([{ type: 'connecting' }, { type: 'connected' }], 'idle')).toEqual(['connecting', 'connected']);
  });

  it('stops at an ended session instead of reconnecting', () => {
    expect(nextRealtimeStatus('connected', drop(4403))).toBe('idle');
    expect(nextRealtimeStatus('connecting', drop(4401))).toBe('idle');
    expect(endsSession(4401)).toBe(true);
    expect(endsSession(4403)).toBe(true);
    expect(endsSession(1001)).toBe(false);
  });

  it('counts as a reconnection only a return after a drop', () => {
    expect(isReconnect('reconnecting', 'connected')).toBe(true);
    expect(isReconnect('connecting', 'connected')).toBe(false);
    expect(isReconnect('connected', 'connected')).toBe(false);
  });
});

describe('reconnectDelayMs', () => {
  it('doubles from one second, up to thirty, between half and all of it', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 20].map((retries) => reconnectDelayMs(retries, () => 1))).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
    expect([0, 1, 5].map((retries) => reconnectDelayMs(retries, () => 0))).toEqual([500, 1_000, 15_000]);
  });
});

describe('realtimeUrl', () => {
  it('is the page origin’s /graphql over ws, or wss behind https', () => {
    expect(realtimeUrl({ protocol: 'http:', host: '127.0.0.1:3000' })).toBe('ws://127.0.0.1:3000/graphql');
    expect(realtimeUrl({ protocol: 'https:', host: 'commons.example' })).toBe('wss://commons.example/graphql');
  });
});
