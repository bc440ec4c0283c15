import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { startStack, type Stack } from './support/harness.js';
import { freePort } from '../libs/net/free-port.js';

const ISSUER = 'https://login.example.test/';
const AUDIENCE = 'hireflow';

/** hireflow behind a real login: tokens come from an identity provider and are checked against its JWKS. */
describe('identity provider mode (AUTH_MODE=oidc)', () => {
  let stack: Stack;
  let jwks: Server;
  let signingKey: CryptoKey;
  let strangerKey: CryptoKey;

  const token = (claims: { sub: string; role?: string; name?: string }, options: { key?: CryptoKey; issuer?: string; audience?: string } = {}) =>
    new SignJWT({ role: claims.role, name: claims.name })
      .setProtectedHeader({ alg: 'RS256', kid: 'idp-key-1' })
      .setIssuer(options.issuer ?? ISSUER)
      .setAudience(options.audience ?? AUDIENCE)
      .setSubject(claims.sub)
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(options.key ?? signingKey);

  beforeAll(async () => {
    const idp = await generateKeyPair('RS256');
    signingKey = idp.privateKey;
    strangerKey = (await generateKeyPair('RS256')).privateKey;
    const publicJwk = { ...(await exportJWK(idp.publicKey)), kid: 'idp-key-1', alg: 'RS256', use: 'sig' };
    const port = await freePort();
    jwks = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [publicJwk] })));
    await new Promise<void>((resolve) => jwks.listen(port, '127.0.0.1', resolve));
    stack = await startStack({
      AUTH_MODE: 'oidc',
      OIDC_ISSUER: ISSUER,
      OIDC_JWKS_URL: `http://127.0.0.1:${port}/.well-known/jwks.json`,
      OIDC_AUDIENCE: AUDIENCE,
    });
  });
  afterAll(async () => {
    await stack?.close();
    await new Promise((resolve) => jwks?.close(resolve));
  });

  it("accepts the provider's tokens and creates the account on first use, the same one every time", async () => {
    const ada = await token({ sub: 'auth0|ada', role: 'freelancer', name: 'Ada Lovelace' });
    const first = await stack.http.get('/v1/connects', ada);
    expect(first.status).toBe(200);
    expect(first.body.balance).toBe(0);
    expect((await stack.http.post('/v1/connects/purchases', ada, { quantity: 4 })).status).toBe(201);

    const again = await token({ sub: 'auth0|ada', role: 'freelancer', name: 'Ada Lovelace' });
    expect((await stack.http.get('/v1/connects', again)).body.balance).toBe(4);
    const rows = await stack.orm.em.fork().execute(`select role, display_name from accounts where display_name = 'Ada Lovelace'`);
    expect(rows).toEqual([{ role: 'freelancer', display_name: 'Ada Lovelace' }]);

    const client = await token({ sub: 'auth0|acme', role: 'client', name: 'Acme' });
    const job = await stack.http.post('/v1/jobs', client, { title: 'A dashboard', description: 'Charts.', skills: ['react'], connectsCost: 1 });
    expect(job.status).toBe(201);
  });

  it('refuses tokens from another key, issuer or audience, tokens without a role, and locally signed ones', async () => {
    const refused = [
      await token({ sub: 'auth0|eve', role: 'freelancer' }, { key: strangerKey }),
      await token({ sub: 'auth0|eve', role: 'freelancer' }, { issuer: 'https://evil.example.test/' }),
      await token({ sub: 'auth0|eve', role: 'freelancer' }, { audience: 'another-app' }),
      await token({ sub: 'auth0|eve' }),
      await new SignJWT({ role: 'ops' }).setProtectedHeader({ alg: 'HS256' }).setIssuer('hireflow').setSubject('x').setExpirationTime('10m').sign(new TextEncoder().encode(stack.config.auth.jwtSecret)),
    ];
    for (const bad of refused) {
      const res = await stack.http.get('/v1/jobs', bad);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('unauthorized');
    }
  });

  it('has no sign-up of its own', async () => {
    const res = await stack.http.post('/v1/accounts', undefined, { role: 'client', displayName: 'Mallory' });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('identity provider');
  });
});
