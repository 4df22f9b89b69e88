import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Collapse, Descriptions, Row, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useLocation, useParams, useSearchParams } from 'react-router-dom';
import { FullPageSpin } from '../../app/RequireAuth';
import { LoadError } from '../../shared/components/LoadError';
import { PageHeader } from '../../shared/components/PageHeader';
import { ReasonModal } from '../../shared/components/ReasonModal';
import { errorMessage } from '../../shared/http';
import { useIsPhone } from '../../shared/responsive';
import { useAccess } from '../auth/auth';
import { policiesApi, policiesKeys, type PolicyDetail as Policy, type PolicyMeasureJson } from './api';
import { CalculatorPanel } from './CalculatorPanel';
import { validityText } from './format';
import { MeasureDrawer } from './MeasureDrawer';
import { MeasureFields, MeasureTree } from './MeasureTree';
import { PolicyStatus } from './PolicyStatus';
import { SourcePane } from './SourcePane';
import type { Mark } from './spans';

type Span = { start: number; end: number };

/** 政策详情: metadata, the reading (measures) beside the verbatim source, corrections and calculators. */
export default function PolicyDetail() {
  const { id = '' } = useParams();
  const q = useQuery({ queryKey: policiesKeys.detail(id), queryFn: () => policiesApi.get(id) });
  if (q.isLoading) return <FullPageSpin />;
  if (q.error || !q.data) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  return <PolicyView policy={q.data} />;
}

function Header({ policy }: { policy: Policy }) {
  const rows = [
    { key: 'issuer', label: '发文单位', children: policy.issuer ?? '—' },
    { key: 'issuedOn', label: '发布日期', children: policy.issuedOn ?? '—' },
    { key: 'number', label: '文号', children: policy.documentNumber ?? '—' },
    { key: 'validity', label: '有效期', children: validityText(policy) },
    { key: 'measures', label: '措施', children: `${policy.measureCount} 条` },
  ];
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Descriptions size="small" column={{ xs: 1, md: 3 }} items={rows} data-testid="policy-meta" />
      {policy.status === 'withdrawn' && policy.statusReason && (
        <Alert type="warning" showIcon title={`已撤回：${policy.statusReason}`} style={{ marginTop: 8 }} />
      )}
    </Card>
  );
}

function Actions({ policy, onDone }: { policy: Policy; onDone: () => void }) {
  const { message, modal } = App.useApp();
  const [withdrawing, setWithdrawing] = useState(false);
  const can = (a: string) => policy.allowedActions.includes(a);
  const publish = () =>
    modal.confirm({
      title: '发布政策',
      content: '发布后，政策及其措施将在政策库中对所有用户可见，并参与“可能适用于我”的匹配。请确认已核对识别结果。',
      okText: '发布',
      cancelText: '取消',
      okButtonProps: { 'data-testid': 'policy-publish-ok' },
      onOk: async () => {
        try {
          await policiesApi.transition(policy.id, 'publish', policy.version);
          void message.success('已发布');
          onDone();
        } catch (e) {
          void message.error(errorMessage(e));
        }
      },
    });
  return (
    <Space wrap>
      {can('publish') && (
        <Button type="primary" onClick={publish} data-testid="policy-publish">
          发布
        </Button>
      )}
      {can('withdraw') && (
        <Button danger onClick={() => setWithdrawing(true)} data-testid="policy-withdraw">
          撤回
        </Button>
      )}
      <ReasonModal
        open={withdrawing}
        title="撤回政策"
        label="撤回原因"
        okText="撤回"
        description="撤回后政策不再在政策库中列出、不再参与匹配，已有链接仍可查看。"
        onCancel={() => setWithdrawing(false)}
        onSubmit={async (reason) => {
          await policiesApi.transition(policy.id, 'withdraw', policy.version, reason);
          setWithdrawing(false);
          void message.success('已撤回');
          onDone();
        }}
      />
    </Space>
  );
}

/** The source marks for a measure: its span, its terms, a calculation step and a picked selection. */
function marksFor(measure: PolicyMeasureJson | undefined, step: Span | null, picked: Span | null): Mark[] {
  const marks: Mark[] = [];
  if (measure) {
    marks.push({ ...measure.span, kind: 'measure' });
    for (const t of measure.terms) marks.push({ ...t.span, kind: 'term' });
  }
  if (step) marks.push({ ...step, kind: 'step' });
  if (picked) marks.push({ ...picked, kind: 'picked' });
  return marks;
}

function PolicyView({ policy }: { policy: Policy }) {
  const qc = useQueryClient();
  const phone = useIsPhone();
  const { isOperator } = useAccess();
  const location = useLocation();
  const created = (location.state as { created?: boolean } | null)?.created;
  // ?measure=<id> (from 可享政策 and its 测算 link) opens on that measure, whose calculator shows beside it.
  const [params] = useSearchParams();
  const linked = policy.measures.find((m) => m.id === params.get('measure'))?.id;
  const [selectedId, setSelectedId] = useState<string | null>(linked ?? policy.measures[0]?.id ?? null);
  const [step, setStep] = useState<Span | null>(null);
  const [editing, setEditing] = useState(false);
  const [picked, setPicked] = useState<{ span: Span; seq: number } | null>(null);
  const [sourceOpen, setSourceOpen] = useState(false);
  const showStep = (span: Span | null) => {
    setStep(span);
    // On a phone the source is folded below: open it so the step's words can be seen.
    if (span) setSourceOpen(true);
  };
  const selected = policy.measures.find((m) => m.id === selectedId);
  const canCorrect = isOperator && policy.status !== 'withdrawn';
  const marks = useMemo(() => marksFor(selected, step, editing ? (picked?.span ?? null) : null), [selected, step, editing, picked]);
  const focus = step ?? selected?.span ?? null;
  const refresh = () => void qc.invalidateQueries({ queryKey: policiesKeys.all });

  const select = (mid: string) => {
    setSelectedId(mid);
    setStep(null);
    setEditing(false);
  };

  const details = selected && (
    <div>
      <MeasureFields measure={selected} />
      {canCorrect && (
        <Button
          size="small"
          icon={<EditOutlined />}
          style={{ marginTop: 8 }}
          onClick={() => {
            setPicked(null);
            setEditing(true);
          }}
          data-testid="measure-correct"
        >
          修正
        </Button>
      )}
      <CalculatorPanel policy={policy} measure={selected} canManage={isOperator} onShowSpan={showStep} onChanged={refresh} />
    </div>
  );

  const tree =
    policy.measures.length > 0 ? (
      <MeasureTree measures={policy.measures} sourceText={policy.sourceText} selectedId={selectedId} onSelect={select} details={details} />
    ) : (
      <Typography.Text type="secondary">未识别出措施。</Typography.Text>
    );
  const source = (
    <SourcePane
      text={policy.sourceText}
      marks={marks}
      focus={focus}
      maxHeight={phone ? 480 : 'calc(100vh - 220px)'}
      onPick={editing ? (span) => setPicked((p) => ({ span, seq: (p?.seq ?? 0) + 1 })) : undefined}
    />
  );

  return (
    <div>
      <Link to="/policies">
        <ArrowLeftOutlined /> 政策库
      </Link>
      <PageHeader
        title={
          <Space wrap>
            {policy.title}
            <PolicyStatus status={policy.status} />
          </Space>
        }
        extra={isOperator && <Actions policy={policy} onDone={refresh} />}
      />
      {created === false && (
        <Alert type="info" showIcon title="该政策已导入过，以下是已有的政策。" style={{ marginBottom: 12 }} data-testid="policy-already" />
      )}
      <Header policy={policy} />
      {phone ? (
        <>
          <Card size="small" title="措施" style={{ marginBottom: 12 }}>
            {tree}
          </Card>
          <Collapse
            activeKey={sourceOpen ? ['source'] : []}
            onChange={(keys) => setSourceOpen(keys.includes('source'))}
            items={[{ key: 'source', label: '政策原文（高亮所选措施）', children: source }]}
            data-testid="policy-source-collapse"
          />
        </>
      ) : (
        <Row gutter={16}>
          <Col span={10}>
            <Card size="small" title="措施" styles={{ body: { maxHeight: 'calc(100vh - 220px)', overflowY: 'auto' } }}>
              {tree}
            </Card>
          </Col>
          <Col span={14}>
            <Card
              size="small"
              title="政策原文"
              extra={
                <Space size={12} style={{ fontSize: 12 }}>
                  <Legend color="#dbeafe" label="所选措施" />
                  <Legend color="#ffe7ba" label="量化条款" />
                  <Legend color="#b7eb8f" label="测算依据" />
                </Space>
              }
            >
              {source}
            </Card>
          </Col>
        </Row>
      )}
      {selected && canCorrect && (
        <MeasureDrawer
          key={selected.id}
          policy={policy}
          measure={selected}
          open={editing}
          picked={picked}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            refresh();
          }}
        />
      )}
    </div>
  );
}

function Legend({ color, label }: { color: string; label: string }) {
  return (
    <span>
      <span style={{ display: 'inline-block', width: 10, height: 10, background: color, marginRight: 4, border: '1px solid #ddd' }} />
      {label}
    </span>
  );
}
