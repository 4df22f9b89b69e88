import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { calendarYear, workingPeriod } from '@scenebridge/contract/calendar';
import type { Services } from '@scenebridge/app/context';
import {
  calendarYearInput,
  calendarYearParams,
  computeWorkingPeriod,
  getCalendarYear,
  saveCalendarYear,
  workingDaysQuery,
} from '@scenebridge/app/calendar';
import { requireActor } from '../http.js';

/** The working-day calendar (工作日历, docs/calendar.md): anyone reads and computes, operators edit. */
export function registerCalendarRoutes(app: FastifyInstance, services: Services) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['calendar'];

  // Registered before /calendar/:year so that "working-days" is never read as a year.
  api.get(
    '/calendar/working-days',
    {
      config: { public: true },
      schema: {
        tags,
        summary: '按工作日历计算期限：自起算日的次日起第 N 个工作日的 24:00（北京时间）截止，如公示 5 个工作日',
        querystring: workingDaysQuery,
        response: { 200: workingPeriod },
      },
    },
    async (request) => computeWorkingPeriod({ services, actor: request.actor, query: request.query }),
  );
  api.get(
    '/calendar/:year',
    {
      config: { public: true },
      schema: {
        tags,
        summary: '某年的工作日历：放假日（含节日名称）与调休上班日；未维护的年份 status 为 missing',
        params: calendarYearParams,
        response: { 200: calendarYear },
      },
    },
    async (request) => getCalendarYear({ services, actor: request.actor, year: request.params.year }),
  );
  api.put(
    '/calendar/:year',
    {
      schema: {
        tags,
        summary: '运营方保存某年的工作日历（整体替换节假日与调休上班日，须填写原因，记入审计日志）',
        params: calendarYearParams,
        body: calendarYearInput,
        response: { 200: calendarYear },
      },
    },
    async (request) => saveCalendarYear({ services, actor: requireActor(request), year: request.params.year, input: request.body }),
  );
}
