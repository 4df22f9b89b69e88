import { DeleteOutlined, FileProtectOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Divider, Flex, Form, Input, Result, Row, Select, Space, Typography, Upload } from 'antd';
import { TEXT_MAX } from '@scenebridge/contract/forms';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../shared/http';
import { authApi, type RegistrationInput } from './api';
import { useAuth } from './auth';
import { organizationsApi } from '../organizations/api';
import {
  LICENCE_RETRY_PLACE,
  licenceRetryText,
  sendLicenceAfterRegistration,
  type LicenceOutcome,
} from '../organizations/licence-after-registration';
import { LICENCE_ACCEPT, LICENCE_HINT, licenceProblem } from '../organizations/licence-check';
import { LinkButton } from '../../shared/components/LinkButton';
import { applyServerErrors } from '../../shared/formErrors';
import { useMeta } from '../../shared/meta';
import { rules } from '../../shared/validators';
import type { ValidationDetail } from '../../shared/types';

interface Values extends RegistrationInput {
  passwordConfirm: string;
}

export default function Register() {
  const [form] = Form.useForm<Values>();
  const meta = useMeta();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [unmatched, setUnmatched] = useState<ValidationDetail[]>([]);
  const [done, setDone] = useState<{ name: string; email: string; licence: LicenceOutcome } | null>(null);
  const { login } = useAuth();
  /** The business licence chosen here, sent right after the registration succeeds. */
  const [licence, setLicence] = useState<File | null>(null);
  const [licenceError, setLicenceError] = useState<string | null>(null);

  const onFinish = async (v: Values) => {
    setBusy(true);
    setError(null);
    setUnmatched([]);
    const input: RegistrationInput = {
      name: v.name.trim(),
      creditCode: v.creditCode.trim().toUpperCase(),
      kind: v.kind,
      regionCode: v.regionCode,
      address: v.address?.trim() || undefined,
      contactName: v.contactName.trim(),
      contactPhone: v.contactPhone.trim(),
      admin: { email: v.admin.email.trim(), displayName: v.admin.displayName.trim(), password: v.admin.password },
    };
    let registered: Awaited<ReturnType<typeof authApi.register>>;
    try {
      registered = await authApi.register(input);
    } catch (e) {
      const rest = applyServerErrors(form, e, {
        codeFields: { CREDIT_CODE_TAKEN: ['creditCode'], EMAIL_TAKEN: ['admin', 'email'], INVALID_CREDIT_CODE: ['creditCode'] },
      });
      if (rest === null) setError(errorMessage(e));
      else setUnmatched(rest);
      setBusy(false);
      return;
    }
    // Registered: whatever happens to the licence now, the registration stands.
    const outcome = await sendLicenceAfterRegistration({
      file: licence,
      organizationId: registered.organization.id,
      signIn: () => login(input.admin.email, input.admin.password),
      upload: organizationsApi.uploadLicence,
    });
    setDone({ name: input.name, email: input.admin.email, licence: outcome });
    setBusy(false);
  };

  if (done) {
    const l = done.licence;
    // With a licence chosen the new admin was signed in to send it (unless that failed).
    const signedIn = l.status === 'uploaded' || (l.status === 'failed' && l.signedIn);
    return (
      <Flex justify="center" style={{ padding: 48 }}>
        <Card style={{ width: 640, maxWidth: '100%' }}>
          <Result
            status={l.status === 'failed' ? 'warning' : 'success'}
            title="注册成功，等待运营方审核"
            subTitle={`「${done.name}」的注册信息已提交。审核通过前，管理员账号 ${done.email} 可以登录查看进度，但暂不能填报。`}
            extra={
              signedIn ? (
                <LinkButton to="/" type="primary" data-testid="register-go-home">
                  {l.status === 'failed' ? '进入工作台重新上传营业执照' : '进入工作台'}
                </LinkButton>
              ) : (
                <LinkButton to="/login" type="primary" data-testid="register-go-login">
                  前往登录
                </LinkButton>
              )
            }
            data-testid="register-success"
          >
            {l.status === 'uploaded' && (
              <Alert
                type="success"
                showIcon
                title={`营业执照「${l.filename}」已上传`}
                description="运营方审核时将查看。审核前如需更换，可在工作台首页重新上传。"
                data-testid="register-licence-uploaded"
              />
            )}
            {l.status === 'failed' && (
              <Alert
                type="error"
                showIcon
                title="营业执照未能上传"
                description={licenceRetryText(l)}
                data-testid="register-licence-failed"
              />
            )}
            {l.status === 'none' && (
              <Alert
                type="info"
                showIcon
                title="尚未上传营业执照"
                description={`运营方审核时需要查看营业执照，请登录后在${LICENCE_RETRY_PLACE}上传。`}
                data-testid="register-licence-none"
              />
            )}
          </Result>
        </Card>
      </Flex>
    );
  }

  return (
    <Flex justify="center" style={{ padding: '32px 16px' }}>
      <Card style={{ width: 760, maxWidth: '100%' }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          机构注册
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          政府部门、企业、高校、科研院所、医院、园区等单位均可注册。注册后由运营方审核，审核通过即可参与场景征集。
        </Typography.Paragraph>
        {meta.error && <Alert type="warning" showIcon title={meta.error} style={{ marginBottom: 16 }} />}
        {error && (
          <Alert type="error" showIcon title="注册失败" description={error} style={{ marginBottom: 16 }} data-testid="register-error" />
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
        <Form<Values> form={form} layout="vertical" onFinish={(v) => void onFinish(v)} scrollToFirstError>
          <Divider titlePlacement="start">机构信息</Divider>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item label="机构名称" name="name" rules={[rules.required('机构名称'), rules.length('机构名称', 'organizationName')]}>
                <Input maxLength={100} data-testid="register-name" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                label="统一社会信用代码"
                name="creditCode"
                rules={[rules.required('统一社会信用代码'), rules.creditCode()]}
                normalize={(v: string) => v.toUpperCase().replace(/\s/g, '')}
                extra="18位，见营业执照或事业单位法人证书"
              >
                <Input maxLength={18} showCount data-testid="register-credit-code" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="机构类型" name="kind" rules={[rules.choose('机构类型')]}>
                <Select options={meta.kindOptions} placeholder="请选择" data-testid="register-kind" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="所在地区" name="regionCode" rules={[rules.choose('所在地区')]}>
                <Select
                  options={meta.regionOptions}
                  placeholder="请选择"
                  showSearch={{ optionFilterProp: 'label' }}
                  data-testid="register-region"
                />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item label="通讯地址" name="address" rules={[rules.maxLength('地址', 'address')]}>
                <Input maxLength={TEXT_MAX.address} data-testid="register-address" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="联系人" name="contactName" rules={[rules.required('联系人'), rules.length('联系人', 'personName')]}>
                <Input maxLength={30} data-testid="register-contact-name" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="联系电话" name="contactPhone" rules={[rules.required('联系电话'), rules.phone()]}>
                <Input maxLength={20} data-testid="register-contact-phone" />
              </Form.Item>
            </Col>
          </Row>
          <Divider titlePlacement="start">管理员账号</Divider>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item label="管理员邮箱" name={['admin', 'email']} rules={[rules.required('管理员邮箱'), rules.email()]}>
                <Input autoComplete="email" data-testid="register-admin-email" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                label="管理员姓名"
                name={['admin', 'displayName']}
                rules={[rules.required('管理员姓名'), rules.length('姓名', 'personName')]}
              >
                <Input maxLength={30} data-testid="register-admin-name" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                label="登录密码"
                name={['admin', 'password']}
                rules={[rules.required('登录密码'), rules.password()]}
                extra="至少10位，须同时包含字母和数字；不能是常见或易猜的密码，不能包含邮箱用户名"
              >
                <Input.Password autoComplete="new-password" data-testid="register-admin-password" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                label="确认密码"
                name="passwordConfirm"
                dependencies={[['admin', 'password']]}
                rules={[
                  rules.required('确认密码', '请再次输入'),
                  ({ getFieldValue }) => ({
                    validator: (_r, v: unknown) =>
                      !v || v === getFieldValue(['admin', 'password'])
                        ? Promise.resolve()
                        : Promise.reject(new Error('两次输入的密码不一致')),
                  }),
                ]}
              >
                <Input.Password autoComplete="new-password" data-testid="register-admin-password-confirm" />
              </Form.Item>
            </Col>
          </Row>
          <Divider titlePlacement="start">营业执照</Divider>
          <Form.Item
            label="营业执照（或事业单位法人证书）扫描件"
            extra={`${LICENCE_HINT}。注册成功后随即上传，运营方审核时查看；暂未准备好也可注册后在工作台首页上传。`}
          >
            <Space orientation="vertical" size={4}>
              <Upload
                accept={LICENCE_ACCEPT}
                showUploadList={false}
                multiple={false}
                beforeUpload={(file) => {
                  const problem = licenceProblem(file);
                  setLicenceError(problem);
                  if (!problem) setLicence(file);
                  return false;
                }}
                data-testid="register-licence-input"
              >
                <Button icon={<UploadOutlined />} data-testid="register-licence">
                  {licence ? '更换文件' : '选择文件'}
                </Button>
              </Upload>
              {licence && (
                <Space data-testid="register-licence-chosen">
                  <FileProtectOutlined />
                  <span>{licence.name}</span>
                  <Button
                    size="small"
                    type="text"
                    icon={<DeleteOutlined />}
                    aria-label="移除所选营业执照"
                    onClick={() => setLicence(null)}
                  />
                </Space>
              )}
              {licenceError && (
                <Typography.Text type="danger" data-testid="register-licence-error">
                  {licenceError}
                </Typography.Text>
              )}
            </Space>
          </Form.Item>
          <Flex justify="space-between" align="center">
            <Link to="/login">已有账号，去登录</Link>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="register-submit">
              提交注册
            </Button>
          </Flex>
        </Form>
      </Card>
    </Flex>
  );
}
