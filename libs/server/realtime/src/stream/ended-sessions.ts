import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { GraphqlWsServer } from '@commons/server-graphql';
import { EventBus, type PublishedEvent } from '../bus/event-bus';

/**
 * Closes WebSocket connections whose session ended — signed out, all sessions ended by a
 * suspension or a password change, or a platform suspension imposed as a sanction — on every
 * instance, within the moment it takes to publish the event: open subscriptions do not outlive
 * the right to them.
 */
@Injectable()
export class EndedSessions implements OnModuleInit {
  constructor(
    private readonly bus: EventBus,
    private readonly modules: ModuleRef,
  ) {}

  onModuleInit(): void {
    this.bus.listen((event) => this.close(event));
  }

  private close(event: PublishedEvent): void {
    if (!event.subjectId) return;
    const which =
      event.type === 'identity.session.ended'
        ? { sessionId: event.subjectId }
        : event.type === 'identity.sessions.ended'
          ? { accountId: event.subjectId, exceptSessionId: event.payload['keepSessionId'] as string | null }
          : event.type === 'moderation.sanction.imposed' && event.payload['kind'] === 'SUSPEND'
            ? { accountId: event.subjectId }
            : null;
    if (!which) return;
    // The WebSocket server lives in the GraphQL module, started after this one.
    this.modules.get(GraphqlWsServer, { strict: false }).closeConnections(which);
  }
}
