import { Logger } from '@nestjs/common';
import { Client, type Pool } from 'pg';
import { EventBus, eventListeners, EVENTS_CHANNEL, packMessages, signalListeners, SIGNALS_CHANNEL, signalMessage, type EventListener, type PublishedEvent, type Signal, type SignalListener } from './event-bus';

/** How long to wait before listening again after the listening connection was lost. */
const RECONNECT_DELAY_MS = 1_000;

/**
 * PostgreSQL LISTEN/NOTIFY: one dedicated connection listens; publishing NOTIFYs through the
 * pool, outside any write transaction (the relay publishes after commit).
 */
export class PostgresEventBus extends EventBus {
  readonly transport = 'postgres';
  private readonly logger = new Logger('PostgresEventBus');
  private readonly listeners = eventListeners();
  private readonly signalListeners = signalListeners();
  private client: Client | null = null;
  private stopped = false;

  constructor(
    private readonly connectionString: string,
    private readonly pool: Pool,
  ) {
    super();
  }

  async start(): Promise<void> {
    this.stopped = false;
    await this.connect();
  }

  async publish(events: readonly PublishedEvent[]): Promise<void> {
    for (const message of packMessages(events)) await this.pool.query('SELECT pg_notify($1, $2)', [EVENTS_CHANNEL, message]);
  }

  listen(listener: EventListener): () => void {
    return this.listeners.add(listener);
  }

  async signal(signal: Signal): Promise<void> {
    await this.pool.query('SELECT pg_notify($1, $2)', [SIGNALS_CHANNEL, signalMessage(signal)]);
  }

  listenSignals(listener: SignalListener): () => void {
    return this.signalListeners.add(listener);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.connectionString, application_name: 'commons-events' });
    client.on('notification', (n) => {
      if (!n.payload) return;
      if (n.channel === EVENTS_CHANNEL) this.listeners.deliver(n.payload, (error) => this.logger.error({ err: error }, 'An event listener failed'));
      else if (n.channel === SIGNALS_CHANNEL) this.signalListeners.deliver(n.payload, (error) => this.logger.error({ err: error }, 'A signal listener failed'));
    });
    client.on('error', (error) => {
      this.logger.warn({ err: error }, 'The event connection failed; listening again shortly');
      void client.end().catch(() => undefined);
      if (this.client === client) {
        this.client = null;
        this.reconnectLater();
      }
    });
    await client.connect();
    await client.query(`LISTEN ${EVENTS_CHANNEL}; LISTEN ${SIGNALS_CHANNEL}`);
    this.client = client;
  }

  private reconnectLater(): void {
    if (this.stopped) return;
    setTimeout(() => {
      if (!this.stopped) this.connect().catch(() => this.reconnectLater());
    }, RECONNECT_DELAY_MS).unref();
  }
}
