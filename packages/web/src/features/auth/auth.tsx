import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, setCsrfToken, setUnauthenticatedHandler } from '../../shared/http';
import { queryClient } from '../../shared/query';
import { authApi } from './api';
import { accessOf, type Access } from '../../shared/access';
import type { Role, SessionUser } from '../../shared/types';

interface AuthValue {
  user: SessionUser | null;
  /** True until the first /auth/me answered. */
  loading: boolean;
  login: (email: string, password: string) => Promise<SessionUser>;
  logout: () => Promise<void>;
  refresh: () => Promise<void>;
  /** Why there is no session: the user logged out, or the server said 401 mid-session. */
  endedBy: 'logout' | 'expired' | null;
  hasRole: (...roles: Role[]) => boolean;
}

const AuthContext = createContext<AuthValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | null>(null);
  const [loading, setLoading] = useState(true);
  const [endedBy, setEndedBy] = useState<'logout' | 'expired' | null>(null);

  const refresh = useCallback(async () => {
    try {
      const s = await authApi.me();
      setCsrfToken(s.csrfToken);
      setUser(s.user);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        setCsrfToken(null);
        setUser(null);
      } else {
        throw e;
      }
    }
  }, []);

  useEffect(() => {
    setUnauthenticatedHandler(() => {
      setCsrfToken(null);
      setUser((u) => {
        if (u) setEndedBy('expired');
        return null;
      });
    });
    refresh()
      .catch(() => setUser(null))
      .finally(() => setLoading(false));
    return () => setUnauthenticatedHandler(null);
  }, [refresh]);

  const login = useCallback(async (email: string, password: string) => {
    const s = await authApi.login(email, password);
    // Nothing one user saw may show for the next on this tab.
    queryClient.clear();
    setCsrfToken(s.csrfToken);
    setUser(s.user);
    setEndedBy(null);
    return s.user;
  }, []);

  const logout = useCallback(async () => {
    try {
      await authApi.logout();
    } finally {
      queryClient.clear();
      setCsrfToken(null);
      setEndedBy('logout');
      setUser(null);
    }
  }, []);

  const value = useMemo<AuthValue>(
    () => ({
      user,
      loading,
      login,
      logout,
      refresh,
      endedBy,
      hasRole: (...roles: Role[]) => !!user && user.roles.some((r) => roles.includes(r)),
    }),
    [user, loading, login, logout, refresh, endedBy],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const v = useContext(AuthContext);
  if (!v) throw new Error('useAuth outside AuthProvider');
  return v;
}

/** The logged-in user; only for pages rendered behind RequireAuth. */
export function useUser(): SessionUser & { isOperator: boolean; isOrgAdmin: boolean } {
  const { user } = useAuth();
  if (!user) throw new Error('useUser without a session');
  return { ...user, isOperator: user.roles.includes('operator'), isOrgAdmin: user.roles.includes('org_admin') };
}

/** What the logged-in user may use (roles and the organisation's status); see shared/access.ts. */
export function useAccess(): Access {
  const { user } = useAuth();
  if (!user) throw new Error('useAccess without a session');
  return accessOf(user);
}
