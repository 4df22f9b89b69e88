import { useQuery, useQueryClient } from '@tanstack/react-query';
import { DeleteOutlined, InboxOutlined, PaperClipOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, DatePicker, Flex, Form, Input, Row, Select, Typography, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { FullPageSpin } from '../../app/RequireAuth';
import { LoadError } from '../../shared/components/LoadError';
import { PageHeader } from '../../shared/components/PageHeader';
import { applyServerErrors, type NamePath } from '../../shared/formErrors';
import { useUnsavedChangesPrompt } from '../../shared/hooks';
import { errorMessage } from '../../shared/http';
import { useMeta } from '../../shared/meta';
import { dayjs } from '../../shared/time';
import type { ValidationDetail } from '../../shared/types';
import { rules } from '../../shared/validators';
import { useUser } from '../auth/auth';
import { attachmentHref, contractsApi, contractsKeys, type ContractDetail, type ContractInput } from './api';
import { fenToWanHint, fenToYuanInput, parseYuanToFen, YUAN_PATTERN } from './money';
import { PartyFields } from './PartyFields';
import { PDF_ACCEPT, PDF_SIZE_HINT, pdfProblem } from './pdf-check';
import {
  CONTRACT_KIND_LABELS,
  CONTRACT_TYPE_GROUPS,
  carriesEconomics,
  needsPatents,
  PATENT_KIND_LABELS,
  patentProblem,
  PAYMENT_METHOD_OPTIONS,
} from './vocab';

interface PartyValues {
  name: string;
  creditCode: string;
  regionCode?: string;
  natureCode?: string;
}
interface Values {
  projectName: string;
  contractType?: string;
  seller: PartyValues;
  buyer: PartyValues;
  signedOn?: Dayjs;
  validity?: [Dayjs, Dayjs];
  /** 元 as typed: converted to 分 on its digits. */
  contractAmount: string;
  technologyAmount: string;
  paymentMethod?: string;
  patents: Array<{ kind: 'patent' | 'application'; number: string }>;
  expectedInvestment?: string;
  expectedOutput?: string;
  technologyField?: string;
  dealId?: string;
}

const DATE = 'YYYY-MM-DD';
const optionalFen = (text: string | undefined) => (text && text.trim() ? parseYuanToFen(text) : null);

/** Server field paths onto the form's fields. */
const remap = (p: NamePath): NamePath => {
  if (p[0] === 'contractAmountFen') return ['contractAmount'];
  if (p[0] === 'technologyAmountFen') return ['technologyAmount'];
  if (p[0] === 'expectedInvestmentFen') return ['expectedInvestment'];
  if (p[0] === 'expectedOutputFen') return ['expectedOutput'];
  if (p[0] === 'validFrom' || p[0] === 'validUntil') return ['validity'];
  return p;
};

function toInput(v: Values): ContractInput {
  const party = (x: PartyValues) => ({
    name: x.name.trim(),
    creditCode: x.creditCode.trim().toUpperCase(),
    regionCode: x.regionCode ?? '',
    natureCode: (x.natureCode ?? '') as ContractInput['buyer']['natureCode'],
  });
  const transfer = carriesEconomics(v.contractType);
  return {
    projectName: v.projectName.trim(),
    contractType: (v.contractType ?? '') as ContractInput['contractType'],
    seller: party(v.seller),
    buyer: party(v.buyer),
    signedOn: v.signedOn!.format(DATE),
    validFrom: v.validity![0].format(DATE),
    validUntil: v.validity![1].format(DATE),
    contractAmountFen: parseYuanToFen(v.contractAmount)!,
    technologyAmountFen: parseYuanToFen(v.technologyAmount)!,
    paymentMethod: (v.paymentMethod ?? '') as ContractInput['paymentMethod'],
    patents: (v.patents ?? []).map((p) => ({ kind: p.kind, number: p.number.trim().toUpperCase() })),
    expectedInvestmentFen: transfer ? optionalFen(v.expectedInvestment) : null,
    expectedOutputFen: transfer ? optionalFen(v.expectedOutput) : null,
    technologyField: (v.technologyField ?? null) as ContractInput['technologyField'],
    dealId: v.dealId ?? null,
  };
}

function toValues(c: ContractDetail): Values {
  const party = (x: ContractDetail['buyer']): PartyValues => ({
    name: x.name,
    creditCode: x.creditCode,
    regionCode: x.regionCode,
    natureCode: x.natureCode,
  });
  return {
    projectName: c.projectName,
    contractType: c.contractType,
    seller: party(c.seller),
    buyer: party(c.buyer),
    signedOn: dayjs(c.signedOn),
    validity: [dayjs(c.validFrom), dayjs(c.validUntil)],
    contractAmount: fenToYuanInput(c.contractAmountFen),
    technologyAmount: fenToYuanInput(c.technologyAmountFen),
    paymentMethod: c.paymentMethod,
    patents: c.patents.map((p) => ({ kind: p.kind, number: p.display })),
    expectedInvestment: c.expectedInvestmentFen != null ? fenToYuanInput(c.expectedInvestmentFen) : undefined,
    expectedOutput: c.expectedOutputFen != null ? fenToYuanInput(c.expectedOutputFen) : undefined,
    technologyField: c.technologyField ?? undefined,
    dealId: c.dealId ?? undefined,
  };
}

/** An amount in 元 with at most two decimals; `label` words the messages. */
const yuanRules = (label: string, required: boolean) => [
  ...(required ? [rules.required(label)] : []),
  { pattern: YUAN_PATTERN, message: `${label}请输入金额（元），最多两位小数，如 1200000 或 35000.50` },
];

/**
 * 技术合同登记 form: a new registration, a draft or a returned one (补正) — and 申请变更 of a
 * registered contract (`/contracts/:id/change`), which saves as a new draft version in the same
 * lineage instead of touching the registered one.
 */
export default function ContractForm({ mode = 'edit' }: { mode?: 'edit' | 'change' }) {
  const { id } = useParams();
  const editing = !!id;
  const changing = mode === 'change';
  const navigate = useNavigate();
  const user = useUser();
  const meta = useMeta();
  const qc = useQueryClient();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [unmatched, setUnmatched] = useState<ValidationDetail[]>([]);
  const [pdf, setPdf] = useState<File | null>(null);
  const [pdfError, setPdfError] = useState<string | null>(null);
  /** Submitted: the page is on its way to the detail, so the now read-only state is not announced here. */
  const [leaving, setLeaving] = useState(false);
  const dirty = useRef(false);
  useUnsavedChangesPrompt(dirty);

  const loaded = useQuery({ queryKey: contractsKeys.detail(id ?? ''), queryFn: () => contractsApi.get(id!), enabled: editing, gcTime: 0 });
  const c = loaded.data;
  useEffect(() => {
    if (!c) return;
    form.setFieldsValue(toValues(c));
    dirty.current = false;
  }, [c, form]);

  const contractType = Form.useWatch('contractType', form);
  const contractAmount = Form.useWatch('contractAmount', form) as string | undefined;
  const technologyAmount = Form.useWatch('technologyAmount', form) as string | undefined;
  const contractFen = parseYuanToFen(contractAmount);
  const technologyFen = parseYuanToFen(technologyAmount);
  const transfer = carriesEconomics(contractType);
  // A change starts without the registered version's PDF: the amended contract is signed anew.
  const hasPdf = !!pdf || (!changing && (c?.attachments.length ?? 0) > 0);
  const submitAction = !changing && c?.status === 'returned' ? 'resubmit' : 'submit';

  const save = async (v: Values): Promise<ContractDetail | null> => {
    setError(null);
    setUnmatched([]);
    try {
      const input = toInput(v);
      let saved = changing
        ? await contractsApi.change(id!, input)
        : id
          ? await contractsApi.update(id, input, c?.version)
          : await contractsApi.create(input);
      dirty.current = false;
      void qc.invalidateQueries({ queryKey: contractsKeys.all });
      if (pdf) {
        try {
          await contractsApi.uploadPdf(saved.id, pdf);
        } catch (e) {
          // The content is saved (a new draft may exist now): continue on it rather than create another.
          void message.error(`登记内容已保存，但合同文本上传失败：${errorMessage(e)}`);
          if (!id || changing) void navigate(`/contracts/${saved.id}/edit`, { replace: true });
          else void loaded.refetch();
          return null;
        }
        setPdf(null);
        saved = await contractsApi.get(saved.id);
      }
      qc.setQueryData(contractsKeys.detail(saved.id), saved);
      return saved;
    } catch (e) {
      const rest = applyServerErrors(form, e, {
        remap,
        codeFields: { CONTRACT_AMOUNT: ['technologyAmount'] },
      });
      if (rest === null) setError(errorMessage(e));
      else setUnmatched(rest);
      return null;
    }
  };

  const onSave = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy('save');
    const saved = await save(v);
    setBusy(null);
    if (saved) {
      void message.success(changing ? '已创建变更登记草稿' : '草稿已保存');
      // A new registration or a change is from now on the draft (version) being edited.
      if (!id || changing) void navigate(`/contracts/${saved.id}/edit`, { replace: true });
    }
  };

  const onSubmit = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    if (!hasPdf) {
      setPdfError('提交登记前请上传双方签章的合同文本（PDF）');
      return;
    }
    modal.confirm({
      title: submitAction === 'resubmit' ? '补正后重新提交登记？' : '提交技术合同登记？',
      content: '提交后由技术合同登记机构审查，审查期间不能修改；法定办结时限自提交之日起按工作日计算。',
      okText: '确认提交',
      cancelText: '再检查一下',
      okButtonProps: { 'data-testid': 'confirm-ok' },
      onOk: async () => {
        setBusy('submit');
        try {
          const saved = await save(v);
          if (!saved) return;
          try {
            await contractsApi.transition(saved.id, submitAction);
          } catch (e) {
            void message.error(`已保存，但未能提交：${errorMessage(e)}`);
            if (!id || changing) void navigate(`/contracts/${saved.id}/edit`, { replace: true });
            else void loaded.refetch();
            return;
          }
          setLeaving(true);
          void qc.invalidateQueries({ queryKey: contractsKeys.all });
          void message.success('已提交登记，等待登记机构受理');
          void navigate(`/contracts/${saved.id}`);
        } finally {
          setBusy(null);
        }
      },
    });
  };

  if (editing && loaded.isLoading) return <FullPageSpin />;
  if (editing && !c) return <LoadError error={loaded.error} onRetry={() => void loaded.refetch()} />;
  if (leaving) return <FullPageSpin />;
  if (c && (changing ? !c.canChange : !c.canEdit)) {
    return (
      <div>
        <PageHeader title="技术合同登记" />
        <Alert
          type="warning"
          showIcon
          title={changing ? '该合同当前不能申请变更' : '当前状态不能修改'}
          description={
            changing ? '只有已登记的现行版本、且没有其他变更或注销正在办理时，才能申请变更。' : '只有草稿和退回补正的登记可以修改。'
          }
        />
      </div>
    );
  }

  const title = changing
    ? '申请变更登记'
    : c
      ? c.kind === 'original'
        ? '修改登记'
        : `修改${CONTRACT_KIND_LABELS[c.kind]}`
      : '新建技术合同登记';
  return (
    <div>
      <PageHeader title={title} sub="卖方（技术提供方）填写并提交，登记机构审查后予以登记。金额单位为元，最多两位小数。" />
      {changing && c && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`变更登记编号 ${c.registrationNo ?? ''} 的合同`}
          description="变更登记是一个新的版本：已登记的版本保持不变，变更经登记机构登记后取代它。请修改变更的内容，并上传双方签章的变更协议（PDF）。"
          data-testid="contract-change-notice"
        />
      )}
      {!changing && c?.status === 'returned' && c.statusReason && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="登记机构要求补正"
          description={c.statusReason}
          data-testid="contract-return-reason"
        />
      )}
      {c?.kind === 'cancellation' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="注销登记"
          description="这是对已登记合同的注销申请。请上传双方解除（终止）合同的协议，提交后由登记机构审查。"
        />
      )}
      {error && (
        <Alert type="error" showIcon title="保存失败" description={error} style={{ marginBottom: 16 }} data-testid="contract-form-error" />
      )}
      {unmatched.length > 0 && (
        <Alert
          type="error"
          showIcon
          title="请修改以下内容"
          description={unmatched.map((d) => d.message).join('；')}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        scrollToFirstError={{ block: 'center' }}
        onValuesChange={() => {
          dirty.current = true;
        }}
        initialValues={{ seller: { name: user.organization.name, creditCode: '' }, buyer: { name: '', creditCode: '' }, patents: [] }}
        data-testid="contract-form"
      >
        <Card title="合同基本信息" style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="projectName" label="项目名称" rules={[rules.required('项目名称')]}>
                <Input maxLength={200} showCount data-testid="contract-field-projectName" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="contractType" label="合同类型" rules={[rules.choose('合同类型')]}>
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  placeholder="选择合同类型"
                  options={CONTRACT_TYPE_GROUPS}
                  data-testid="contract-field-contractType"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="signedOn" label="签订日期" rules={[rules.choose('签订日期')]}>
                <DatePicker
                  style={{ width: '100%' }}
                  disabledDate={(d) => d.isAfter(dayjs(), 'day')}
                  data-testid="contract-field-signedOn"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="validity" label="合同有效期" rules={[rules.choose('合同有效期')]}>
                <DatePicker.RangePicker
                  style={{ width: '100%' }}
                  placeholder={['起始日期', '终止日期']}
                  data-testid="contract-field-validity"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="paymentMethod" label="支付方式" rules={[rules.choose('支付方式')]}>
                <Select placeholder="选择支付方式" options={PAYMENT_METHOD_OPTIONS} data-testid="contract-field-paymentMethod" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="technologyField" label="技术领域" rules={[rules.choose('技术领域')]}>
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  placeholder="选择技术领域"
                  loading={meta.loading}
                  options={meta.techFieldOptions}
                  data-testid="contract-field-technologyField"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <DealSelect />
            </Col>
          </Row>
        </Card>
        <PartyFields side="seller" title="卖方（技术提供方）" />
        <PartyFields side="buyer" title="买方（技术受让方、委托方）" />
        <Card title="金额" style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name="contractAmount"
                label="合同成交额（元）"
                extra={contractFen !== null ? fenToWanHint(contractFen) : undefined}
                rules={yuanRules('合同成交额', true)}
              >
                <Input inputMode="decimal" suffix="元" data-testid="contract-field-contractAmount" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="technologyAmount"
                label="技术交易额（元）"
                dependencies={['contractAmount']}
                extra={
                  technologyFen !== null ? (
                    <span data-testid="contract-amount-rule">
                      {fenToWanHint(technologyFen)}
                      {contractFen !== null &&
                        (technologyFen <= contractFen ? (
                          <Typography.Text type="success">，不超过合同成交额</Typography.Text>
                        ) : (
                          <Typography.Text type="danger">，超过了合同成交额</Typography.Text>
                        ))}
                    </span>
                  ) : (
                    '技术交易额不得超过合同成交额'
                  )
                }
                rules={[
                  ...yuanRules('技术交易额', true),
                  ({ getFieldValue }) => ({
                    validator: (_r, v: string | undefined) => {
                      const t = parseYuanToFen(v);
                      const total = parseYuanToFen(getFieldValue('contractAmount') as string | undefined);
                      return t !== null && total !== null && t > total
                        ? Promise.reject(new Error('技术交易额不得超过合同成交额'))
                        : Promise.resolve();
                    },
                  }),
                ]}
              >
                <Input inputMode="decimal" suffix="元" data-testid="contract-field-technologyAmount" />
              </Form.Item>
            </Col>
            {transfer && (
              <>
                <Col xs={24} md={12}>
                  <Form.Item name="expectedInvestment" label="预计新增投资（元，可不填）" rules={yuanRules('预计新增投资', false)}>
                    <Input inputMode="decimal" suffix="元" data-testid="contract-field-expectedInvestment" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name="expectedOutput" label="预计新增产值（元，可不填）" rules={yuanRules('预计新增产值', false)}>
                    <Input inputMode="decimal" suffix="元" data-testid="contract-field-expectedOutput" />
                  </Form.Item>
                </Col>
              </>
            )}
          </Row>
        </Card>
        <Card title="涉及专利" style={{ marginBottom: 16 }}>
          <Typography.Paragraph type="secondary">
            填写合同涉及的中国专利号（如 ZL201910123456.X）或专利申请号（如 201910123456.X），系统按校验位核对。不涉及专利可不填。
          </Typography.Paragraph>
          <Form.List
            name="patents"
            rules={[
              {
                validator: async (_r, list: unknown[] | undefined) => {
                  if (needsPatents(form.getFieldValue('contractType') as string | undefined) && !(list ?? []).length) {
                    throw new Error('专利权转让、专利申请权转让和专利实施许可合同须填写涉及的专利');
                  }
                },
              },
            ]}
          >
            {(fields, { add, remove }, { errors }) => (
              <>
                {fields.map((f) => (
                  <Row gutter={8} key={f.key} align="top" data-testid={`contract-patent-${f.name}`}>
                    <Col xs={8} md={5}>
                      <Form.Item name={[f.name, 'kind']} rules={[rules.choose('类别')]}>
                        <Select
                          options={Object.entries(PATENT_KIND_LABELS).map(([value, label]) => ({ value, label }))}
                          aria-label="类别"
                          data-testid={`contract-field-patents-${f.name}-kind`}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={14} md={10}>
                      <Form.Item
                        name={[f.name, 'number']}
                        normalize={(v: string) => v?.toUpperCase()}
                        rules={[
                          rules.required('专利号或申请号'),
                          {
                            validator: (_r, v: string | undefined) => {
                              const p = v && v.trim() ? patentProblem(v) : null;
                              return p ? Promise.reject(new Error(p)) : Promise.resolve();
                            },
                          },
                        ]}
                      >
                        <Input
                          placeholder="ZL201910123456.X"
                          aria-label="专利号或申请号"
                          style={{ fontFamily: 'monospace' }}
                          data-testid={`contract-field-patents-${f.name}-number`}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={2} md={1}>
                      <Button type="text" icon={<DeleteOutlined />} aria-label="删除专利" onClick={() => remove(f.name)} />
                    </Col>
                  </Row>
                ))}
                <Form.ErrorList errors={errors} />
                <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'patent', number: '' })} data-testid="contract-patent-add">
                  添加专利
                </Button>
              </>
            )}
          </Form.List>
        </Card>
        <Card title="合同文本" style={{ marginBottom: 16 }}>
          <Form.Item
            label="双方签章的合同文本（PDF）"
            required
            validateStatus={pdfError ? 'error' : undefined}
            help={pdfError ?? PDF_SIZE_HINT}
          >
            {(changing ? [] : (c?.attachments ?? [])).map((a) => (
              <div key={a.id} style={{ marginBottom: 8 }}>
                <PaperClipOutlined />{' '}
                <a href={attachmentHref(c!.id, a)} target="_blank" rel="noopener noreferrer">
                  {a.filename}
                </a>{' '}
                <Typography.Text type="secondary">（已上传）</Typography.Text>
              </div>
            ))}
            <Upload.Dragger
              accept={PDF_ACCEPT}
              maxCount={1}
              beforeUpload={(f) => {
                const problem = pdfProblem(f);
                setPdfError(problem);
                if (!problem) {
                  setPdf(f);
                  dirty.current = true;
                }
                return false;
              }}
              onRemove={() => setPdf(null)}
              fileList={pdf ? [{ uid: 'contract-pdf', name: pdf.name, status: 'done', size: pdf.size }] : []}
              data-testid="contract-field-pdf"
            >
              <p style={{ fontSize: 28, margin: 0, color: '#1456c6' }}>
                <InboxOutlined />
              </p>
              <p>{c?.attachments.length ? '点击或拖拽以上传新的合同文本' : '点击或拖拽 PDF 文件到此处'}</p>
            </Upload.Dragger>
          </Form.Item>
        </Card>
        <Flex gap={8} wrap>
          <Button
            type="primary"
            loading={busy === 'submit'}
            disabled={busy !== null}
            onClick={() => void onSubmit()}
            data-testid="contract-submit"
          >
            {submitAction === 'resubmit' ? '补正后重新提交' : '提交登记'}
          </Button>
          <Button loading={busy === 'save'} disabled={busy !== null} onClick={() => void onSave()} data-testid="contract-save">
            保存草稿
          </Button>
          <Button onClick={() => void navigate(id ? `/contracts/${id}` : '/contracts')}>返回</Button>
        </Flex>
      </Form>
    </div>
  );
}

/** 关联对接项目 (optional): the deal this contract concludes; registering it then marks the deal's need as awarded. */
function DealSelect() {
  const deals = useQuery({ queryKey: contractsKeys.deals, queryFn: contractsApi.dealChoices, retry: false });
  return (
    <Form.Item
      name="dealId"
      label="关联对接项目（可选）"
      extra={deals.error ? '对接项目暂时无法加载，可稍后再关联' : '由平台对接促成的合同，请关联对应的对接项目。'}
    >
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        loading={deals.isLoading}
        placeholder={deals.data?.length === 0 ? '暂无可关联的对接项目' : '选择对接项目'}
        options={(deals.data ?? []).map((d) => ({ value: d.id, label: `${d.code} ${d.title}` }))}
        data-testid="contract-field-dealId"
      />
    </Form.Item>
  );
}
