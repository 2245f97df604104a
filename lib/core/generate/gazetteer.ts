/**
 * The prefecture-level cities of 三省一市 (41 in all), by province. Used only to tell which
 * province a city mentioned in a pack belongs to, so that a membership question can offer
 * "cities of the same province that are not members" as distractors. A city becomes a distractor
 * only when the membership is complete (see membership.ts), so the closed world still holds.
 */
export const YRD_CITIES: Readonly<Record<string, readonly string[]>> = {
  上海: ["上海"],
  江苏: ["南京", "无锡", "徐州", "常州", "苏州", "南通", "连云港", "淮安", "盐城", "扬州", "镇江", "泰州", "宿迁"],
  浙江: ["杭州", "宁波", "温州", "嘉兴", "湖州", "绍兴", "金华", "衢州", "舟山", "台州", "丽水"],
  安徽: [
    "合肥", "芜湖", "蚌埠", "淮南", "马鞍山", "淮北", "铜陵", "安庆", "黄山", "滁州", "阜阳", "宿州", "六安",
    "亳州", "池州", "宣城",
  ],
};

/** Province-level names of China, without 省/市/自治区. */
export const PROVINCES: readonly string[] = [
  "北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建",
  "江西", "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海",
  "台湾", "内蒙古", "广西", "西藏", "宁夏", "新疆", "香港", "澳门",
];

/** 安徽省 / 安徽 → 安徽; undefined when the label is not a province. */
export function provinceOf(label: string): string | undefined {
  const bare = label.trim().replace(/(省|市|自治区|特别行政区|壮族自治区|回族自治区|维吾尔自治区)$/u, "");
  return PROVINCES.includes(bare) ? bare : undefined;
}

/** 芜湖 / 芜湖市 → 安徽; undefined for places outside the list. */
export function provinceOfCity(city: string): string | undefined {
  const bare = city.trim().replace(/市$/u, "");
  for (const [province, cities] of Object.entries(YRD_CITIES)) if (cities.includes(bare)) return province;
  return undefined;
}

export function bareCity(city: string): string {
  return city.trim().replace(/市$/u, "");
}
