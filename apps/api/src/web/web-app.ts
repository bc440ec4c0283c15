import { existsSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';

/** Paths the API owns: the web app never answers for them, whatever the build contains. */
export const API_PREFIXES = ['/v1', '/docs', '/docs-json', '/health', '/metrics', '/socket.io'] as const;

interface Request {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
}
interface Response {
  setHeader(name: string, value: string): void;
  sendFile(path: string, callback: (error?: Error) => void): void;
}
type Next = (error?: unknown) => void;
export type WebAppHandler = (req: Request, res: Response, next: Next) => void;

const ownedByApi = (path: string) => API_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));

/** The build's file for a URL path, or null; nothing outside the build directory is ever named. */
function fileFor(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const file = resolve(root, `.${decoded}`);
  if (!file.startsWith(`${root}${sep}`)) return null;
  try {
    return statSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}

/**
 * Serves the built single-page app: its files by exact path, and index.html for any other
 * page a browser navigates to (so /proposals/… can be reloaded). Files are looked up per
 * request, so a rebuild is served without a restart; the API's own paths always pass
 * through. Returns null when there is no build.
 */
export function webAppHandler(distDir: string): WebAppHandler | null {
  const root = resolve(distDir);
  const index = join(root, 'index.html');
  if (!existsSync(index)) return null;

  return (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || ownedByApi(req.path)) return next();
    const file = fileFor(root, req.path);
    if (file && file !== index) {
      // Hashed asset names change with their content, so browsers may keep them for good.
      if (req.path.startsWith('/assets/')) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      return res.sendFile(file, (error) => error && next(error));
    }
    const accept = String(req.headers.accept ?? '');
    // Only page loads get the app; an API client asking for an unknown path still gets the API's 404.
    if (!accept.includes('text/html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index, (error) => error && next(error));
  };
}
