import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { FullPageSpin } from '../../app/RequireAuth';
import { LoadError } from '../../shared/components/LoadError';
import { digestKeys, digestsApi } from './api';
import { DigestEditor } from './DigestEditor';
import { DigestView } from './DigestView';

/** /policy-digests/:id: the editor for a draft the operator may edit, else the issue as published. */
export default function DigestPage() {
  const { id = '' } = useParams();
  const digest = useQuery({ queryKey: digestKeys.detail(id), queryFn: () => digestsApi.get(id) });
  if (digest.error && !digest.data) return <LoadError error={digest.error} onRetry={() => void digest.refetch()} />;
  if (!digest.data) return <FullPageSpin />;
  const d = digest.data;
  return d.status === 'draft' && d.allowedActions.includes('edit') ? (
    <DigestEditor key={d.version} digest={d} />
  ) : (
    <DigestView digest={d} />
  );
}
