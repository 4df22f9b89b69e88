import { useQuery } from '@tanstack/react-query';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Col, Empty, Form, Row, Select, Space, Statistic, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ApiError, errorMessage } from '../../shared/http';
import { CALL_CHOICES, callsApi, callsKeys } from '../calls/api';
import { importsApi } from './api';
import { useAccess, useUser } from '../auth/auth';
import { DataTable } from '../../shared/components/DataTable';
import { LoadError } from '../../shared/components/LoadError';
import { PageState } from '../../shared/components/PageState';
import { PageHeader } from '../../shared/components/PageHeader';
import { useMeta } from '../../shared/meta';
import { rowTestId } from '../../shared/testid';
import type { ImportError, ImportResult, ListType } from '../../shared/types';

/** An error thrown by the import endpoint may itself carry row errors in `details`. */
function rowErrorsOf(e: unknown): ImportError[] {
  if (!(e instanceof ApiError) || !Array.isArray(e.details)) return [];
  const out: ImportError[] = [];
  for (const d of e.details as unknown[]) {
    if (d && typeof d === 'object' && typeof (d as { row?: unknown }).row === 'number') {
      const r = d as Partial<ImportError>;
      out.push({ row: r.row ?? 0, column: r.column ?? '', code: r.code ?? '', message: r.message ?? '' });
    }
  }
  return out;
}

export default function Import() {
  const user = useUser();
  const meta = useMeta();
  const { modal, message } = App.useApp();
  // An organisation still under review may not import (403 ORGANIZATION_NOT_APPROVED): no form then.
  const blocked = useAccess().refusal('import');
  const calls = useQuery({ queryKey: callsKeys.list(CALL_CHOICES), queryFn: () => callsApi.calls(CALL_CHOICES), enabled: !blocked });
  const [callId, setCallId] = useState<string>();
  const [file, setFile] = useState<File | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [busy, setBusy] = useState<'dry_run' | 'commit' | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<{ text: string; rows: ImportError[] } | null>(null);

  const usable = (calls.data?.items ?? []).filter((c) => c.status !== 'draft' && c.status !== 'cancelled');
  const call = usable.find((c) => c.id === callId);
  const listTypes: ListType[] = call ? [call.listType] : ['scenario_need', 'capability'];

  const run = async (mode: 'dry_run' | 'commit') => {
    if (!callId || !file) return;
    setBusy(mode);
    setError(null);
    try {
      const r = await importsApi.importFile(callId, mode, mode === 'commit' && skipInvalid, file);
      setResult(r);
      if (mode === 'commit') {
        if (r.committed) void message.success(`导入完成：新增 ${r.created} 条，重复 ${r.duplicates} 条`);
        else void message.warning('存在错误行，未导入任何数据');
      }
    } catch (e) {
      // A refused all-or-nothing commit carries the full report: show its rows like a dry run.
      if (
        e instanceof ApiError &&
        e.code === 'IMPORT_HAS_ERRORS' &&
        e.details &&
        typeof e.details === 'object' &&
        !Array.isArray(e.details)
      ) {
        setResult(e.details as ImportResult);
        void message.error(e.message);
        return;
      }
      setResult(null);
      setError({ text: errorMessage(e), rows: rowErrorsOf(e) });
    } finally {
      setBusy(null);
    }
  };

  const confirmCommit = () => {
    const errors = result?.errors.length ?? 0;
    modal.confirm({
      title: '确认导入',
      content: skipInvalid
        ? `将跳过有错误的行${errors ? `（预检发现 ${errors} 处错误）` : ''}，仅导入正确的行。已导入过的相同数据不会重复创建。确定继续吗？`
        : '全部行无误时才会导入；只要有一行有误，将不导入任何数据。确定继续吗？',
      okText: '确认导入',
      cancelText: '取消',
      okButtonProps: { 'data-testid': 'confirm-ok' },
      onOk: () => run('commit'),
    });
  };

  const errorRows = result?.errors ?? error?.rows ?? [];

  if (blocked) {
    return (
      <div>
        <PageHeader title="批量导入" />
        <PageState blocked={blocked} />
      </div>
    );
  }

  return (
    <div>
      <PageHeader
        title="批量导入"
        sub={
          user.isOperator
            ? '按模板填写后上传。每行以统一社会信用代码指明填报单位。'
            : `按模板填写后上传，数据将记入${user.organization.name}。`
        }
      />
      <LoadError error={calls.error} onRetry={() => void calls.refetch()} />
      <Card style={{ marginBottom: 16 }}>
        <Form layout="vertical">
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item label="导入到征集" required>
                <Select
                  value={callId}
                  placeholder="请选择征集"
                  loading={calls.isFetching}
                  showSearch={{ optionFilterProp: 'label' }}
                  onChange={(v: string) => {
                    setCallId(v);
                    setResult(null);
                    setError(null);
                  }}
                  options={usable.map((c) => ({
                    value: c.id,
                    label: `${c.title}（${meta.listType(c.listType)}·${meta.callState(c.status)}）`,
                  }))}
                  data-testid="import-call"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="导入模板">
                <Space wrap>
                  {listTypes.map((t) => (
                    <Button
                      key={t}
                      icon={<DownloadOutlined />}
                      href={importsApi.importTemplateUrl(t)}
                      download
                      data-testid={`import-template-${t}`}
                    >
                      下载{meta.listType(t)}模板
                    </Button>
                  ))}
                </Space>
              </Form.Item>
            </Col>
          </Row>
          <Form.Item label="XLSX 文件" required>
            <Upload.Dragger
              accept=".xlsx"
              maxCount={1}
              data-testid="import-file-input"
              beforeUpload={(f) => {
                setFile(f);
                setResult(null);
                setError(null);
                return false;
              }}
              onRemove={() => {
                setFile(null);
                setResult(null);
              }}
              fileList={file ? [{ uid: 'import', name: file.name, status: 'done', size: file.size }] : []}
            >
              <p style={{ fontSize: 32, margin: 0, color: '#1456c6' }}>
                <InboxOutlined />
              </p>
              <p data-testid="import-file">点击或拖拽 XLSX 文件到此处</p>
              <Typography.Text type="secondary">请使用上方模板，表头不要修改</Typography.Text>
            </Upload.Dragger>
          </Form.Item>
          <Space wrap>
            <Button
              onClick={() => void run('dry_run')}
              loading={busy === 'dry_run'}
              disabled={!callId || !file || busy !== null}
              data-testid="import-dry-run"
            >
              预检
            </Button>
            <Checkbox checked={skipInvalid} onChange={(e) => setSkipInvalid(e.target.checked)} data-testid="import-skip-invalid">
              跳过错误行
            </Checkbox>
            <Button
              type="primary"
              onClick={confirmCommit}
              loading={busy === 'commit'}
              disabled={!callId || !file || busy !== null}
              data-testid="import-commit"
            >
              确认导入
            </Button>
          </Space>
        </Form>
      </Card>

      {error && (
        <Alert type="error" showIcon title="导入失败" description={error.text} style={{ marginBottom: 16 }} data-testid="import-error" />
      )}

      {result && (
        <Card
          title={
            <Space>
              {result.mode === 'dry_run' ? '预检结果' : '导入结果'}
              {result.mode === 'commit' && (result.committed ? <Tag color="green">已导入</Tag> : <Tag color="red">未导入</Tag>)}
            </Space>
          }
          style={{ marginBottom: 16 }}
          data-testid="import-summary"
        >
          <Row gutter={16}>
            <Col xs={12} md={4}>
              <Statistic title="数据行" value={result.totalRows} />
            </Col>
            <Col xs={12} md={4}>
              <Statistic title="正确行" value={result.validRows} />
            </Col>
            <Col xs={12} md={4}>
              <Statistic
                title="错误"
                value={result.errors.length}
                styles={{ content: { color: result.errors.length ? '#cf1322' : undefined } }}
              />
            </Col>
            <Col xs={12} md={4}>
              <Statistic title={result.mode === 'dry_run' ? '将新增' : '新增'} value={result.created} />
            </Col>
            <Col xs={12} md={4}>
              <Statistic title="重复（已存在）" value={result.duplicates} />
            </Col>
          </Row>
          {result.mode === 'dry_run' && result.errors.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginTop: 16 }}
              title="存在错误行"
              description="请修改后重新上传；或勾选“跳过错误行”，仅导入正确的行。"
            />
          )}
          {result.mode === 'dry_run' && result.errors.length === 0 && (
            <Alert type="success" showIcon style={{ marginTop: 16 }} title="预检通过，可以确认导入" />
          )}
        </Card>
      )}

      {(result || errorRows.length > 0) && (
        <Card title="错误明细">
          <DataTable<ImportError>
            rowKey={(r) => `${r.row}-${r.column}-${r.code}-${r.message}`}
            size="small"
            dataSource={errorRows}
            data-testid="import-errors"
            onRow={(r) => rowTestId(`import-error-row-${r.row}`)}
            empty={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有错误" />}
            pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 处错误` }}
            columns={[
              { title: '行号', dataIndex: 'row', width: 80 },
              { title: '列', dataIndex: 'column', width: 160, render: (v: string) => v || '—' },
              { title: '原因', dataIndex: 'message' },
            ]}
          />
        </Card>
      )}
    </div>
  );
}
