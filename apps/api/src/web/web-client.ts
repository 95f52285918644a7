import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';

/** Paths the API answers itself; everything else that asks for HTML gets the web client. */
const API_PATHS = ['/graphql', '/health', '/metrics'];

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // Mantine writes CSS variables into style attributes.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: https:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/**
 * Serves the built React app: hashed assets with long caching, and index.html for every
 * client-side route. Returns false when there is no build (API-only runs and tests).
 */
export function serveWebClient(app: { use: (...handlers: express.RequestHandler[]) => unknown }, webRoot: string | undefined): boolean {
  if (!webRoot || !existsSync(join(webRoot, 'index.html'))) return false;
  const index = join(webRoot, 'index.html');
  app.use(
    express.static(webRoot, {
      index: false,
      setHeaders: (res, path) => {
        res.setHeader('Cache-Control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    }),
  );
  app.use((req: Request, res: Response, next: NextFunction) => {
    const isApi = API_PATHS.some((p) => req.path === p || req.path.startsWith(`${p}/`));
    if (req.method !== 'GET' || isApi || !req.accepts('html')) return next();
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return true;
}
