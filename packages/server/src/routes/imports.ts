import type { FastifyInstance } from 'fastify';
import type { Services } from '../context.js';

// Filled in with the XLSX import use case.
export function registerImportRoutes(_app: FastifyInstance, _services: Services) {}
