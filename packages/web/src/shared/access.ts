/**
 * What the logged-in user may use. The server decides it with its policies and sends the answers
 * with the session (`GET /auth/me` → `user.abilities`, packages/app/src/auth/abilities.ts); the
 * menu, the home page and the pages ask this one place, so nothing is offered that the server
 * then refuses. What stays here is wording: how each page says why not.
 */
import type { Ability } from '@scenebridge/contract/auth';
import type { SessionUser } from './types';

export type { Ability } from '@scenebridge/contract/auth';

export interface Access {
  can: (ability: Ability) => boolean;
  /** Why the user may not: null when they may. Phrased for the page the ability belongs to. */
  refusal: (ability: Ability) => string | null;
  isOperator: boolean;
  isOrgUser: boolean;
  isReviewer: boolean;
  isBroker: boolean;
  approved: boolean;
}

const WHILE_PENDING: Partial<Record<Ability, string>> = {
  listSubmissions: '机构通过审核后才能填报，届时填报记录会显示在这里。',
  draft: '机构通过审核后才能填报。',
  import: '机构通过审核后才能批量导入。',
  subscribe: '机构通过审核后才能订阅。',
  expressInterest: '机构通过审核后才能表达对接意向。',
  canRegisterContracts: '机构通过审核后才能办理技术合同登记。',
};

const FOR_ROLE: Record<Ability, string> = {
  listSubmissions: '填报记录只对运营方和填报机构的用户开放；已提交的条目可在“检索与匹配”中查看。',
  draft: '只有机构用户可以填报。',
  import: '只有运营方或机构管理员可以批量导入。',
  subscribe: '只有机构用户可以订阅。',
  expressInterest: '只有机构用户可以表达对接意向。',
  curate: '只有运营方和技术经纪人可以置顶或排除匹配结果。',
  review: '只有评审专家可以评审。',
  operate: '只有运营方可以使用此功能。',
  viewDeals: '对接项目只对运营方、技术经理人和参与对接的机构开放。',
  useBrokerWorkspace: '技术经理人工作台只对技术经理人开放。',
  canRegisterContracts: '只有机构用户可以办理技术合同登记。',
  canHandleContractRegistrations: '只有技术合同登记员或平台运营方可以办理。',
  viewDashboard: '成果看板只对运营方、技术合同登记员和技术经理人开放。',
};

export function accessOf(user: Pick<SessionUser, 'roles' | 'organization' | 'abilities'>): Access {
  const has = (r: SessionUser['roles'][number]) => user.roles.includes(r);
  const isOperator = has('operator');
  const approved = user.organization.status === 'approved';
  const refusal = (a: Ability): string | null => {
    const answer = user.abilities[a];
    if (answer.allowed) {
      // The server lets a pending organisation open its (necessarily empty) list; the page would
      // only ever say so, so the menu says why instead.
      if (a === 'listSubmissions' && !isOperator && !approved) return WHILE_PENDING.listSubmissions ?? null;
      return null;
    }
    if (answer.refusal?.code === 'ORGANIZATION_NOT_APPROVED') return WHILE_PENDING[a] ?? answer.refusal.message;
    return FOR_ROLE[a];
  };
  return {
    can: (a) => refusal(a) === null,
    refusal,
    isOperator,
    isOrgUser: has('org_admin') || has('org_member'),
    isReviewer: has('reviewer'),
    isBroker: has('broker'),
    approved,
  };
}
