import type { Fact, Pack } from "@/lib/core/content/schema";

/** Test data only: not imported by the generator. */

/** A pack of the given facts. */
export function packOf(facts: Fact[], id = "fx"): Pack {
  return { id, title: "测试包", titleEn: "Fixture", language: "zh-CN", facts };
}

/**
 * A small pack shaped like the real one (dates, figures and lists of the 长三角 story), stable
 * so that snapshots do not move when the real content grows. Includes disputes of each sort.
 */
export const fixtureFacts: Fact[] = [
  { id: "e-1982-zone", kind: "event", section: "发展历史 / 规划协调阶段", date: "1982", what: "国务院决定成立上海经济区" },
  {
    id: "e-1982-office",
    kind: "event",
    section: "发展历史 / 规划协调阶段",
    date: "1982-12-22",
    what: "成立国务院上海经济区规划办公室",
    note: "规划办明确经济区以上海为中心。",
  },
  { id: "e-1983-conference", kind: "event", section: "发展历史 / 规划协调阶段", date: "1983-08-18", what: "召开上海经济区规划工作会议", where: "上海" },
  { id: "e-1984-anhui", kind: "event", section: "发展历史 / 规划协调阶段", date: "1984-02", what: "安徽首次以成员身份参加上海经济区省市长会议", where: "上海" },
  { id: "e-1986-fujian", kind: "event", section: "发展历史 / 规划协调阶段", date: "1986-08", what: "福建省经国务院批准加入上海经济区" },
  { id: "e-1988-abolished", kind: "event", section: "发展历史 / 规划协调阶段", date: "1988-06", what: "上海经济区规划办在国务院机构改革中被撤销" },
  { id: "e-1992-joint", kind: "event", section: "发展历史 / 要素合作阶段", date: "1992", what: "成立长三角14城市协作办主任联席会" },
  { id: "e-1997-council", kind: "event", section: "发展历史 / 要素合作阶段", date: "1997", what: "长江三角洲城市经济协调会成立" },
  { id: "e-2003-taizhou", kind: "event", section: "发展历史 / 机制对接阶段", date: "2003-08", what: "长三角南京峰会接纳浙江台州为新成员", where: "南京" },
  { id: "e-2005-forum", kind: "event", section: "发展历史 / 机制对接阶段", date: "2005-12-25", what: "首次长三角两省一市主要领导座谈会召开", where: "杭州" },
  { id: "e-2010-six", kind: "event", section: "发展历史 / 机制对接阶段", date: "2010-03", what: "合肥、盐城等六个城市正式加入长三角" },
  { id: "e-2011-hefei", kind: "event", section: "发展历史 / 机制对接阶段", date: "2011", what: "长三角主要领导座谈会在合肥举行", where: "合肥" },
  {
    id: "e-2018-office",
    kind: "event",
    section: "发展历史 / 机制对接阶段",
    date: "2018",
    what: "长三角区域合作办公室挂牌成立",
    where: "上海",
  },
  {
    id: "e-2018-strategy",
    kind: "event",
    section: "发展历史 / 更高质量一体化发展中国战略阶段",
    date: "2018-11",
    what: "习近平在首届中国国际进口博览会上宣布长三角一体化发展上升为中国战略",
  },
  {
    id: "e-2020-symposium",
    kind: "event",
    section: "发展历史 / 更高质量一体化发展中国战略阶段",
    date: "2020-08-20",
    what: "习近平主持召开扎实推进长三角一体化发展座谈会",
    where: "合肥",
  },
  {
    id: "e-disputed-years",
    kind: "event",
    section: "发展历史 / 更高质量一体化发展中国战略阶段",
    date: "2021-05-26",
    what: "长三角地区主要领导座谈会在江苏无锡举行",
    disputed: { field: "date", values: ["2021-05-26", "2022-05-26"], note: "一处写2021年，另一处写2022年。" },
  },

  { id: "q-gdp", kind: "quantity", section: "简介", subject: "2022年长三角地区生产总值", value: 29, unit: "万亿元" },
  { id: "q-ports", kind: "quantity", section: "背景 / 发展基础", subject: "长三角拥有的开放口岸数量", value: 46, unit: "个" },
  { id: "q-trade", kind: "quantity", section: "背景 / 发展基础", subject: "长三角进出口总额占全国的比重", value: 37, unit: "%" },
  { id: "q-fdi", kind: "quantity", section: "背景 / 发展基础", subject: "长三角外商直接投资占全国的比重", value: 39, unit: "%" },
  { id: "q-odi", kind: "quantity", section: "背景 / 发展基础", subject: "长三角对外投资占全国的比重", value: 29, unit: "%" },
  { id: "q-urban", kind: "quantity", section: "背景 / 发展基础", subject: "长三角常住人口城镇化率", value: 60, unit: "%", approx: "超过" },
  { id: "q-cost", kind: "quantity", section: "背景 / 发展基础", subject: "跨省异地就医直接结算的医疗费用", value: 54, unit: "亿元", approx: "约" },
  { id: "q-area-share", kind: "quantity", section: "简介", subject: "长三角面积占全国面积的比例", value: "1/26", unit: "比例" },
  { id: "q-gdp-share", kind: "quantity", section: "简介", subject: "长三角经济总量占全国的比例", value: "1/4", unit: "比例", approx: "近" },
  { id: "q-area", kind: "quantity", section: "概念释义", subject: "长三角规划范围的面积", value: 35.8, unit: "万平方公里" },
  {
    id: "q-services",
    kind: "quantity",
    section: "发展成果 / 公共服务加速",
    subject: "在长三角41个城市跨省市通办的政务服务事项数量",
    value: 140,
    unit: "个",
    disputed: { field: "value", values: [140, 138], note: "发展成果部分写140个，具体措施部分写138个。" },
  },

  {
    id: "s-principles",
    kind: "set",
    section: "战略体系 / 基本原则",
    name: "长三角一体化的基本原则",
    ordered: false,
    items: [
      { term: "创新共建", gloss: "推动科技创新与产业发展深度融合，打造区域创新共同体。" },
      { term: "协调共进", gloss: "发挥上海龙头作用，苏浙皖各扬所长，形成协调发展格局。" },
      { term: "绿色共保", gloss: "践行绿水青山就是金山银山的理念，推进生态环境共保联治。" },
      { term: "开放共赢", gloss: "打造高水平开放平台，对接国际通行的投资贸易规则。" },
      { term: "民生共享", gloss: "增加优质公共服务供给，让居民更有获得感。" },
    ],
  },
  {
    id: "s-positionings",
    kind: "set",
    section: "战略体系 / 战略定位",
    name: "长三角的五大战略定位",
    ordered: false,
    items: [
      { term: "全国发展强劲活跃增长极" },
      { term: "全国高质量发展样板区" },
      { term: "率先基本实现现代化引领区" },
      { term: "区域一体化发展示范区" },
      { term: "新时代改革开放新高地" },
    ],
  },
  {
    id: "s-stages",
    kind: "set",
    section: "背景 / 发展基础",
    name: "长三角一体化经历的阶段",
    ordered: true,
    items: [
      { term: "规划协调", gloss: "以上海经济区为依托，用规划协调区域合作。" },
      { term: "要素合作", gloss: "城市自发组建协作组织，围绕生产要素开展合作。" },
      { term: "机制对接", gloss: "建立领导定期会晤等制度，成员城市逐步扩容。" },
      { term: "更高质量一体化发展中国战略", gloss: "一体化上升为国家战略，追求更高质量。" },
    ],
  },
  {
    id: "s-tasks",
    kind: "set",
    section: "重点任务",
    name: "长三角一体化的重点任务",
    ordered: false,
    items: [
      { term: "推动形成区域协调发展新格局" },
      { term: "加强协同创新产业体系建设" },
      { term: "提升基础设施互联互通水平" },
      { term: "强化生态环境共保联治" },
      { term: "加快公共服务便利共享" },
    ],
  },
  {
    id: "s-eco-measures",
    kind: "set",
    section: "重点任务 / 强化生态环境共保联治",
    name: "强化生态环境共保联治的主要举措",
    ordered: false,
    items: [{ term: "共同加强生态保护" }, { term: "推进环境协同防治" }, { term: "推动生态环境协同监管" }],
  },
  {
    id: "s-prevention",
    kind: "set",
    section: "重点任务 / 强化生态环境共保联治",
    name: "推进环境协同防治的具体方面",
    ordered: false,
    items: [{ term: "推动跨界水体环境治理" }, { term: "联合开展大气污染综合防治" }, { term: "加强固废危废污染联防联治" }],
  },
  {
    id: "s-technologies",
    kind: "set",
    section: "背景 / 发展基础",
    name: "与长三角传统产业渗透融合的新技术",
    ordered: false,
    note: "原文列举后以“等”收尾。",
    items: [{ term: "大数据" }, { term: "云计算" }, { term: "物联网" }, { term: "人工智能" }],
  },
  {
    id: "s-factors",
    kind: "set",
    section: "面临问题",
    name: "行政划分限制流动的生产要素",
    ordered: false,
    items: [{ term: "资本" }, { term: "技术" }, { term: "劳动力" }],
  },
  {
    id: "s-resources",
    kind: "set",
    section: "面临问题",
    name: "企业技术创新需要的创新资源",
    ordered: false,
    items: [{ term: "人力" }, { term: "信息" }, { term: "政策" }, { term: "资金" }, { term: "知识" }],
  },

  {
    id: "m-central",
    kind: "membership",
    section: "概念释义",
    name: "长三角中心区的27个城市（按省级行政区）",
    groups: {
      上海市: ["上海"],
      江苏省: ["南京", "无锡", "常州", "苏州", "南通", "扬州", "镇江", "盐城", "泰州"],
      浙江省: ["杭州", "宁波", "温州", "湖州", "嘉兴", "绍兴", "金华", "舟山", "台州"],
      安徽省: ["合肥", "芜湖", "马鞍山", "铜陵", "安庆", "滁州", "池州", "宣城"],
    },
  },
  {
    id: "m-2013",
    kind: "membership",
    section: "发展历史 / 机制对接阶段",
    name: "2013年加入长三角的城市(原文点名者)",
    note: "原文说共8个城市加入，只点出其中三个。",
    groups: { 江苏省: ["徐州"], 安徽省: ["芜湖", "滁州"] },
  },
  {
    id: "m-water",
    kind: "membership",
    section: "重点任务 / 提升基础设施互联互通水平",
    name: "长三角区域水利发展布局中各水体的角色",
    groups: {
      纽带: ["长江"],
      骨干河道: ["淮河", "大运河", "钱塘江", "黄浦江"],
      关键节点: ["太湖", "巢湖", "洪泽湖", "千岛湖", "高邮湖", "淀山湖"],
    },
  },

  { id: "d-2008", kind: "document", section: "相关文件", date: "2008-09", title: "国务院关于进一步推进长江三角洲地区改革开放和经济社会发展的指导意见", issuer: "国务院" },
  { id: "d-2010", kind: "document", section: "相关文件", date: "2010-06", title: "长江三角洲地区区域规划" },
  {
    id: "d-2016",
    kind: "document",
    section: "相关文件",
    date: "2016-06",
    title: "长江三角洲城市群发展规划",
    disputed: { field: "date", values: ["2016-06", "2016-05"], note: "相关文件表记为2016年6月，发展历史则说2016年5月。" },
  },
  { id: "d-2018-edu", kind: "document", section: "相关文件", date: "2018-12", title: "长三角地区教育更高质量一体化发展战略协作框架协议" },
  {
    id: "d-2019-outline",
    kind: "document",
    section: "相关文件",
    date: "2019-12",
    title: "长江三角洲区域一体化发展规划纲要",
    disputed: {
      field: "title",
      values: ["长江三角洲区域一体化发展规划纲要", "长三角地区一体化发展规划纲要(2021-2035年)"],
      note: "简介用前一个标题，相关文件表写后一个标题。",
    },
  },
  { id: "d-2020-transport", kind: "document", section: "相关文件", date: "2020-04", title: "长江三角洲地区交通运输更高质量一体化发展规划" },

  { id: "t-year-one", kind: "term", section: "发展历史 / 机制对接阶段", term: "长三角元年", definition: "业内对2003年的称呼，这一年长三角合作机制和成员范围都有突破。" },
  { id: "t-15-plus-1", kind: "term", section: "发展历史 / 机制对接阶段", term: "15+1", definition: "台州加入后长三角成员的格局：原来的15个城市再加1个新成员。" },
  { id: "t-founders", kind: "term", section: "发展历史 / 要素合作阶段", term: "元老城市", definition: "上海经济区最初纳入的十个城市，是后来长三角城市协作的起点。" },
  { id: "t-window", kind: "term", section: "背景 / 发展基础", term: "国际贸易“单一窗口”", definition: "长三角自由贸易试验区探索出的可在全国复制推广的贸易便利化经验之一。" },
];

export const fixturePack: Pack = packOf(fixtureFacts);
