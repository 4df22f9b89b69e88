/**
 * Sector and technology-field vocabulary for classification. Sources:
 * - `covers`: the examples in shared/taxonomy.md;
 * - `seedScenes`: the scenario types each sector's paragraph lists in the 2022 national
 *   guidance (shared/seeds/000_…, 指导意见 第1–4条);
 * - `keywords`: words that mark a sector in everyday and administrative Chinese, written
 *   from general domain knowledge;
 * and, in classify.ts, the demo generator's scene vocabulary per sector.
 */
import type { SectorCode, TechFieldCode } from '@scenebridge/domain';

export interface SectorVocabulary {
  covers: readonly string[];
  seedScenes: readonly string[];
  keywords: readonly string[];
}

const w = (s: string) => s.split(/\s+/).filter(Boolean);

export const SECTOR_VOCABULARY: Record<SectorCode, SectorVocabulary> = {
  manufacturing: {
    covers: w('智能工厂 工业质检 工业大脑 设备运维 汽车制造'),
    seedScenes: w('工业大脑 机器人协助制造 机器视觉工业检测 设备互联管理'),
    keywords: w('制造 制造业 工厂 生产线 产线 车间 工业 质检 零部件 装备 加工 工艺 良品率 机床 焊接 注塑 冲压 钢铁 化工 电子信息 整车 工业软件 智能制造 柔性生产 排产 产能 工业设计 生产 制造企业 产品质量 良率 装配 流水线 模具 铸造 锻造 机加工 数控 工业机器人 质量检测 工序 工艺参数 有色 建材 石化 纺织 服装 食品加工 电子制造 面板 锂电 家电制造 mes plm erp 数字化车间 智能工厂 工业互联网平台 预测性维护 供应链协同 研发设计 工业质检 设备运维 汽车制造'),
  },
  agriculture: {
    covers: w('智能农场 植保 种业 畜牧 农产品质量'),
    seedScenes: w('农机卫星导航自动驾驶作业 农业地理信息引擎 网约农机 橡胶树割胶 智能农场 产业链数字化管理 无人机植保 农业生产物联监测 农产品质量安全管控'),
    keywords: w('农业 种植 养殖 畜牧 农田 大棚 果园 作物 病虫害 农机 种子 育苗 灌溉 水肥 农产品 茶叶 水稻 生猪 渔业 水产 农场 耕地 粮食 农药 化肥 农作物 种植业 畜牧业 养殖业 农民 农户 合作社 家庭农场 拖拉机 收割 播种 种苗 温室 设施农业 智慧农业 数字农业 土壤 墒情 水肥一体化 植保 饲料 兽医 疫病 奶牛 家禽 鱼 虾 蔬菜 小麦 玉米 大豆 油菜 柑橘 高标准农田 产量 农业生产 种业 智能农场'),
  },
  logistics: {
    covers: w('分拣 仓储 配送 追溯'),
    seedScenes: w('机器人分流分拣 物料搬运 智能立体仓储 追溯终端'),
    keywords: w('物流 仓储 仓库 分拣 配送 快递 包裹 运单 货运 冷链 供应链 库存 装卸 搬运 货物 运力 园区物流 快运 立体库 运输调度 车货匹配 干线 末端配送 出入库 拣选 包装 叉车 agv 托盘 多式联运 物流园区 路径规划 派送 即时配送 追溯 物料搬运'),
  },
  finance: {
    covers: w('风控 征信 反欺诈 保险'),
    seedScenes: w('大数据金融风控 企业智能征信 智能反欺诈'),
    keywords: w('金融 银行 信贷 贷款 保险 理赔 证券 基金 支付 风控 征信 反洗钱 授信 投资 理财 融资 信用 交易 资产 信托 期货 清算 信用评估 核保 投顾 资产管理 普惠金融 供应链金融 金融监管 合规 营业网点 票据 保险公司 证券公司 金融机构 反诈'),
  },
  commerce: {
    covers: w('协同会议 会展 盘点结算 招商'),
    seedScenes: w('多人在线协同会议 线上会展 盘点结算'),
    keywords: w('商务 会议 会展 展会 招商 贸易 外贸 跨境 结算 盘点 商超 批发 办公 客商 洽谈 展览 招商引资 进出口 商贸 合同 谈判 视频会议 协同办公 批发市场 商品交易 协同会议 线上会展'),
  },
  home: {
    covers: w('智能家居 家电 建筑智能监测'),
    seedScenes: w('家庭智慧互联 建筑智能监测 产品在线设计'),
    keywords: w('家居 家电 家庭 住宅 门锁 照明 厨房 全屋智能 装修 家具 冰箱 空调 洗衣机 电视 卫浴 家用电器 厨电 窗帘 音箱 扫地机器人 房屋 家装 定制家具 楼宇 结构监测 智能家居 家庭智慧互联'),
  },
  consumption: {
    covers: w('无人零售 智慧导购 直播 智慧商圈'),
    seedScenes: w('无人货柜零售 无人超市 智慧导购'),
    keywords: w('消费 零售 导购 商场 门店 购物 直播 电商 货柜 超市 顾客 会员 营销 商圈 餐饮 商品 带货 品牌 消费者 新零售 便利店 购物中心 夜间经济 消费券 无人售货 无人零售 智慧导购 消费场景 商业'),
  },
  transport: {
    covers: w('自动驾驶运输 港口 航运 摆渡接驳'),
    seedScenes: w('园区内运输 摆渡接驳 智能配送 货车编队行驶 港区集装箱运输 港区智能作业 船舶自主航行 智能航运'),
    keywords: w('运输 航运 港口 港区 码头 船舶 航道 货车 公交 摆渡 接驳 铁路 车队 集卡 无人车 客运 班车 列车 水运 交通运输 公路 出租车 网约车 摆渡车 驾驶员 枢纽 场站 物流运输 航空 机场运输 港航'),
  },
  energy: {
    covers: w('电网 新能源 油气 煤炭 光伏'),
    seedScenes: w('电网 新能源 油气 煤炭 光伏'),
    keywords: w('能源 电力 电网 变电站 输电 配电 光伏 风电 储能 新能源 油气 天然气 煤炭 煤矿 页岩气 火电 水电 充电桩 虚拟电厂 负荷 发电 电站 用电 能耗 供电 变电 核电 充换电 氢能 石油 电厂 调峰 综合能源 能效 电力系统 油田 气田'),
  },
  city: {
    covers: w('城市大脑 政务服务 城市感知 数字采购 城市巡检'),
    seedScenes: w('城市大脑 城市物联感知 政务数据可用不可见 数字采购'),
    keywords: w('城市管理 城管 政务 城市大脑 一网统管 市容 街道 网格 政府 热线 审批 市政 城市运行 智慧城市 数字政府 办事 城市治理 政务服务 一网通办 网格化 违建 环卫 广告牌 井盖 路灯 城市部件 12345 便民服务 政府采购 公共资源交易 城市感知 城市巡检'),
  },
  traffic: {
    covers: w('交通大脑 智慧道路 智慧停车'),
    seedScenes: w('交通大脑 智慧道路 智慧停车 自动驾驶出行 智慧港口 智慧航道'),
    keywords: w('交通 路口 信号灯 红绿灯 拥堵 停车 泊位 道路 车流 违停 交警 车路协同 通行 出行 路网 交通治理 交通管理 交管 信号控制 快速路 违章 车位 停车场 通勤 交通事故 交通流量 智慧交通'),
  },
  environment: {
    covers: w('环境监测 污染防治 自主巡检 碳管理'),
    seedScenes: w('环境智能监测 无人机器自主巡检'),
    keywords: w('环保 生态 环境 污染 排放 水质 大气 空气质量 河道 河湖 土壤 碳排放 固废 垃圾 林业 巡河 污水 生态环境 碳足迹 环境监测 水环境 危废 噪声 排污 河流 湖泊 流域 生态保护 自然保护区 湿地 生物多样性 碳汇 碳管理 节能减排 环境执法 污染防治'),
  },
  public_safety: {
    covers: w('安防 应急 反诈 消防'),
    seedScenes: w('安防 应急 反诈 消防'),
    keywords: w('公共安全 安防 应急 消防 火灾 公安 警务 反诈 诈骗 灾害 救援 危化品 防汛 安全隐患 地质灾害 治安 预警 应急管理 地震 森林防火 刑侦 电信诈骗 视频监控 危险化学品 隐患排查 人员密集 踩踏 安检 安全生产 应急救援 应急指挥'),
  },
  community: {
    covers: w('未来社区 无人配送到户 社区电商 物业'),
    seedScenes: w('未来社区 无人配送 社区电商 数字餐厅'),
    keywords: w('社区 小区 物业 居民 邻里 便民 门禁 业主 社区服务 生活圈 智慧社区 居委会 社区团购 快递柜 垃圾分类 家政 一刻钟生活圈 未来社区 无人配送'),
  },
  healthcare: {
    covers: w('影像辅助诊断 临床决策 智慧医院 公共卫生 医疗器械'),
    seedScenes: w('医疗影像智能辅助诊断 临床诊疗辅助决策支持 医用机器人 互联网医院 智能医疗设备管理 智慧医院 智能公共卫生服务'),
    keywords: w('医疗 医院 患者 病人 诊断 诊疗 临床 影像 病历 药品 医生 护理 手术 医保 疾病 健康 康复 中医 公共卫生 医学 就医 门诊 病理 护士 住院 急诊 辅助诊断 治疗 ct 核磁 检验 电子病历 处方 用药 药械 体检 慢病 疾控 传染病 基层医疗 卫生院 互联网医院 智慧医院 分诊 导诊 医疗器械 医药'),
  },
  education: {
    covers: w('在线课堂 虚拟实训 智慧校园 职业培训'),
    seedScenes: w('在线课堂 虚拟课堂 虚拟仿真实训 虚拟教研室 新型教材 教学资源建设 智慧校园'),
    keywords: w('教育 学校 教学 课堂 学生 教师 课程 培训 实训 校园 考试 作业 职业教育 学习 教研 教材 中小学 幼儿园 职业院校 老师 测评 学情 个性化学习 在线教育 招生 高校 大学 学科 虚拟课堂 在线课堂'),
  },
  elderly_care: {
    covers: w('居家监测 可穿戴 康养'),
    seedScenes: w('居家智能监测 智能可穿戴设备应用'),
    keywords: w('养老 老人 老年人 居家 照护 护理员 可穿戴 康养 跌倒 失能 陪护 适老化 助老 失智 认知障碍 居家养老 社区养老 养老机构 养老院 敬老院 助餐 助浴 紧急呼叫 健康监测 医养结合 银发'),
  },
  rural: {
    covers: w('乡村治理 数字农房 农村政务'),
    seedScenes: w('乡村智慧治理 数字农房 在线政务服务'),
    keywords: w('农村 乡村 村民 乡镇 农房 村务 乡村振兴 数字乡村 宅基地 村庄 行政村 村 村委 乡村治理 农村电商 驻村 基层治理 人居环境 农村政务 便民服务点 数字农房'),
  },
  culture_tourism: {
    covers: w('景区 文博 数字文旅 体育赛事观赛'),
    seedScenes: w('景区 文博 数字文旅 体育赛事观赛'),
    keywords: w('文化 旅游 文旅 景区 游客 博物馆 文物 文博 非遗 演艺 体育 赛事 观赛 导览 图书馆 展馆 文化遗产 酒店 民宿 导游 票务 美术馆 文创 演出 影视 动漫 健身 场馆 数字文旅 沉浸式 旅游景区'),
  },
  science: {
    covers: w('新药创制 基因研究 生物育种 新材料研发 深空深海'),
    seedScenes: w('新药创制 基因研究 生物育种研发 新材料研发 深空深海 文献数据获取 实验预测 结果分析'),
    keywords: w('科研 科学研究 新药 药物研发 分子 基因 蛋白 材料 新材料 育种 实验 深空 深海 天文 地质 科学计算 论文 科学 实验室 研究院 研究 基础研究 科学装置 科学数据 蛋白质 测序 生物 合成生物 化学 物理 地球科学 航天 量子 文献 科研机构 新药创制 基因研究 生物育种'),
  },
  major_events_projects: {
    covers: w('大型赛会 重大建设工程 高铁 机场'),
    seedScenes: w('亚运会 全运会 进博会 服贸会 重大活动 重要会议 战略骨干通道 高速铁路 港航设施 现代化机场 重大建设工程'),
    keywords: w('赛会 运动会 博览会 大型活动 重大工程 工地 施工 建设工程 桥梁 隧道 高铁 机场 轨道交通 水利枢纽 工程建设 智慧工地 重大活动 亚运会 全运会 进博会 服贸会 会议保障 演唱会 重大建设工程 基础设施建设 铁路建设 港航设施 水利工程 bim 工程管理 大型赛会'),
  },
};

/** Technology-field vocabulary: strong terms name the technique; weak ones only hint at it. */
export interface TechVocabulary {
  strong: readonly string[];
  weak: readonly string[];
}

export const TECH_VOCABULARY: Record<TechFieldCode, TechVocabulary> = {
  computer_vision: {
    strong: w('计算机视觉 机器视觉 视觉 图像识别 视觉检测 视觉识别 视频分析 视频智能分析 视频识别 人脸识别 目标检测 缺陷检测 图像处理 影像识别 视觉引导 ocr 文字识别 行为识别 车牌识别 三维视觉 3d视觉 影像辅助诊断 医学影像 影像诊断 图像分析 缺陷识别'),
    weak: w('摄像头 摄像机 图像 影像 视频 视频监控 识别 外观检测'),
  },
  nlp: {
    strong: w('自然语言处理 nlp 语义理解 文本分析 智能问答 机器翻译 文本挖掘 智能客服 文本语义理解 自然语言'),
    weak: w('问答 翻译 文本'),
  },
  speech: {
    strong: w('语音识别 语音交互 语音合成 语音助手 语音转写 声纹 方言识别 语音'),
    weak: w('对话'),
  },
  knowledge_graph: {
    strong: w('知识图谱 关联关系挖掘'),
    weak: w('图谱 知识库'),
  },
  foundation_models: {
    strong: w('大模型 生成式 aigc llm 智能体 预训练模型 gpt deepseek 多模态大模型 大语言模型 ai大模型 通用模型 垂类模型'),
    weak: w('数字人 生成'),
  },
  data_intelligence: {
    strong: w('机器学习 深度学习 大数据分析 数据挖掘 预测模型 预测建模 神经网络 强化学习 数据智能'),
    weak: w('大数据 数据分析 算法 预测 建模'),
  },
  robotics: {
    strong: w('机器人 具身智能 机械臂 机械手 agv amr 机器狗 无人叉车'),
    weak: w('自动化 无人化'),
  },
  autonomous_driving: {
    strong: w('自动驾驶 无人驾驶 智能驾驶 辅助驾驶 车路协同 无人车 自主航行 无人集卡'),
    weak: w('智能网联'),
  },
  drones_low_altitude: {
    strong: w('无人机 低空 飞行器 evtol uav 倾斜摄影 航拍'),
    weak: w('飞行 遥感'),
  },
  iot_sensing: {
    strong: w('物联网 传感器 智能传感 物联 iot rfid 传感 nb-iot lora'),
    weak: w('感知 监测设备 终端'),
  },
  digital_twin: {
    strong: w('数字孪生'),
    weak: w('三维建模 仿真 bim 三维可视化'),
  },
  blockchain: {
    strong: w('区块链 上链'),
    weak: w('存证 溯源'),
  },
  privacy_computing: {
    strong: w('隐私计算 联邦学习 多方安全计算 可信执行环境 数据可用不可见 隐私保护计算'),
    weak: w('数据安全'),
  },
  xr_metaverse: {
    strong: w('虚拟现实 增强现实 混合现实 元宇宙 vr ar xr mr ar/vr 全息'),
    weak: w('沉浸式 虚拟仿真 三维展示'),
  },
  networks_5g: {
    strong: w('5g 6g 千兆光网 5g专网 光纤网络 卫星通信 通信网络'),
    weak: w('通信 网络 专网'),
  },
  industrial_internet: {
    strong: w('工业互联网 设备联网 工业物联网 标识解析 iiot 设备互联'),
    weak: w('mes 联网'),
  },
  cloud_computing: {
    strong: w('云计算 算力 边缘计算 数据中心 云平台 智算 超算 云服务 gpu'),
    weak: w('云端 计算资源 服务器'),
  },
  chips_hardware: {
    strong: w('芯片 集成电路 半导体 智能硬件 igbt mosfet fpga 晶圆 功率器件 传感芯片'),
    weak: w('硬件 器件'),
  },
  brain_computer: {
    strong: w('脑机接口 脑电 脑控 神经接口'),
    weak: w(''),
  },
  decision_optimization: {
    strong: w('智能决策 运筹优化 智能调度 辅助决策 优化调度 智能排产 路径优化 决策支持 排产'),
    weak: w('调度 优化 决策'),
  },
};
