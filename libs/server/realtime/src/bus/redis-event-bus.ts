import { Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { EventBus, eventListeners, EVENTS_CHANNEL, packMessages, signalListeners, SIGNALS_CHANNEL, signalMessage, type EventListener, type PublishedEvent, type Signal, type SignalListener } from './event-bus';

/**
 * Redis pub/sub, for several API instances: one connection publishes, another subscribes
 * (a subscribed Redis connection can do nothing else). ioredis reconnects and resubscribes.
 */
export class RedisEventBus extends EventBus {
  readonly transport = 'redis';
  private readonly logger = new Logger('RedisEventBus');
  private readonly listeners = eventListeners();
  private readonly signalListeners = signalListeners();
  private publisher: Redis | null = null;
  private subscriber: Redis | null = null;

  constructor(private readonly url: string) {
    super();
  }

  async start(): Promise<void> {
    const options = { lazyConnect: true, maxRetriesPerRequest: 3, connectionName: 'commons-events' };
    this.publisher = new Redis(this.url, options);
    this.subscriber = new Redis(this.url, options);
    for (const connection of [this.publisher, this.subscriber]) connection.on('error', (error) => this.logger.warn({ err: error }, 'Redis connection error'));
    this.subscriber.on('message', (channel: string, message: string) => {
      if (channel === EVENTS_CHANNEL) this.listeners.deliver(message, (error) => this.logger.error({ err: error }, 'An event listener failed'));
      else if (channel === SIGNALS_CHANNEL) this.signalListeners.deliver(message, (error) => this.logger.error({ err: error }, 'A signal listener failed'));
    });
    await Promise.all([this.publisher.connect(), this.subscriber.connect()]);
    await this.subscriber.subscribe(EVENTS_CHANNEL, SIGNALS_CHANNEL);
  }

  async publish(events: readonly PublishedEvent[]): Promise<void> {
    if (!this.publisher) throw new Error('The Redis event bus is not started.');
    for (const message of packMessages(events)) await this.publisher.publish(EVENTS_CHANNEL, message);
  }

  listen(listener: EventListener): () => void {
    return this.listeners.add(listener);
  }

  async signal(signal: Signal): Promise<void> {
    if (!this.publisher) throw new Error('The Redis event bus is not started.');
    await this.publisher.publish(SIGNALS_CHANNEL, signalMessage(signal));
  }

  listenSignals(listener: SignalListener): () => void {
    return this.signalListeners.add(listener);
  }

  async stop(): Promise<void> {
    const connections = [this.publisher, this.subscriber];
    this.publisher = null;
    this.subscriber = null;
    await Promise.all(connections.map((c) => c?.quit().catch(() => c.disconnect())));
  }
}
