import { Injectable } from '@nestjs/common';
import type { Viewer } from '@commons/server-core';
import type { ViewerResolver } from '@commons/server-graphql';
import { SessionCookie } from './session-cookie';
import { SessionsService } from './sessions.service';

/** Who a request acts for: the account behind its session cookie (HTTP and WebSocket alike). */
@Injectable()
export class SessionViewerResolver implements ViewerResolver {
  constructor(
    private readonly sessions: SessionsService,
    private readonly cookie: SessionCookie,
  ) {}

  resolve(cookieHeader: string | undefined): Promise<Viewer | null> {
    return this.sessions.resolve(this.cookie.read(cookieHeader));
  }

  stillValid(sessionIds: readonly string[]): Promise<Set<string>> {
    return this.sessions.stillValid(sessionIds);
  }
}
