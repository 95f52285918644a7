import type { Audience, PlatformRole } from '@commons/shared-contracts';

/** The signed-in account a request acts for. Anonymous requests have no Viewer (null). */
export interface Viewer {
  accountId: string;
  sessionId: string;
  role: PlatformRole;
  /** Employees are the host organisation; customers and partners see only communities opened to them. */
  audience: Audience;
  /** The request this viewer is making (the X-Request-Id the client sees), for audit records; absent outside HTTP requests. */
  requestId?: string;
}

/** What a request carries from transport to services: who asks, and from where. */
export interface RequestContext {
  viewer: Viewer | null;
  /** Client address as seen by the API (proxy-aware when TRUST_PROXY is set). */
  address: string;
  requestId: string;
}
