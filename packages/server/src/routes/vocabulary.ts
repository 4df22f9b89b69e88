import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { noContent } from '@scenebridge/contract/common';
import {
  builtinSynonymPage,
  dictionaryTerm,
  dictionaryTermList,
  synonymGroup,
  synonymGroupList,
  type SynonymGroup,
  type SynonymGroupList,
} from '@scenebridge/contract/vocabulary';
import { z } from 'zod';
import type { Services } from '@scenebridge/app/context';
import { idParams, pageQuery, requireActor } from '../http.js';
import {
  addSearchSynonym,
  addSearchTerm,
  listBuiltinSynonyms,
  listSynonyms,
  listTerms,
  removeSearchSynonym,
  removeSearchTerm,
  searchSynonymInput,
  searchTermInput,
} from '@scenebridge/app/vocabulary';

const reasonQuery = z.object({ reason: z.string().trim().max(500).optional() });

export function registerVocabularyRoutes(app: FastifyInstance, services: Services) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['search'];

  api.get(
    '/search/terms',
    { schema: { tags, summary: '运营方在应用中添加的分词词条', response: { 200: dictionaryTermList } } },
    async (request) => listTerms({ services, actor: requireActor(request) }),
  );
  api.post(
    '/search/terms',
    {
      schema: {
        tags,
        summary: '添加分词词条（如“具身智能”），检索索引随后按新词典重建',
        body: searchTermInput,
        response: { 201: dictionaryTerm },
      },
    },
    async (request, reply) => reply.status(201).send(await addSearchTerm({ services, actor: requireActor(request), input: request.body })),
  );
  api.delete(
    '/search/terms/:id',
    { schema: { tags, params: idParams, querystring: reasonQuery, response: { 204: noContent } } },
    async (request, reply) => {
      await removeSearchTerm({ services, actor: requireActor(request), id: request.params.id, reason: request.query.reason });
      return reply.status(204).send(null);
    },
  );

  api.get(
    '/search/synonyms/builtin',
    {
      schema: {
        tags,
        summary: '系统内置的同义词组与口语→规范词（只读），可按词语检索',
        querystring: z.object({
          q: z.string().trim().max(50).optional(),
          source: z.enum(['general', 'colloquial']).optional(),
          ...pageQuery,
        }),
        response: { 200: builtinSynonymPage },
      },
    },
    async (request) => listBuiltinSynonyms({ services, actor: requireActor(request), query: request.query }),
  );
  api.get(
    '/search/synonyms',
    { schema: { tags, summary: '运营方维护的同义词组', response: { 200: synonymGroupList } } },
    async (request) => (await listSynonyms({ services, actor: requireActor(request) })) as SynonymGroupList,
  );
  api.post(
    '/search/synonyms',
    {
      schema: {
        tags,
        summary: '添加同义词组：equivalent 等价（人工智能 = AI）、near 近义（视觉检测 ≈ 机器视觉）、one_way 单向（首词可找到其余词）',
        body: searchSynonymInput,
        response: { 201: synonymGroup },
      },
    },
    async (request, reply) =>
      reply.status(201).send((await addSearchSynonym({ services, actor: requireActor(request), input: request.body })) as SynonymGroup),
  );
  api.delete(
    '/search/synonyms/:id',
    { schema: { tags, params: idParams, querystring: reasonQuery, response: { 204: noContent } } },
    async (request, reply) => {
      await removeSearchSynonym({ services, actor: requireActor(request), id: request.params.id, reason: request.query.reason });
      return reply.status(204).send(null);
    },
  );
}
