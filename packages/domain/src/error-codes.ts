/**
 * Every error code the API answers with, by feature, with what it means in Chinese. Written once:
 * `DomainError` and the HTTP layer accept only these codes (the type checker refuses any other),
 * the contract re-exports the catalogue, and the web can tell a code apart without a copy.
 * Zod-free, so the browser can load it.
 */
export const ERROR_CODES = {
  common: {
    VALIDATION_FAILED: '提交的内容不符合要求',
    BAD_REQUEST: '请求格式不正确',
    INVALID_CHARACTERS: '内容含有不允许的字符',
    BODY_TOO_LARGE: '提交的内容过大',
    NOT_FOUND: '对象不存在或无权访问',
    FORBIDDEN: '无权执行此操作',
    UNAUTHENTICATED: '请先登录',
    CSRF_INVALID: '页面已过期，请刷新后重试',
    RATE_LIMITED: '操作过于频繁，请稍后再试',
    CONFLICT: '数据已被他人修改，请刷新后重试',
    ILLEGAL_TRANSITION: '当前状态下不能执行此操作',
    REASON_REQUIRED: '此操作须填写原因',
    UNKNOWN_ACTION: '未知的操作',
    ORGANIZATION_NOT_APPROVED: '单位尚未通过审核',
    INTERNAL_ERROR: '服务器内部错误',
  },
  auth: {
    INVALID_CREDENTIALS: '邮箱或密码不正确',
    WRONG_PASSWORD: '当前密码不正确',
    PASSWORD_UNCHANGED: '新密码不能与当前密码相同',
    PASSWORD_CHANGE_THROTTLED: '修改密码尝试过多，请稍后再试',
    OPERATOR_EXISTS: '平台运营账号已存在',
  },
  organizations: {
    CREDIT_CODE_TAKEN: '该统一社会信用代码已注册',
    EMAIL_TAKEN: '该邮箱已注册',
    LICENCE_LOCKED: '机构审核已完成，不能再上传营业执照',
    TOO_MANY_LICENCES: '营业执照上传次数已达上限',
    QUALIFICATION_EXISTS: '该资质已登记',
  },
  calls: {
    CALL_NOT_EDITABLE: '征集已开始，不能修改',
    CALL_WINDOW_PASSED: '征集时间已过',
    CALL_NOT_OPEN: '该征集未开放填报',
    CALL_NOT_REVIEWING: '征集不在评审阶段',
  },
  challenges: {
    CHALLENGE_NOT_EDITABLE: '榜单当前状态不能修改',
    SOURCE_NEED_INVALID: '来源需求须为本单位已发布的场景需求',
  },
  applications: {
    APPLICATION_DEADLINE_PASSED: '已过申报截止时间，不能再提交或撤回申报',
    CHALLENGE_NOT_ACCEPTING: '该榜单当前不接受申报',
    OWN_CHALLENGE: '不能揭本单位发布的榜单',
    APPLICATION_PARTICIPATION_EXISTS: '该单位已参与此榜单的另一份申报（牵头或联合体成员）',
    APPLICATION_NOT_EDITABLE: '申报已提交，不能修改',
    CONSORTIUM_NOT_CONFIRMED: '联合体成员尚未全部确认，不能提交',
    NOT_ELIGIBLE: '不符合揭榜条件',
  },
  applicationReview: {
    CHALLENGE_NOT_UNDER_REVIEW: '榜单不在评审阶段',
    TOO_MANY_WINNERS: '拟中榜数量超过榜单允许的中榜数',
    REWARD_EXCEEDED: '拟中榜报价合计超过榜单奖励总额',
    AWARD_PUBLICITY_STARTED: '中榜公示已开始，不能撤回拟中榜',
    DEFENCE_SLOT_TIME_INVALID: '结束时间须晚于开始时间',
    DEFENCE_SLOT_IN_PAST: '答辩时间须晚于当前时间',
    DEFENCE_SLOT_APPLICATION_TAKEN: '该申报已安排在另一场答辩中',
    DEFENCE_SLOT_ROOM_TAKEN: '该会议室在此时间段已有答辩',
    DEFENCE_SLOT_PLACE_REQUIRED: '请填写答辩地点或线上会议链接',
  },
  awardDelivery: {
    AWARD_NOT_ACTIVE: '任务书已结束，不能再操作',
    MILESTONE_OUT_OF_ORDER: '须先通过上一个里程碑的验收',
    MILESTONE_NOT_SUBMITTED: '该里程碑没有待验收的交付',
    MILESTONE_NOT_PASSED: '只能对已通过验收的里程碑付款',
    ACCEPTOR_NOT_A_REVIEWER: '只能指派具有评审专家角色的用户',
    ACCEPTANCE_ALREADY_RECORDED: '本轮验收意见已登记',
    PAYMENT_EXCEEDS_MILESTONE: '付款金额超过该里程碑未付金额',
    PAYMENT_EXCEEDS_AWARD: '付款合计将超过中榜金额',
    NOT_HORSE_RACE: '只有赛马制榜单可以淘汰',
    CHECKPOINT_NOT_CONCLUDED: '须在检查点里程碑验收结束后淘汰',
  },
  awards: {
    NO_PROPOSED_WINNERS: '尚无拟中榜的申报，不能发起中榜公示',
    AWARD_PROPOSALS_CHANGED: '拟中榜单位已变化，请取消该公示草稿后重新发起',
  },
  submissions: {
    NOT_EDITABLE: '当前状态不能修改',
    FILE_REQUIRED: '请选择文件',
    MULTIPART_REQUIRED: '请以文件上传方式提交',
    EMPTY_FILE: '文件为空',
    FILE_TOO_LARGE: '文件过大',
    UNSUPPORTED_FILE_TYPE: '不支持的文件类型',
    TOO_MANY_ATTACHMENTS: '附件数量已达上限',
    ARCHIVE_TOO_LARGE: '文件解压后过大',
    INVALID_ARCHIVE: '文件已损坏或格式异常',
  },
  policyMeasures: {
    POLICY_WITHDRAWN: '政策已撤回，不能再修改',
    CALCULATOR_NOT_CONFIRMED: '测算器尚未经运营方确认',
  },
  policyDocuments: {
    POLICY_NO_TEXT_LAYER: '文件中没有可读取的文字（可能是扫描件）',
    POLICY_TEXT_TOO_LONG: '文件文字过多',
    INVALID_DOCUMENT: '文件已损坏或无法读取',
  },
  imports: {
    INVALID_WORKBOOK: '无法读取该 Excel 文件',
    TOO_MANY_ROWS: '行数超过上限',
    FILE_TOO_COMPLEX: '文件过于复杂，无法读取',
    IMPORT_TIMEOUT: '文件读取超时',
    IMPORT_BUSY: '导入任务繁忙，请稍后再试',
    IMPORT_HAS_ERRORS: '有错误的行，未导入',
  },
  review: {
    NOT_IN_REVIEW: '该项目不在评审中',
    NO_REVIEWERS: '没有可分配的评审专家',
    ALREADY_ASSIGNED: '已分配给该专家',
    CONFLICT_OF_INTEREST: '该专家需回避',
    INCOMPLETE_SCORES: '评分不完整',
    INVALID_SCORE: '评分超出范围',
    UNKNOWN_CRITERION: '未知的评分指标',
    INVALID_K: '每项评审专家人数不正确',
    DUPLICATE_ID: '重复的编号',
  },
  publication: {
    NOTHING_SELECTED: '没有已入选的项目可发布',
    BATCH_NUMBER_TAKEN: '该批次号已使用',
    EXPORT_TOO_LARGE: '导出的条目过多，请缩小筛选范围',
  },
  search: {
    RESULT_WINDOW_EXCEEDED: '超出可翻阅的结果范围',
  },
  matching: {
    NOT_A_PARTY: '不是该意向的当事方',
    INVALID_PAIR: '只能在需求与能力之间表达意向',
    SAME_ORGANIZATION: '不能向本单位的条目表达意向',
  },
  quality: {
    INVALID_MERGE: '不能合并这些项目',
  },
  subscriptions: {
    SUBSCRIPTION_LIMIT: '订阅数量已达上限',
    PROFILE_ITEMS_INVALID: '订阅的条目不正确',
    UNSUBSCRIBE_LINK_INVALID: '退订链接无效或已过期',
  },
  vocabulary: {
    TERM_EXISTS: '该词条已存在',
  },
  eligibility: {
    ELIGIBILITY_OVERRIDE_EXISTS: '该机构在此揭榜任务上已有人工复核记录',
  },
  calendar: {
    CALENDAR_YEAR_MISSING: '该年度的工作日历尚未维护',
  },
  publicity: {
    PUBLICITY_WINDOW_CLOSED: '不在公示期内，不能提出异议',
    PUBLICITY_NOT_FINAL: '评审结果正在公示，公示结束且无待处理异议后方可发文公布',
    PUBLICITY_EXISTS: '该事项已有尚未结束的公示',
    PUBLICITY_NOTHING_TO_PUBLICISE: '没有可公示的条目',
    PUBLICITY_ITEM_NOT_PUBLICISED: '有入选项目尚未经过公示',
    OBJECTION_ITEM_REVOKED: '该条目已被撤销，不能再提出异议',
  },
  contracts: {
    CONTRACT_AMOUNT: '技术交易额不能超过合同成交额',
    CONTRACT_NOT_EDITABLE: '合同登记已提交，不能修改',
    CONTRACT_PDF_REQUIRED: '请先上传已签署的合同文本（PDF）',
    CONTRACT_NOT_CURRENT: '只能对当前有效的已登记合同办理变更或注销',
    CONTRACT_VERSION_PENDING: '该合同已有尚未办结的变更或注销登记',
    CONTRACT_LINK_INVALID: '关联的对接项目或需求不正确',
  },
  deals: {
    DEAL_EXISTS: '该需求与能力之间已有对接项目',
    DEAL_CLOSED: '对接项目已签约或终止，不能再修改',
    DEAL_ALREADY_CLAIMED: '该对接项目已有技术经理人',
    NOT_A_BROKER: '所选用户不是技术经理人',
    INTEREST_NOT_RECIPIENT: '只有收到意向的一方可以接受或谢绝',
  },
  policyMatching: {
    POLICY_NOT_PUBLISHED: '政策尚未发布或已撤回',
    MEASURE_HAS_NO_CONDITIONS: '该措施尚未设置可比对的条件',
  },
} as const;

type Catalogue = typeof ERROR_CODES;
export type ErrorCode = { [F in keyof Catalogue]: keyof Catalogue[F] }[keyof Catalogue];

/** The Chinese meaning of a code, for a client that has no message of its own. */
export const ERROR_MEANINGS: Readonly<Record<ErrorCode, string>> = Object.assign({}, ...Object.values(ERROR_CODES));
