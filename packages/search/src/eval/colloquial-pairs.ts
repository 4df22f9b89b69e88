/**
 * Our own development set for everyday-language search (issue 12): each pair is a query as
 * someone with the need would type it, and the official query that means the same thing, as
 * scenario lists and policy texts word it. Written by hand from general knowledge of how
 * companies and offices describe their problems, one or more per sector; nothing is taken from
 * shared/eval. `heldOut` pairs were written after the colloquial vocabulary was frozen and
 * were not used to write it, so they show how far it carries to wording it was not written for.
 */
export interface ColloquialPair {
  id: string;
  sector: string;
  colloquial: string;
  official: string;
  heldOut?: boolean;
}

const p = (id: string, sector: string, colloquial: string, official: string): ColloquialPair => ({ id, sector, colloquial, official });

export const COLLOQUIAL_PAIRS: readonly ColloquialPair[] = [
  // manufacturing
  p('C01', 'manufacturing', '工厂里用摄像头找瑕疵', '缺陷检测'),
  p('C02', 'manufacturing', '产品表面有划痕靠人眼看不过来', '表面缺陷视觉检测'),
  p('C03', 'manufacturing', '厂里各个环节的数据乱想统一管起来', '工业大脑'),
  p('C04', 'manufacturing', '车间招不到人想让机器干活', '机器人协助制造'),
  p('C05', 'manufacturing', '订单多生产计划排不过来', '智能排产'),
  p('C06', 'manufacturing', '厂里的机器都连起来看数据', '设备联网'),
  p('C07', 'manufacturing', '喷漆上料想让机械手干', '机器人协助制造'),
  // agriculture
  p('C08', 'agriculture', '用小飞机给庄稼打药', '无人机植保'),
  p('C09', 'agriculture', '庄稼叶子发黄长虫子', '病虫害识别'),
  p('C10', 'agriculture', '养猪场猪生病想早点发现', '畜禽疫病监测'),
  p('C11', 'agriculture', '菜有没有农药残留', '农产品质量安全'),
  // logistics
  p('C12', 'logistics', '快递太多分不过来', '包裹分拣'),
  p('C13', 'logistics', '仓库里找货太慢', '智能仓储'),
  p('C14', 'logistics', '货到哪了查不到', '物流追溯'),
  // finance
  p('C15', 'finance', '贷出去的钱怕收不回来', '信贷风控'),
  p('C16', 'finance', '有人骗保骗贷', '反欺诈'),
  p('C17', 'finance', '查查企业靠不靠谱', '企业征信'),
  // commerce
  p('C18', 'commerce', '异地开会不方便', '协同会议'),
  p('C19', 'commerce', '月底清点库存对账太累', '盘点结算'),
  // home
  p('C20', 'home', '用手机管家里的电器', '家庭智慧互联'),
  p('C21', 'home', '老房子墙裂了怕塌', '建筑结构安全监测'),
  // consumption
  p('C22', 'consumption', '店里没人看也能卖东西', '无人零售'),
  p('C23', 'consumption', '网上直播卖货', '直播电商'),
  // transport
  p('C24', 'transport', '不用司机的小巴接送', '自动驾驶接驳'),
  p('C25', 'transport', '码头装卸集装箱太慢', '智慧港口'),
  // energy
  p('C26', 'energy', '电线杆和高压线靠人爬上去查', '电网巡检'),
  p('C27', 'energy', '园区电费太高想省电', '综合能源管理'),
  // city
  p('C28', 'city', '办事要来回跑好几趟', '政务服务'),
  p('C29', 'city', '路灯坏了井盖丢了没人管', '城市巡检'),
  // traffic
  p('C30', 'traffic', '上下班路上堵得厉害', '交通拥堵'),
  p('C31', 'traffic', '停车找不到车位', '智慧停车'),
  // environment
  p('C32', 'environment', '河水发臭有人偷排', '环境智能监测'),
  p('C33', 'environment', '工厂烟囱冒黑烟', '环境智能监测'),
  // public safety
  p('C34', 'public_safety', '冒烟着火了能马上发现', '火灾预警'),
  p('C35', 'public_safety', '老人接到骗钱电话', '反诈'),
  p('C36', 'public_safety', '监控录像太多看不过来', '视频智能分析'),
  // community
  p('C37', 'community', '快递直接送到家门口', '无人配送'),
  p('C38', 'community', '小区管理乱物业费收不上来', '智慧物业'),
  // healthcare
  p('C39', 'healthcare', '让电脑帮医生看片子', '医学影像辅助诊断'),
  p('C40', 'healthcare', '看病挂号排队太久', '智慧医院'),
  // education
  p('C41', 'education', '老师想知道学生上课听懂没有', '课堂教学智能分析'),
  p('C42', 'education', '孩子偏科想查漏补缺', '个性化学习'),
  // elderly care
  p('C43', 'elderly_care', '一个人住的老人摔倒了没人知道', '跌倒监测'),
  p('C44', 'elderly_care', '给老人戴个手环看心跳血压', '可穿戴 健康监测'),
  // rural
  p('C45', 'rural', '村里的事在手机上就能办', '农村在线政务服务'),
  p('C46', 'rural', '村里老房子会不会塌', '危房数字化管理'),
  // culture and tourism
  p('C47', 'culture_tourism', '景区人挤人', '景区客流监测'),
  p('C48', 'culture_tourism', '博物馆的文物放到网上看', '文博数字化'),
  // science
  p('C49', 'science', '用电脑找新药', '新药创制'),
  // major events and projects
  p('C50', 'major_events_projects', '工地上工人不戴安全帽', '智慧工地'),
  p('C51', 'major_events_projects', '开运动会保安全', '大型赛会保障'),
  // held out: written after the vocabulary was frozen
  ...[
    p('H01', 'manufacturing', '零件上有没有裂纹划伤靠工人一个个看', '外观缺陷识别'),
    p('H02', 'logistics', '双十一包裹堆成山', '智能分拣'),
    p('H03', 'agriculture', '山羊太多认不过来哪只生病了', '个体识别与健康监测'),
    p('H04', 'finance', '农民贷款怕还不上', '涉农贷款风控'),
    p('H05', 'traffic', '学校门口放学时堵死了', '拥堵治理'),
    p('H06', 'public_safety', '仓库里电线老化怕起火', '火灾隐患识别'),
    p('H07', 'healthcare', '门诊病人不知道挂哪个科', '预约分诊'),
    p('H08', 'elderly_care', '老人一个人在家出事了没人知道', '居家智能监测'),
    p('H09', 'community', '快递柜离宿舍太远', '无人配送到户'),
    p('H10', 'culture_tourism', '溶洞里游客找不到路没人讲解', '景区导览'),
    p('H11', 'consumption', '卖场里顾客不知道买哪款', '智慧导购'),
    p('H12', 'city', '街上乱贴小广告招牌歪了', '户外广告招牌识别'),
  ].map((x) => ({ ...x, heldOut: true })),
];
