import { ConfigError, DEFAULT_GRAPHQL_LIMITS, loadConfig } from './app-config';

const base = { DATABASE_URL: 'postgres://u@localhost:5432/db' };

describe('loadConfig', () => {
  it('fills development defaults and generates the secret through the given store', () => {
    const generated = 'g'.repeat(40);
    const config = loadConfig({ env: base, developmentSecretKey: () => generated });
    expect(config).toMatchObject({
      nodeEnv: 'development',
      port: 3000,
      publicUrl: 'http://localhost:3000',
      secretKey: generated,
      cookieSecure: false,
      graphql: { introspection: true, explorer: true, maskUnexpectedErrors: false, limits: DEFAULT_GRAPHQL_LIMITS },
    });
    expect(config.allowedOrigins).toEqual(expect.arrayContaining(['http://localhost:3000', 'http://localhost:5173']));
  });

  it('requires DATABASE_URL and SECRET_KEY in production and lists both problems at once', () => {
    expect(() => loadConfig({ env: { NODE_ENV: 'production' } })).toThrow(ConfigError);
    try {
      loadConfig({ env: { NODE_ENV: 'production' }, developmentSecretKey: () => 'x'.repeat(40) });
    } catch (error) {
      expect((error as Error).message).toMatch(/DATABASE_URL is required/u);
      expect((error as Error).message).toMatch(/SECRET_KEY is required/u);
    }
  });

  it('hardens production: secure cookies over https, no introspection, masked errors, only its own origin', () => {
    const config = loadConfig({
      env: { ...base, NODE_ENV: 'production', SECRET_KEY: 's'.repeat(32), PUBLIC_URL: 'https://commons.example.com' },
    });
    expect(config).toMatchObject({
      cookieSecure: true,
      allowedOrigins: ['https://commons.example.com'],
      graphql: { introspection: false, explorer: false, maskUnexpectedErrors: true },
    });
  });

  it('rejects malformed values with the variable named', () => {
    expect(() => loadConfig({ env: { ...base, PORT: 'eighty', DATABASE_URL: 'mysql://x' }, developmentSecretKey: () => 'x'.repeat(40) })).toThrow(
      /PORT[\s\S]*DATABASE_URL: must be a postgres/u,
    );
    expect(() => loadConfig({ env: { ...base, SECRET_KEY: 'short' } })).toThrow(/SECRET_KEY: must be at least 32/u);
  });

  it('counts days in the organisation time zone it names, and runs analytics jobs everywhere but in tests', () => {
    const secret = () => 'g'.repeat(40);
    expect(loadConfig({ env: base, developmentSecretKey: secret })).toMatchObject({ timeZone: 'UTC', analytics: { jobs: true, retentionMonths: 25, minGroupSize: 5 } });
    expect(loadConfig({ env: { ...base, NODE_ENV: 'test', TIME_ZONE: 'Europe/Paris' }, developmentSecretKey: secret })).toMatchObject({ timeZone: 'Europe/Paris', analytics: { jobs: false } });
    expect(() => loadConfig({ env: { ...base, TIME_ZONE: 'Mars/Olympus' }, developmentSecretKey: secret })).toThrow(/TIME_ZONE: must be an IANA time zone/u);
  });

  it('treats empty variables as unset', () => {
    const config = loadConfig({ env: { ...base, PORT: '', REDIS_URL: '' }, developmentSecretKey: () => 'x'.repeat(40) });
    expect(config.port).toBe(3000);
    expect(config.redisUrl).toBeUndefined();
  });
});
