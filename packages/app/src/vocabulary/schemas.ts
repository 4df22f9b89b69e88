import { VOCABULARY_SYNONYM_KINDS } from '@scenebridge/domain';
import { normalizeText } from '@scenebridge/search';
import { z } from 'zod';

const term = z
  .string()
  .trim()
  .min(2, '词条至少2个字')
  .max(30, '词条不能超过30个字')
  .regex(/^[\p{Script=Han}A-Za-z0-9+\-/.·]+$/u, '词条只能包含汉字、字母、数字和 + - / . ·');

export const searchTermInput = z.object({ term, note: z.string().trim().max(200).optional() });
export const searchSynonymInput = z
  .object({
    kind: z.enum(VOCABULARY_SYNONYM_KINDS),
    terms: z.array(term).min(2, '同义词组至少2个词').max(10, '同义词组最多10个词'),
    note: z.string().trim().max(200).optional(),
  })
  .refine((g) => new Set(g.terms.map((t) => normalizeText(t))).size === g.terms.length, {
    message: '同义词组中有重复的词',
    path: ['terms'],
  });
