import { Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { useAuth } from '../features/auth/auth';
import type { Role } from '../shared/types';

export function FullPageSpin() {
  return (
    <div style={{ display: 'flex', justifyContent: 'center', alignItems: 'center', minHeight: '50vh' }}>
      <Spin size="large" />
    </div>
  );
}

/** Sends anonymous visitors to /login?next=… and users without the role to a 403 page. */
export function RequireAuth({ roles, children }: { roles?: Role[]; children: ReactNode }) {
  const { user, loading, endedBy } = useAuth();
  const location = useLocation();
  if (loading) return <FullPageSpin />;
  if (!user) {
    if (endedBy === 'logout') return <Navigate to="/login" replace />;
    const params = new URLSearchParams();
    const next = location.pathname + location.search;
    if (next !== '/') params.set('next', next);
    if (endedBy === 'expired') params.set('expired', '1');
    const qs = params.toString();
    return <Navigate to={`/login${qs ? `?${qs}` : ''}`} replace />;
  }
  if (roles && !user.roles.some((r) => roles.includes(r))) {
    return <Result status="403" title="无权访问" subTitle="您的账号没有访问此页面的权限。" />;
  }
  return <>{children}</>;
}
