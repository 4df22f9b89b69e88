/** Code tables for forms and labels: sectors, technology fields, regions, kinds, roles, state names. */
import { CALL_STATES, LIST_TYPES, ORGANIZATION_KINDS, ORGANIZATION_STATES, ROLES, SUBMISSION_STATES } from '@scenebridge/domain';
import { z } from 'zod';

export const codeName = z.object({ code: z.string(), name: z.string() });
export type CodeName = z.infer<typeof codeName>;

/** A Chinese label for every value of a list. */
const labelsOf = <T extends readonly [string, ...string[]]>(values: T) => z.record(z.enum(values), z.string());

export const meta = z.object({
  sectors: z.array(codeName),
  techFields: z.array(codeName),
  regions: z.array(codeName.extend({ fullName: z.string() })),
  organizationKinds: z.array(z.object({ code: z.enum(ORGANIZATION_KINDS), name: z.string() })),
  roles: z.array(z.object({ code: z.enum(ROLES), name: z.string() })),
  labels: z.object({
    callStates: labelsOf(CALL_STATES),
    submissionStates: labelsOf(SUBMISSION_STATES),
    organizationStates: labelsOf(ORGANIZATION_STATES),
    listTypes: labelsOf(LIST_TYPES),
  }),
});
export type Meta = z.infer<typeof meta>;
