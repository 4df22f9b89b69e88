import { ROLE_LABELS } from '@scenebridge/contract/organizations/labels';
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { get } from './http';
import { FALLBACK_LABELS } from './labels';
import type { Meta } from './types';

export interface Option {
  value: string;
  label: string;
}

export interface MetaValue {
  meta: Meta | null;
  loading: boolean;
  error: string | null;
  sectorOptions: Option[];
  techFieldOptions: Option[];
  regionOptions: Option[];
  kindOptions: Option[];
  sector: (code: string | undefined) => string;
  techField: (code: string | undefined) => string;
  region: (code: string | undefined) => string;
  kind: (code: string | undefined) => string;
  role: (code: string) => string;
  callState: (code: string) => string;
  submissionState: (code: string) => string;
  organizationState: (code: string) => string;
  listType: (code: string) => string;
}

const MetaContext = createContext<MetaValue | null>(null);

function lookup(list: Array<{ code: string; name: string }> | undefined) {
  const m = new Map((list ?? []).map((x) => [x.code, x.name]));
  return (code: string | undefined) => (code ? (m.get(code) ?? code) : '');
}

export function MetaProvider({ children }: { children: ReactNode }) {
  const [meta, setMeta] = useState<Meta | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let alive = true;
    get<Meta>('/meta')
      .then((m) => alive && setMeta(m))
      .catch(() => alive && setError('基础数据加载失败，部分选项可能无法显示，请刷新重试'))
      .finally(() => alive && setLoading(false));
    return () => {
      alive = false;
    };
  }, []);

  const value = useMemo<MetaValue>(() => {
    const labels = meta?.labels ?? FALLBACK_LABELS;
    const regionFull = new Map((meta?.regions ?? []).map((r) => [r.code, r.fullName || r.name]));
    const roles = lookup(meta?.roles);
    const pick = (rec: Record<string, string> | undefined, fb: Record<string, string>) => (code: string) => rec?.[code] ?? fb[code] ?? code;
    return {
      meta,
      loading,
      error,
      sectorOptions: (meta?.sectors ?? []).map((s) => ({ value: s.code, label: s.name })),
      techFieldOptions: (meta?.techFields ?? []).map((s) => ({ value: s.code, label: s.name })),
      regionOptions: (meta?.regions ?? []).map((r) => ({ value: r.code, label: r.fullName || r.name })),
      kindOptions: (meta?.organizationKinds ?? []).map((s) => ({ value: s.code, label: s.name })),
      sector: lookup(meta?.sectors),
      techField: lookup(meta?.techFields),
      region: (code) => (code ? (regionFull.get(code) ?? code) : ''),
      kind: lookup(meta?.organizationKinds),
      role: (code) => {
        const r = roles(code);
        return r === code ? ((ROLE_LABELS as Record<string, string>)[code] ?? code) : r;
      },
      callState: pick(labels.callStates, FALLBACK_LABELS.callStates),
      submissionState: pick(labels.submissionStates, FALLBACK_LABELS.submissionStates),
      organizationState: pick(labels.organizationStates, FALLBACK_LABELS.organizationStates),
      listType: pick(labels.listTypes, FALLBACK_LABELS.listTypes),
    };
  }, [meta, loading, error]);

  return <MetaContext.Provider value={value}>{children}</MetaContext.Provider>;
}

export function useMeta(): MetaValue {
  const v = useContext(MetaContext);
  if (!v) throw new Error('useMeta outside MetaProvider');
  return v;
}
