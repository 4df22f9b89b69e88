import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../testing.js';

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
}
interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: JsonSchema }> }>;
}

/** Review, publication, search, matching, quality, vocabulary and unsubscribe: what each success answer is. */
const JSON_ANSWERS: Array<[string, string, string, string[]]> = [
  ['post', '/api/v1/calls/{id}/assignments/auto', '200', ['created', 'withdrawn', 'items', 'reviewers', 'shortfalls']],
  ['post', '/api/v1/calls/{id}/assignments', '201', ['id', 'submissionId', 'reviewerUserId', 'status']],
  ['get', '/api/v1/calls/{id}/ranking', '200', ['call', 'items', 'reviewers']],
  ['post', '/api/v1/calls/{id}/selection', '200', ['moved']],
  ['get', '/api/v1/reviewers', '200', ['items']],
  ['get', '/api/v1/reviews/assignments', '200', ['items']],
  ['get', '/api/v1/reviews/assignments/{id}', '200', ['id', 'status', 'scores', 'criteria', 'call', 'submission']],
  ['put', '/api/v1/reviews/assignments/{id}', '200', ['id', 'status', 'weightedScore', 'scores', 'comments']],
  ['post', '/api/v1/reviews/assignments/{id}/conflict', '200', ['reassignedTo']],
  ['get', '/api/v1/reviews/relations', '200', ['items']],
  ['post', '/api/v1/calls/{id}/batches', '201', ['id', 'listType', 'number', 'entryCount', 'publishedAt']],
  ['post', '/api/v1/batches/{id}/entries/{seq}/corrections', '200', ['id', 'seq', 'version', 'erratum']],
  ['post', '/api/v1/submissions/{id}/benchmark', '201', ['id', 'promotedAt', 'promotedBy']],
  ['get', '/api/v1/public/batches', '200', ['items', 'total', 'page', 'pageSize']],
  ['get', '/api/v1/public/batches/{id}', '200', ['id', 'entries', 'superseded']],
  ['get', '/api/v1/public/entries', '200', ['items', 'total', 'page', 'pageSize']],
  ['get', '/api/v1/public/entries/{id}', '200', ['id', 'versions']],
  ['get', '/api/v1/public/benchmark-cases', '200', ['items', 'total', 'page', 'pageSize']],
  ['get', '/api/v1/search', '200', ['items', 'total', 'capped', 'snapshot', 'facets']],
  ['get', '/api/v1/listings/{id}', '200', ['id', 'listType', 'contact', 'contactHidden', 'mergedIntoId']],
  ['post', '/api/v1/classify', '200', ['sectors', 'techFields']],
  ['get', '/api/v1/listings/{id}/matches', '200', ['source', 'items', 'excluded']],
  ['get', '/api/v1/listings/{id}/interests', '200', ['items']],
  ['post', '/api/v1/interests', '200', ['id', 'created', 'createdAt']],
  ['post', '/api/v1/interests', '201', ['id', 'created', 'createdAt']],
  ['post', '/api/v1/match-decisions', '200', ['sourceId', 'targetId', 'decision']],
  ['post', '/api/v1/quality/check', '200', ['duplicates', 'hints']],
  ['get', '/api/v1/duplicates/clusters', '200', ['considered', 'truncated', 'clusters']],
  ['post', '/api/v1/duplicates/merge', '200', ['keptId', 'merged']],
  ['get', '/api/v1/search/terms', '200', ['items']],
  ['post', '/api/v1/search/terms', '201', ['id', 'term', 'note', 'createdAt']],
  ['get', '/api/v1/search/synonyms', '200', ['items']],
  ['post', '/api/v1/search/synonyms', '201', ['id', 'kind', 'terms', 'note', 'createdAt']],
];
const NO_CONTENT: Array<[string, string]> = [
  ['delete', '/api/v1/review-assignments/{id}'],
  ['post', '/api/v1/reviews/relations'],
  ['delete', '/api/v1/reviews/relations/{id}'],
  ['delete', '/api/v1/search/terms/{id}'],
  ['delete', '/api/v1/search/synonyms/{id}'],
];

describe('the contract of review, publication, search, matching, quality and vocabulary answers', () => {
  let ctx: TestContext;
  let paths: Record<string, Record<string, Operation>>;
  beforeAll(async () => {
    ctx = await createTestContext();
    paths = ((await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: typeof paths }).paths;
  });
  afterAll(async () => {
    await ctx?.close();
  });
  const jsonSchema = (method: string, path: string, status: string) =>
    paths[path]?.[method]?.responses?.[status]?.content?.['application/json']?.schema;

  it.each(JSON_ANSWERS)('%s %s describes its %s answer in the OpenAPI document', (method, path, status, keys) => {
    const schema = jsonSchema(method, path, status);
    expect(schema?.type).toBe('object');
    expect(Object.keys(schema?.properties ?? {})).toEqual(expect.arrayContaining(keys));
  });

  it('declares the answers without a body as 204', () => {
    const missing = NO_CONTENT.filter(([method, path]) => !paths[path]?.[method]?.responses?.['204']);
    expect(missing).toEqual([]);
  });

  it('names the allowed values where the domain has a list of them', () => {
    const batchItem = jsonSchema('get', '/api/v1/public/batches', '200')?.properties?.items?.items;
    expect(batchItem?.properties?.listType?.enum).toEqual(['scenario_need', 'capability']);
    const synonym = jsonSchema('post', '/api/v1/search/synonyms', '201');
    expect(synonym?.properties?.kind?.enum).toEqual(['equivalent', 'near', 'one_way']);
    const assignment = jsonSchema('get', '/api/v1/reviews/assignments/{id}', '200');
    expect(assignment?.properties?.status?.enum).toEqual(expect.arrayContaining(['assigned', 'submitted', 'conflict_declared']));
  });

  it('describes the unsubscribe pages as HTML', () => {
    for (const [method, path] of [
      ['get', '/api/v1/unsubscribe'],
      ['post', '/api/v1/unsubscribe'],
      ['post', '/api/v1/resubscribe'],
    ] as const) {
      expect(paths[path]?.[method]?.responses?.['200']?.content?.['text/html']?.schema).toEqual({ type: 'string' });
    }
  });
});
