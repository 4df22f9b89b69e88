import {
  AuditOutlined,
  BankOutlined,
  BellOutlined,
  BookOutlined,
  CalendarOutlined,
  CloudUploadOutlined,
  ContainerOutlined,
  DashboardOutlined,
  FileDoneOutlined,
  FileProtectOutlined,
  FileTextOutlined,
  FlagOutlined,
  FundOutlined,
  GiftOutlined,
  GlobalOutlined,
  IdcardOutlined,
  InteractionOutlined,
  KeyOutlined,
  MergeCellsOutlined,
  NotificationOutlined,
  ReadOutlined,
  SafetyCertificateOutlined,
  SearchOutlined,
  SolutionOutlined,
  SoundOutlined,
  ThunderboltOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { Access } from '../shared/access';

type MenuItem = Required<MenuProps>['items'][number] & { key: string };

/**
 * The main menu: only what this user can use now — by role and by the organisation's status
 * (shared/access.ts), so no entry opens onto a 403 or a page that can only say “not yet”.
 */
export function menuItems(access: Access): MenuItem[] {
  const when = (ok: boolean, ...items: MenuItem[]) => (ok ? items : []);
  return [
    { key: '/', icon: <DashboardOutlined />, label: '工作台' },
    ...when(access.can('useBrokerWorkspace'), { key: '/broker', icon: <IdcardOutlined />, label: '技术经理人工作台' }),
    ...when(
      access.can('review'),
      { key: '/reviews', icon: <SolutionOutlined />, label: '评审任务' },
      { key: '/application-reviews', icon: <TrophyOutlined />, label: '揭榜评审任务' },
      { key: '/reviews/relations', icon: <SafetyCertificateOutlined />, label: '关联单位声明' },
    ),
    ...when(access.can('operate'), { key: '/organizations', icon: <BankOutlined />, label: '机构审核' }),
    { key: '/calls', icon: <NotificationOutlined />, label: access.isOperator ? '征集管理' : '在线征集' },
    { key: '/challenges', icon: <TrophyOutlined />, label: access.isOperator ? '揭榜挂帅审核' : '揭榜挂帅' },
    ...when(access.isOrgUser, { key: '/applications', icon: <FlagOutlined />, label: '我的揭榜申报' }),
    ...when(access.isOrgUser || access.isOperator, { key: '/awards', icon: <FileDoneOutlined />, label: '我的任务书' }),
    ...when(access.can('viewDeals'), { key: '/deals', icon: <InteractionOutlined />, label: '对接项目' }),
    ...when(access.can('canRegisterContracts'), { key: '/contracts', icon: <FileProtectOutlined />, label: '我的合同登记' }),
    ...when(
      access.can('canHandleContractRegistrations'),
      { key: '/contract-registrations', icon: <ContainerOutlined />, label: '技术合同登记' },
      { key: '/contracts', icon: <FileProtectOutlined />, label: '合同登记记录' },
    ),
    ...when(access.can('review'), { key: '/acceptance-tasks', icon: <SolutionOutlined />, label: '我的验收任务' }),
    { key: '/publicity', icon: <SoundOutlined />, label: access.isOperator ? '公示与异议' : '公示' },
    ...when(access.can('listSubmissions'), { key: '/submissions', icon: <FileTextOutlined />, label: '填报记录' }),
    ...when(access.can('operate'), { key: '/batches', icon: <FileDoneOutlined />, label: '发布批次' }),
    ...when(access.can('operate'), { key: '/benchmark-cases', icon: <FileDoneOutlined />, label: '标杆案例清单' }),
    { key: '/search', icon: <SearchOutlined />, label: '检索与匹配' },
    { key: '/policies', icon: <GlobalOutlined />, label: '政策库' },
    ...when(
      access.isOrgUser,
      { key: '/policies/for-me', icon: <GiftOutlined />, label: '可享政策' },
      { key: '/policy-redemptions', icon: <ThunderboltOutlined />, label: '免申即享' },
    ),
    { key: '/policy-digests', icon: <ReadOutlined />, label: '政策动态' },
    ...when(access.can('subscribe'), { key: '/subscriptions', icon: <BellOutlined />, label: '我的订阅' }),
    ...when(
      access.can('operate'),
      { key: '/duplicates', icon: <MergeCellsOutlined />, label: '重复需求合并' },
      { key: '/dictionary', icon: <BookOutlined />, label: '检索词典与同义词' },
      { key: '/calendar', icon: <CalendarOutlined />, label: '工作日历' },
    ),
    ...when(access.can('viewDashboard'), { key: '/dashboard', icon: <FundOutlined />, label: '成果看板' }),
    ...when(access.can('import'), { key: '/import', icon: <CloudUploadOutlined />, label: '批量导入' }),
    ...when(access.can('operate'), { key: '/audit', icon: <AuditOutlined />, label: '审计日志' }),
    { key: '/settings/notifications', icon: <BellOutlined />, label: '通知设置' },
    { key: '/account/password', icon: <KeyOutlined />, label: '修改密码' },
  ];
}

/** The entry to light for a path: the longest key it starts with (a listing belongs to search). */
export function selectedKey(items: MenuItem[], pathname: string): string {
  const path = pathname.startsWith('/listings/') ? '/search' : pathname;
  return (
    items
      .map((i) => i.key)
      .filter((k) => k !== '/' && path.startsWith(k))
      .sort((a, b) => b.length - a.length)[0] ?? (path === '/' ? '/' : '')
  );
}
