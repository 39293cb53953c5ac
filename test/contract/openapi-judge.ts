import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import OpenAPIBackend, { type Document, type Operation } from 'openapi-backend';
import addFormats from 'ajv-formats';
import type { Exchange } from '../../dev/emulator';

/**
 * Judges recorded exchanges against Atlassian's OpenAPI specs (platform v3 for /rest/api/3, software
 * for /rest/agile/1.0). Specs load once per process, validators compile lazily per operation and are
 * cached by openapi-backend, so judging thousands of exchanges stays cheap.
 */
/** Atlassian's specs, vendored unedited beside this file (openapi/README.md: sources and checksums). */
const SPEC_DIR = join(__dirname, 'openapi');

export interface Judge {
  judgeRequest(ex: Exchange): string[];
  judgeResponse(ex: Exchange): string[];
}

/** `$ref` beside other keys (the platform spec's Fields.issuetype) becomes `allOf: [{ $ref }]` + siblings. */
function normaliseRefSiblings(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(normaliseRefSiblings);
  if (typeof node !== 'object' || node === null) return node;
  const entries = Object.entries(node).map(([k, v]): [string, unknown] => [k, normaliseRefSiblings(v)]);
  const obj = Object.fromEntries(entries);
  if (typeof obj.$ref === 'string' && entries.length > 1) {
    const { $ref, ...siblings } = obj;
    return { ...siblings, allOf: [{ $ref }] };
  }
  return obj;
}

/**
 * The software spec declares comma-separated query lists (`state=active,future`, board `type`) as empty
 * objects that forbid every property, which no query string can satisfy; judge them as strings.
 */
function normaliseEmptyObjectQueryParams(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(normaliseEmptyObjectQueryParams);
  if (typeof node !== 'object' || node === null) return node;
  const obj = Object.fromEntries(
    Object.entries(node).map(([k, v]): [string, unknown] => [k, normaliseEmptyObjectQueryParams(v)]),
  );
  const schema: unknown = obj.schema;
  const emptyObject =
    typeof schema === 'object' &&
    schema !== null &&
    'type' in schema &&
    schema.type === 'object' &&
    !('properties' in schema);
  return obj.in === 'query' && emptyObject ? { ...obj, schema: { type: 'string' } } : obj;
}

function isDocument(value: unknown): value is Document {
  return typeof value === 'object' && value !== null && 'openapi' in value && 'paths' in value;
}

function loadBackend(file: string): OpenAPIBackend {
  const doc = normaliseEmptyObjectQueryParams(
    normaliseRefSiblings(JSON.parse(readFileSync(join(SPEC_DIR, file), 'utf8'))),
  );
  if (!isDocument(doc)) throw new Error(`${file} is not an OpenAPI document`);
  const api = new OpenAPIBackend({
    definition: doc,
    quick: true,
    validate: true,
    coerceTypes: true,
    customizeAjv: (ajv) => {
      addFormats(ajv);
      for (const format of ['int32', 'int64', 'double', 'float', 'binary', 'byte', 'password'])
        ajv.addFormat(format, true);
      return ajv;
    },
  });
  // In quick mode with an object definition, init() completes synchronously (no awaited step runs).
  void api.init();
  if (!api.initialized) throw new Error(`${file}: openapi-backend did not initialise synchronously`);
  return api;
}

/** 429 and 5xx can come from any Jira route (rate limits, outages) though the specs list none. Error bodies are checked against Jira's ErrorCollection even where an operation declares no schema. */
const ERROR_PROBE = { operationId: 'createIssue', status: 400 };

function describe(
  errors: readonly { instancePath?: string; message?: string; params?: unknown }[] | null | undefined,
): string[] {
  return (errors ?? []).map((e) => {
    const extra =
      e.params && typeof e.params === 'object' && 'additionalProperty' in e.params
        ? ` (${String(e.params.additionalProperty)})`
        : '';
    return `${e.instancePath === undefined || e.instancePath === '' ? '/' : e.instancePath}: ${e.message ?? 'invalid'}${extra}`;
  });
}

/**
 * The emulator records a repeated query parameter (`projectId=1&projectId=2`, how Jira takes integer
 * arrays) as one comma-joined value; split it again where the operation declares an array.
 */
function arrayQuery(query: Record<string, string>, op: Operation): Record<string, string | string[]> {
  const arrays = new Set(
    (op.parameters ?? []).flatMap((p) =>
      'in' in p && p.in === 'query' && p.schema && 'type' in p.schema && p.schema.type === 'array'
        ? [p.name]
        : [],
    ),
  );
  return Object.fromEntries(
    Object.entries(query).map(([name, value]) => [name, arrays.has(name) ? value.split(',') : value]),
  );
}

let shared: Judge | undefined;

export function createJudge(): Judge {
  if (shared) return shared;
  const platform = loadBackend('jira-platform.v3.json');
  const software = loadBackend('jira-software.v3.json');

  function operationFor(ex: Exchange): { api: OpenAPIBackend; op: Operation } | string | undefined {
    if (ex.path.startsWith('/__emulator/')) return undefined;
    const api = ex.path.startsWith('/rest/agile/1.0/')
      ? software
      : ex.path.startsWith('/rest/api/3/')
        ? platform
        : undefined;
    const op = api?.matchOperation({ method: ex.method, path: ex.path, headers: {}, query: ex.query });
    return api && op ? { api, op } : `${ex.method} ${ex.path}: no operation in the Jira specs`;
  }

  const judge: Judge = {
    judgeRequest(ex) {
      const found = operationFor(ex);
      if (found === undefined) return [];
      if (typeof found === 'string') return [found];
      const { api, op } = found;
      const result = api.validateRequest(
        {
          method: ex.method,
          path: ex.path,
          query: arrayQuery(ex.query, op),
          headers: { 'content-type': 'application/json', ...ex.requestHeaders },
          body: ex.requestBody,
        },
        op,
      );
      return result.valid ? [] : describe(result.errors).map((e) => `${op.operationId ?? '?'} request ${e}`);
    },
    judgeResponse(ex) {
      const found = operationFor(ex);
      if (found === undefined) return [];
      if (typeof found === 'string') return [found];
      const { api, op } = found;
      const name = `${op.operationId ?? '?'} ${ex.status}`;
      const anySiteMayAnswer = ex.status === 429 || ex.status >= 500;
      if (!anySiteMayAnswer && !(String(ex.status) in (op.responses ?? {})))
        return [`${name}: status not declared by the spec`];
      if (ex.status >= 400) {
        const result = platform.validateResponse(
          ex.responseBody,
          ERROR_PROBE.operationId,
          ERROR_PROBE.status,
        );
        const shape =
          typeof ex.responseBody === 'object' &&
          ex.responseBody !== null &&
          'errorMessages' in ex.responseBody;
        return [...describe(result.errors), ...(shape ? [] : ['/: not a Jira error body'])].map(
          (e) => `${name} ${e}`,
        );
      }
      // 201/204 without a body: Jira sends no content, and the spec's `{}` schemas describe none.
      if (ex.responseBody === undefined && (ex.status === 204 || ex.status === 201 || ex.status === 200))
        return [];
      const result = api.validateResponse(ex.responseBody, op, ex.status);
      return result.valid ? [] : describe(result.errors).map((e) => `${name} ${e}`);
    },
  };
  shared = judge;
  return judge;
}

/** For jest: fails with every violation of the request and the reply. */
export function expectValidExchange(ex: Exchange): void {
  const judge = createJudge();
  const violations = [...judge.judgeRequest(ex), ...judge.judgeResponse(ex)];
  if (violations.length > 0) {
    throw new Error(
      `${ex.method} ${ex.path} -> ${ex.status} violates the Jira spec:\n  ${violations.join('\n  ')}`,
    );
  }
}

export function judgeRequest(ex: Exchange): string[] {
  return createJudge().judgeRequest(ex);
}

export function judgeResponse(ex: Exchange): string[] {
  return createJudge().judgeResponse(ex);
}
