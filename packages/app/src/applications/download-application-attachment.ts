import {
  findApplication,
  findApplicationAttachmentMeta,
  findChallenge,
  listApplicationAttachments,
  listParticipants,
  readApplicationAttachmentContent,
  reviewsApplication,
} from '@scenebridge/db';
import { notFound, type ReviewScheme } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { requireActor } from '../shared/index.js';
import { accessOf } from './access.js';
import { applicationPolicy } from './policy.js';

const LABEL = '申报附件';

/**
 * A file of an application, for whoever may see the application (the lead's and members' users,
 * operators, the challenge owner once it may read the applications) and for a reviewer assigned
 * to it — under blind review without the original names, which often name the team.
 */
export async function downloadApplicationAttachment({ services, actor, id }: { services: Services; actor: Actor | null; id: string }) {
  const a = requireActor(actor);
  const meta = await findApplicationAttachmentMeta(services.db, id);
  const app = meta && (await findApplication(services.db, meta.applicationId));
  if (!meta || !app) throw notFound(LABEL);
  const access = accessOf(app, await listParticipants(services.db, app.id), services.now());
  let filename = meta.filename;
  if (!applicationPolicy.allow(a, 'view', access)) {
    const reviewer = a.roles.includes('reviewer') && (await reviewsApplication(services.db, app.id, a.userId));
    if (!reviewer) throw notFound(LABEL);
    const challenge = await findChallenge(services.db, app.challengeId);
    if ((challenge?.reviewScheme as ReviewScheme | undefined)?.blind) {
      const all = await listApplicationAttachments(services.db, app.id);
      filename = `附件${all.findIndex((f) => f.id === id) + 1}.${meta.filename.split('.').pop()}`;
    }
  }
  const content = await readApplicationAttachmentContent(services.db, id);
  if (!content) throw notFound(LABEL);
  return { meta: { ...meta, filename }, content };
}
