import type { NextFunction, Request, Response } from 'express';
import { ErrorCode } from '@commons/shared-contracts';

/**
 * Defence against cross-site requests on top of SameSite cookies and Apollo's CSRF
 * prevention: a browser request to /graphql from an origin we do not serve is refused.
 * Requests without Origin (curl, server-to-server) carry no ambient browser cookies.
 */
export function refuseForeignOrigins(allowedOrigins: string[]) {
  const allowed = new Set(allowedOrigins);
  return (req: Request, res: Response, next: NextFunction) => {
    const origin = req.headers.origin;
    if (req.path !== '/graphql' || origin === undefined || allowed.has(origin)) return next();
    res.status(403).json({
      errors: [{ message: 'Requests from this origin are not allowed.', extensions: { code: ErrorCode.Forbidden } }],
    });
  };
}

export function securityHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'same-origin');
  res.setHeader('X-Frame-Options', 'DENY');
  next();
}
