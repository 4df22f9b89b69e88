/**
 * Word lists for near-duplicate detection and vagueness hints, written from general
 * knowledge of how scenario lists (场景需求清单, 能力清单) are worded. Nothing here comes from
 * evaluation data.
 *
 * Why these lists exist: two needs are the same need when they are about the same *object
 * and problem* (钢材表面缺陷, 独居老人跌倒), not when they share boilerplate (建设智能平台，
 * 提升效率) or the same technique (机器视觉). So words are weighted by what they say:
 * generic words almost nothing, technique and task words half, everything else fully.
 */
import { KIND_WEIGHT } from '../synonym-data.js';
import { defaultSynonyms, type SynonymTable } from '../synonyms.js';
import { TECH_VOCABULARY } from '../vocabulary.js';

const w = (s: string) => s.split(/\s+/).filter(Boolean);

/**
 * Boilerplate of listings: umbrella technology words, verbs of doing and improving,
 * self-references, vague quantities. Any listing can contain them, so sharing them says
 * nothing about being the same need.
 */
export const GENERIC_WORDS: ReadonlySet<string> = new Set(
  w(`
  智能 智慧 智能化 数智 数智化 系统 平台 建设 应用 提升 实现 基于 利用 通过 开展 推进 项目 场景 需求
  解决方案 方案 技术 服务 管理 能力 水平 效率 效果 自动 自动化 数字化 信息化 网络化 一体化 综合 创新
  示范 试点 研发 打造 构建 推广 支撑 赋能 融合 体系 模式 工作 问题 相关 有效 进一步 全面 高效 精准
  科学 现代化 重点 主要 目前 当前 现有 存在 依靠 依赖 传统 难以 较低 较高 大量 单位 企业 公司 区域
  全市 全区 全县 本地 部署 升级 改造 优化 助力 促进 加强 完善 形成 具备 支持 提供 采用 引入 运用
  希望 拟 寻求 征集 面向 围绕 针对 结合 用于 功能 模块 手段 方式 方法 实时 及时 快速 准确 准确率
  人工智能 ai 大数据 算法 模型 数据 信息 软件 硬件 终端 工具 产品 需要 要求 预期 建成 落地 推动 发展
  领域 行业 产业 经验 降低 减少 提高 增加 减轻 保障 确保 增强 加快 成本 时间 人员 人力 人工 工作量
  负担 压力 情况 过程 环节 一套 一款 多个 各类 各种 同时 实施 运行 使用 解决 满足 达到 完成 开发
  设计 研究 探索 建立 整合 接入 采集 汇聚 共享 联动 协同 闭环 可视化 生成 推送 统计 处理 生产 业务
  我公司 我院 我局 我校 我区 我县 我市 我镇 我街道 我委 我中心 我单位 本单位 辖区 全国 重庆 重庆市
  单位 部门 机构 客户 用户 标准 规范 质量 水平 一批 若干 以上 以下 左右 约 余 多 较 高 低 大 小
  新 好 快 慢 难 易 长 短 不足 不够 不高 不准 不及时 较大 较多 较长 逐年 日益 时有发生 亟需 亟待
  迫切 急需 显著 明显 大幅 有力 高质量 可复制 可推广 标杆 案例 经济 社会 效益 价值 作用 意义 目标
  任务 内容 范围 规模 期间 阶段 周期 年度 每天 每年 每日 每月 常常 往往 经常 一次 第一 第一时间
  欢迎 优先 鼓励 联合体 揭榜 参与 对接 合作 团队 厂商 供应商 服务商 方 类 型 式 化 性 度 率
  现象 出现 发生 反复 突出 负责 覆盖 全覆盖 导致 造成 影响 缺乏 缺少 没有 无法 不能 难 频繁 频次
  有限 不足以 一定 一直 已有 原有 主要是 基本 基础 进行 开展 给出 得到 获得 取得 根据 依据 按照 结合
  调整 改进 改善 提供 协助 帮助 辅助性 自动生成 形成 汇总 及时性 准确性 时效性 方面 方式 手工 人工处理
  不准确 不统一 不一 较差 偏高 偏低 增长 上升 下降 逐步 全部 部分 所有 一体 常见 一般 多种 各个
  本 该 此类 这类 上述 如下 具体 实际 真实 有关 对应 相应 包括 包含 涉及 主体 对象 环境 条件
  转型 升级 提质 增效 降本 提效 赋能 高质量发展 数字 智控 智治 智管 数智化 一站式 全流程 全方位 多维
  复制 可复制 可推广 推广应用 经验做法
  行为 现象 产品质量 服务质量 工作效率 率高 率低 偏多 较少
  第一时间 最佳 最优 更好 更加 持续 长期 短期 全天候 7×24 24小时
`),
);

/**
 * Words that name a task or a kind of problem rather than an object: 检测, 识别, 预警,
 * 缺陷, 漏检. Two needs about different objects often share them, so they count half, like
 * techniques.
 */
export const TASK_WORDS: ReadonlySet<string> = new Set(
  w(`
  检测 识别 监测 预警 报警 告警 分析 预测 调度 巡检 巡查 诊断 筛查 评估 分类 分级 统计 控制 定位
  追溯 溯源 管控 监控 感知 判断 发现 处置 派单 分派 推荐 问答 审核 核查 设备 装置 图像 视频 图片
  照片 摄像头 摄像机 相机 传感器 雷达 监管 治理 决策 辅助 在线 远程 无人 数字 孪生 三维 建模 仿真
  可穿戴 物联 互联网 网格 一网 大屏 驾驶舱 看板 报表 报告 提醒 通知 预约 查询 检索 搜索
  缺陷 瑕疵 故障 异常 隐患 风险 漏检 误检 漏报 误报 目检 人工目检 抽检 质检 合格率 良品率 良率 误判
  安全 效率低 耗时 漏诊 误诊 人手 人手不足 不及时 拍照 图像识别 自动识别 智能识别 在线检测 实时监测
`),
);

/**
 * Who and where: the people a need serves and the places it sits in (老年人, 社区, 学校,
 * 城区). They set the context, and one department's different needs all share it, so
 * they count a little less than the object and problem words that tell needs apart.
 */
export const SETTING_WORDS: ReadonlySet<string> = new Set(
  w(`
  老人 老年人 长者 老年 居民 市民 群众 村民 农户 果农 农民 学生 教师 老师 家长 患者 病人 医生 医师 护士
  家属 子女 游客 司机 驾驶员 行人 乘客 员工 工人 职工 工作人员 网格员 队员 执法人员 民警 城管 商户
  社区 街道 街镇 小区 城区 城市 乡镇 镇街 农村 乡村 村 学校 校园 中小学 医院 诊所 卫生院 基层 一线
  企业 工厂 车间 园区 景区 家中 家庭 居家 辖区 山区 现场 室内 室外 全域 本市 本区 区县 各区 市区
`),
);

/** Technique words from the technology-field vocabulary (机器视觉, 大模型, 物联网 …). */
export const TECHNIQUE_WORDS: ReadonlySet<string> = new Set(Object.values(TECH_VOCABULARY).flatMap((v) => [...v.strong, ...v.weak]));

/**
 * Near-synonyms that listings use for the same object or problem, beyond the search
 * synonym table (which is tuned for query expansion, not for saying "this is the same
 * thing"). Each group is treated as one word when comparing two listings.
 */
export const DUPLICATE_SYNONYM_GROUPS: readonly (readonly string[])[] = [
  // Quality and faults
  ['缺陷', '瑕疵', '疵点', '缺损', '不良'],
  ['故障', '异常', '失效'],
  ['隐患', '风险点'],
  ['裂纹', '裂缝', '裂痕'],
  ['划痕', '划伤', '刮痕'],
  ['质检', '质量检测', '品质检测', '质量检验'],
  // Materials and industry objects
  ['钢材', '钢板', '带钢', '板材', '钢铁'],
  ['零部件', '零件', '配件'],
  ['产线', '生产线', '流水线'],
  ['预测性维护', '预防性维护', '预测性维修'],
  ['能耗', '用能', '耗能', '用电量'],
  // Tasks (same task, other verb)
  ['检测', '识别', '检出', '辨识', '检验'],
  ['监测', '监控', '监视'],
  ['预警', '报警', '告警', '警报'],
  ['巡检', '巡查', '巡视', '巡线', '巡河'],
  ['分派', '派单', '分拨', '派发', '转派'],
  ['批改', '批阅', '判分', '阅卷'],
  // People
  ['老人', '老年人', '长者', '老年'],
  ['独居', '空巢'],
  ['患者', '病人', '病患'],
  ['医生', '医师', '大夫'],
  ['教师', '老师'],
  ['学生', '学员'],
  ['摊贩', '流动摊贩', '小商贩'],
  ['农户', '果农', '菜农', '农民', '种植户'],
  ['市民', '群众', '居民'],
  // Health and care
  ['跌倒', '摔倒', '摔跤'],
  ['阅片', '读片'],
  ['影像', '医学影像', '片子'],
  ['放射科', '影像科'],
  ['漏诊', '漏检'],
  ['慢病', '慢性病'],
  ['用药', '服药', '吃药'],
  // Traffic and city
  ['红绿灯', '信号灯', '交通信号灯', '交通信号'],
  ['路口', '交叉口', '十字路口'],
  ['泊位', '车位', '停车位'],
  ['违停', '违章停车', '违法停车', '乱停车'],
  ['占道', '占道经营', '出店经营', '店外经营', '乱摆卖'],
  ['漂浮物', '漂浮垃圾', '水面垃圾'],
  ['河道', '河流', '河面', '水面'],
  ['热线', '12345'],
  ['诉求', '工单'],
  // Agriculture
  ['病虫害', '虫害', '病害'],
  ['大棚', '温室'],
  ['灌溉', '浇灌', '浇水'],
  // Energy
  ['输电线路', '高压线路', '输电线', '高压线'],
  ['光伏', '光伏组件', '光伏板', '太阳能板'],
];

/** The search synonym table plus the duplicate groups above (as near-synonyms). */
export function duplicateSynonyms(): SynonymTable {
  const t = defaultSynonyms();
  for (const g of DUPLICATE_SYNONYM_GROUPS) t.addGroup(g, KIND_WEIGHT.near);
  return t;
}

let shared: SynonymTable | undefined;
/** One shared table per process: building it segments nothing but is not free. */
export function defaultDuplicateSynonyms(): SynonymTable {
  shared ??= duplicateSynonyms();
  return shared;
}
