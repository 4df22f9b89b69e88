import type { FastifyInstance } from 'fastify';
import type { Services } from '@scenebridge/app/context';
import { registerAuditRoutes } from './audit.js';
import { registerAuthRoutes } from './auth.js';
import { registerCallRoutes } from './calls.js';
import { registerImportRoutes } from './imports.js';
import { registerMetaRoutes } from './meta.js';
import { registerOrganizationRoutes } from './organizations.js';
import { registerPublicationRoutes } from './publication.js';
import { registerQualityRoutes } from './quality.js';
import { registerReviewRoutes } from './review.js';
import { registerMatchingRoutes } from './matching.js';
import { registerSearchRoutes } from './search.js';
import { registerSubmissionRoutes } from './submissions.js';
import { registerNotificationRoutes } from './notifications.js';
import { registerSubscriptionRoutes } from './subscriptions.js';
import { registerUnsubscribeRoutes } from './unsubscribe.js';
import { registerVocabularyRoutes } from './vocabulary.js';

export async function registerRoutes(api: FastifyInstance, services: Services) {
  registerMetaRoutes(api);
  registerAuthRoutes(api, services);
  registerOrganizationRoutes(api, services);
  registerCallRoutes(api, services);
  registerSubmissionRoutes(api, services);
  registerImportRoutes(api, services);
  registerReviewRoutes(api, services);
  registerPublicationRoutes(api, services);
  registerAuditRoutes(api, services);
  registerNotificationRoutes(api, services);
  registerSubscriptionRoutes(api, services);
  registerUnsubscribeRoutes(api, services);
  registerSearchRoutes(api, services);
  registerMatchingRoutes(api, services);
  registerVocabularyRoutes(api, services);
  registerQualityRoutes(api, services);
}
