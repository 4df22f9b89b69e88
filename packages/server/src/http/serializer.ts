/**
 * Answers are written with fast-json-stringify compiled from each route's contract schema
 * (converted to JSON Schema once, at start). It writes only the properties the contract names,
 * so a field a presenter adds by mistake never leaves the server, and it is faster than
 * JSON.stringify. Unlike fastify-type-provider-zod's serialiser it does not validate each answer
 * on the way out (that cost about 8% of the submissions list's throughput): the contract tests
 * parse every route's answers with their schemas instead (routes/contract-*.test.ts).
 */
import fastJson from 'fast-json-stringify';
import type { FastifyInstance } from 'fastify';
import { serializerCompiler as validatingSerializer } from 'fastify-type-provider-zod';
import { z } from 'zod';

type SerializerCompiler = Parameters<FastifyInstance['setSerializerCompiler']>[0];

function jsonSchemaOf(schema: unknown): object | null {
  if (!(schema instanceof z.ZodType)) return null;
  try {
    return z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any', target: 'draft-7' });
  } catch {
    return null;
  }
}

export const contractSerializer: SerializerCompiler = (route) => {
  const json = jsonSchemaOf(route.schema);
  if (json) {
    try {
      return fastJson(json as Parameters<typeof fastJson>[0]);
    } catch {
      // A schema fast-json-stringify cannot compile is served by the validating serialiser.
    }
  }
  return (validatingSerializer as unknown as SerializerCompiler)(route);
};
