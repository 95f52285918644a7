import type { Response } from 'express';
import type { AppConfig } from '@commons/server-core';

/**
 * The session travels in an HTTP-only, SameSite=Lax cookie: scripts cannot read it,
 * and cross-site form posts do not carry it. Over HTTPS it takes the __Host- prefix,
 * which browsers only accept from this exact host, over TLS, for path /.
 */
export class SessionCookie {
  readonly name: string;

  constructor(private readonly config: Pick<AppConfig, 'cookieSecure' | 'auth'>) {
    this.name = config.cookieSecure ? '__Host-commons_session' : 'commons_session';
  }

  read(cookieHeader: string | undefined): string | undefined {
    if (!cookieHeader) return undefined;
    for (const part of cookieHeader.split(';')) {
      const eq = part.indexOf('=');
      if (eq > 0 && part.slice(0, eq).trim() === this.name) return decodeURIComponent(part.slice(eq + 1).trim());
    }
    return undefined;
  }

  set(res: Response, token: string): void {
    res.cookie(this.name, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.cookieSecure,
      path: '/',
      maxAge: this.config.auth.sessionTtlDays * 86_400_000,
    });
  }

  clear(res: Response): void {
    res.clearCookie(this.name, { httpOnly: true, sameSite: 'lax', secure: this.config.cookieSecure, path: '/' });
  }
}
