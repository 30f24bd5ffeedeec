"""Word lists for the demo data: Chinese names, companies, places, vehicles and texts.

The demo company is a provincial fuel retailer in Hebei (冀); its areas follow four
cities. Pinyin is worked out once per character or name part when this module is
imported (pypinyin is slow per call; a million names must not call it), so every
lookup below is a dictionary or list index.
"""

from __future__ import annotations

from dataclasses import dataclass
from random import Random

from pypinyin import lazy_pinyin

# --- Pinyin, cached per character / part --------------------------------------------------

# Surnames read differently from the character's common reading (曾 zeng, not ceng).
SURNAME_READINGS: dict[str, str] = {
    "曾": "zeng",
    "单": "shan",
    "解": "xie",
    "仇": "qiu",
    "查": "zha",
    "翟": "zhai",
    "覃": "qin",
    "缪": "miao",
    "乐": "yue",
    "朴": "piao",
    "区": "ou",
    "盖": "ge",
}

_PINYIN_CACHE: dict[str, tuple[str, str]] = {}


def pinyin_of(text: str) -> tuple[str, str]:
    """(full pinyin, initials) of a name part, lower case, no spaces; ü is written v.

    Cached per part: the demo calls it for a few hundred distinct parts only.
    """
    cached = _PINYIN_CACHE.get(text)
    if cached is None:
        syllables = [s.lower() for s in lazy_pinyin(text) if s.strip()]
        cached = ("".join(syllables), "".join(s[0] for s in syllables if s))
        _PINYIN_CACHE[text] = cached
    return cached


def surname_pinyin(surname: str) -> tuple[str, str]:
    reading = SURNAME_READINGS.get(surname)
    if reading is None:
        return pinyin_of(surname)
    return reading, reading[0]


# --- Weighted tables ---------------------------------------------------------------------


def expand(weighted: list[tuple[str, float]], scale: float = 10.0) -> list[str]:
    """A list in which each item appears in proportion to its weight (fast random picks)."""
    table: list[str] = []
    for item, weight in weighted:
        table.extend([item] * max(1, round(weight * scale)))
    return table


# Share in percent of the population, roughly after the 2020 census (top 100 and a few
# compound surnames).
SURNAMES: list[tuple[str, float]] = [
    ("王", 7.1), ("李", 7.0), ("张", 6.9), ("刘", 5.5), ("陈", 4.6), ("杨", 3.1),
    ("黄", 2.2), ("赵", 2.3), ("吴", 2.0), ("周", 1.9), ("徐", 1.5), ("孙", 1.5),
    ("马", 1.3), ("朱", 1.2), ("胡", 1.2), ("郭", 1.2), ("何", 1.1), ("高", 1.1),
    ("林", 1.0), ("罗", 0.9), ("郑", 0.9), ("梁", 0.8), ("谢", 0.7), ("宋", 0.6),
    ("唐", 0.6), ("许", 0.6), ("韩", 0.6), ("冯", 0.6), ("邓", 0.5), ("曹", 0.5),
    ("彭", 0.5), ("曾", 0.5), ("肖", 0.5), ("田", 0.5), ("董", 0.5), ("袁", 0.4),
    ("潘", 0.4), ("于", 0.4), ("蒋", 0.4), ("蔡", 0.4), ("余", 0.4), ("杜", 0.4),
    ("叶", 0.4), ("程", 0.4), ("苏", 0.3), ("魏", 0.3), ("吕", 0.3), ("丁", 0.3),
    ("任", 0.3), ("沈", 0.3), ("姚", 0.3), ("卢", 0.3), ("姜", 0.3), ("崔", 0.3),
    ("钟", 0.3), ("谭", 0.3), ("陆", 0.3), ("汪", 0.2), ("范", 0.2), ("金", 0.2),
    ("石", 0.2), ("廖", 0.2), ("贾", 0.3), ("夏", 0.2), ("韦", 0.2), ("付", 0.2),
    ("方", 0.2), ("白", 0.2), ("邹", 0.2), ("孟", 0.2), ("熊", 0.2), ("秦", 0.2),
    ("邱", 0.2), ("江", 0.2), ("尹", 0.2), ("薛", 0.2), ("闫", 0.2), ("段", 0.2),
    ("雷", 0.2), ("侯", 0.2), ("龙", 0.2), ("史", 0.2), ("陶", 0.1), ("黎", 0.1),
    ("贺", 0.1), ("顾", 0.1), ("毛", 0.1), ("郝", 0.2), ("龚", 0.1), ("邵", 0.1),
    ("万", 0.1), ("钱", 0.1), ("严", 0.1), ("覃", 0.1), ("武", 0.1), ("戴", 0.1),
    ("莫", 0.1), ("孔", 0.1), ("向", 0.1), ("汤", 0.1), ("单", 0.05), ("解", 0.05),
    ("翟", 0.05), ("仇", 0.03), ("查", 0.02), ("缪", 0.02), ("欧阳", 0.05),
    ("司马", 0.02), ("诸葛", 0.01), ("上官", 0.01),
]  # fmt: skip

MALE_CHARS = list(
    "伟强磊军勇杰涛明超辉刚平斌鹏波华飞宇浩凯健俊帆帅旭宁龙林阳峰建国志海东亮成文博晨昊天鑫振宏兵春山永德金福立新庆利忠胜晓瑞泽轩睿铭卫"
)
FEMALE_CHARS = list(
    "芳娜敏静丽艳娟霞秀玲桂英慧莉婷雪琳洁倩颖佳欣怡悦蕾燕红梅萍兰娇琴云薇丹月晶妍璐菲蓉婉淑惠思雨梦雅萱涵"
)
FIRST_CHARS_MALE = list("子浩宇俊晓建志文海国立永春明嘉梓一家天少玉瑞泽德金红卫")
FIRST_CHARS_FEMALE = list("思雨欣梓一佳紫诗雅梦秀美丽玉晓春海文嘉")

_SURNAME_TABLE = expand(SURNAMES, 20)
_CHAR_PINYIN: dict[str, tuple[str, str]] = {
    c: pinyin_of(c) for c in set(MALE_CHARS + FEMALE_CHARS + FIRST_CHARS_MALE + FIRST_CHARS_FEMALE)
}
_SURNAME_PINYIN: dict[str, tuple[str, str]] = {s: surname_pinyin(s) for s, _ in SURNAMES}


@dataclass(frozen=True)
class PersonName:
    name: str
    pinyin: str
    initials: str
    male: bool


def person_name(rng: Random) -> PersonName:
    """A realistic name: a weighted surname and one or two given-name characters."""
    rnd = rng.random
    surname = _SURNAME_TABLE[int(rnd() * len(_SURNAME_TABLE))]
    male = rnd() < 0.56
    last = MALE_CHARS if male else FEMALE_CHARS
    s_full, s_ini = _SURNAME_PINYIN[surname]
    second = last[int(rnd() * len(last))]
    p2, i2 = _CHAR_PINYIN[second]
    if rnd() < 0.3:  # two-character name, e.g. 张伟
        return PersonName(surname + second, s_full + p2, s_ini + i2, male)
    first_list = FIRST_CHARS_MALE if male else FIRST_CHARS_FEMALE
    first = first_list[int(rnd() * len(first_list))]
    if first == second:
        first = "晓"
    p1, i1 = _CHAR_PINYIN[first]
    return PersonName(surname + first + second, s_full + p1 + p2, s_ini + i1 + i2, male)


# --- Places ------------------------------------------------------------------------------


@dataclass(frozen=True)
class City:
    name: str  # 石家庄
    plate: str  # 冀A
    area_code: str  # landline 0311
    districts: tuple[tuple[str, str], ...]  # (name, admin division code)
    places: tuple[str, ...]  # where stations are: roads, towns, service areas


CITIES: tuple[City, ...] = (
    City(
        "石家庄", "冀A", "0311",
        (("长安区", "130102"), ("桥西区", "130104"), ("新华区", "130105"),
         ("裕华区", "130108"), ("藁城区", "130109"), ("鹿泉区", "130110"),
         ("正定县", "130123"), ("辛集市", "130181"), ("晋州市", "130183")),
        ("中华大街", "建华大街", "友谊大街", "和平路", "裕华路", "槐安路", "胜利大街",
         "石铜路", "307国道", "京港澳高速石家庄服务区", "南二环", "北二环", "东三环",
         "正定新区", "鹿泉开发区", "藁城", "辛集", "晋州", "赵县", "栾城", "元氏", "井陉"),
    ),
    City(
        "保定", "冀F", "0312",
        (("竞秀区", "130602"), ("莲池区", "130606"), ("满城区", "130607"),
         ("清苑区", "130608"), ("徐水区", "130609"), ("涿州市", "130681"),
         ("安国市", "130683"), ("高碑店市", "130684")),
        ("东风路", "朝阳大街", "七一路", "三丰路", "乐凯大街", "107国道", "京昆高速服务区",
         "涿州", "高碑店", "徐水", "清苑", "满城", "安国", "定兴", "易县", "白沟"),
    ),
    City(
        "唐山", "冀B", "0315",
        (("路南区", "130202"), ("路北区", "130203"), ("古冶区", "130204"),
         ("开平区", "130205"), ("丰南区", "130207"), ("丰润区", "130208"),
         ("遵化市", "130281"), ("迁安市", "130283")),
        ("建设路", "新华道", "北新道", "卫国路", "长宁道", "102国道", "唐港高速服务区",
         "丰南", "丰润", "迁安", "遵化", "滦州", "曹妃甸", "乐亭", "玉田", "古冶"),
    ),
    City(
        "沧州", "冀J", "0317",
        (("新华区", "130902"), ("运河区", "130903"), ("泊头市", "130981"),
         ("任丘市", "130982"), ("黄骅市", "130983"), ("河间市", "130984")),
        ("解放路", "永济路", "浮阳大道", "北京路", "九河路", "104国道", "沧州港",
         "黄骅", "任丘", "河间", "泊头", "青县", "献县", "盐山", "肃宁", "东光"),
    ),
)  # fmt: skip

OTHER_PLATE_PREFIXES = ["冀C", "冀D", "冀E", "冀G", "冀H", "冀R", "冀T"]
OUT_OF_PROVINCE_PLATES = ["京A", "京N", "京Q", "津A", "津C", "鲁A", "鲁N", "豫A", "晋A",
                          "蒙A", "辽A", "京E", "津H", "鲁P", "豫N"]  # fmt: skip
OTHER_ID_REGIONS = ["110105", "110108", "120104", "370102", "410102", "140105", "130302",
                    "130402", "130503", "131002", "131102"]  # fmt: skip

ROADS = ["中山路", "建设大街", "胜利路", "和平路", "解放路", "人民路", "友谊大街", "新华路",
         "裕华路", "育才街", "东风路", "朝阳路", "红旗大街", "体育大街", "光明路", "光华路",
         "长江大道", "黄河大道", "学府路", "工业路", "迎宾路", "富强路", "民生路", "文化路"]  # fmt: skip
COMPOUNDS = ["小区", "花园", "家园", "新村", "苑", "公寓", "商务楼", "工业园"]

# --- Companies -----------------------------------------------------------------------------

BRAND_FIRST = list("顺宏恒鑫华永通金瑞天安中泰兴福德路畅远捷万正旭盛嘉鼎博诚信达昌隆汇")
BRAND_SECOND = list("达远通源鑫盛泰丰成运捷安利兴发祥瑞和康宇华航力驰腾通晟昊")
INDUSTRIES: list[tuple[str, float]] = [
    ("物流", 18), ("运输", 14), ("货运", 8), ("汽车运输", 5), ("客运", 4), ("建筑工程", 7),
    ("建材", 5), ("商贸", 8), ("出租汽车", 4), ("公交", 1), ("环卫服务", 2), ("机械租赁", 3),
    ("混凝土", 3), ("快递", 3), ("冷链物流", 2), ("农业发展", 3), ("钢铁", 2),
    ("煤炭运销", 2), ("汽车服务", 3), ("驾驶培训", 2), ("物业服务", 2), ("食品", 2),
]  # fmt: skip
COMPANY_SUFFIXES: list[tuple[str, float]] = [
    ("有限公司", 70), ("有限责任公司", 15), ("股份有限公司", 5), ("集团有限公司", 5),
    ("车队", 5),
]  # fmt: skip
_INDUSTRY_TABLE = expand(INDUSTRIES, 1)
_SUFFIX_TABLE = expand(COMPANY_SUFFIXES, 1)

EMPLOYERS = ["个体经营", "自由职业", "中国移动", "国家电网", "市第一医院", "人民医院", "实验中学",
             "市政府", "县交通局", "中国邮政", "顺丰速运", "京东物流", "美团", "滴滴出行",
             "建设银行", "农业银行", "农村信用社", "长城汽车", "河钢集团", "开滦集团",
             "华北制药", "石药集团", "保定电谷", "曹妃甸港", "沧州炼化"]  # fmt: skip


@dataclass(frozen=True)
class CompanyName:
    name: str
    pinyin: str
    initials: str
    industry: str
    group: bool


def company_name(rng: Random, city: City) -> CompanyName:
    """E.g. 石家庄顺达物流有限公司 (sometimes with the district, sometimes without the city)."""
    rnd = rng.random
    brand = (
        BRAND_FIRST[int(rnd() * len(BRAND_FIRST))] + BRAND_SECOND[int(rnd() * len(BRAND_SECOND))]
    )
    industry = _INDUSTRY_TABLE[int(rnd() * len(_INDUSTRY_TABLE))]
    suffix = _SUFFIX_TABLE[int(rnd() * len(_SUFFIX_TABLE))]
    r = rnd()
    if r < 0.55:
        place = city.name
    elif r < 0.75:
        district = city.districts[int(rnd() * len(city.districts))][0]
        place = city.name + "市" + district
    elif r < 0.85:
        place = "河北"
    else:
        place = ""
    parts = [p for p in (place, brand, industry, suffix) if p]
    full = "".join(pinyin_of(p)[0] for p in parts)
    initials = "".join(pinyin_of(p)[1] for p in parts)
    return CompanyName("".join(parts), full, initials, industry, suffix == "集团有限公司")


# --- Vehicles ------------------------------------------------------------------------------

CAR_MODELS: list[tuple[str, float]] = [
    ("大众朗逸", 8), ("丰田卡罗拉", 6), ("日产轩逸", 6), ("本田雅阁", 4), ("别克英朗", 4),
    ("哈弗H6", 6), ("长安CS75", 4), ("吉利帝豪", 4), ("大众速腾", 4), ("丰田凯美瑞", 3),
    ("本田CR-V", 3), ("五菱宏光", 4), ("奥迪A6L", 2), ("宝马3系", 2), ("奔驰C级", 2),
    ("大众帕萨特", 3), ("比亚迪宋", 2), ("奇瑞瑞虎8", 2), ("长城炮", 2), ("传祺GS4", 2),
]  # fmt: skip
TRUCK_MODELS: list[tuple[str, float]] = [
    ("解放J6P", 6), ("东风天龙", 5), ("重汽豪沃", 5), ("陕汽德龙", 4), ("福田欧曼", 4),
    ("江淮帅铃", 3), ("金杯海狮", 2), ("宇通客车", 2), ("福田奥铃", 3), ("江铃顺达", 2),
    ("三一搅拌车", 2),
]  # fmt: skip
NEV_MODELS: list[tuple[str, float]] = [
    ("比亚迪秦PLUS DM-i", 5), ("比亚迪宋PLUS DM-i", 4), ("理想L7", 2), ("问界M7", 2),
    ("比亚迪海豹", 1), ("特斯拉Model Y", 1), ("五菱宏光MINI EV", 1), ("深蓝SL03", 1),
]  # fmt: skip
CAR_TABLE = expand(CAR_MODELS, 1)
TRUCK_TABLE = expand(TRUCK_MODELS, 1)
NEV_TABLE = expand(NEV_MODELS, 1)

# --- Free texts ------------------------------------------------------------------------------

CONTACT_TITLES = ["车队长", "经理", "财务", "调度", "总经理", "办公室主任", "司机班长", "采购"]
PREFERRED_TIMES = ["工作日白天", "晚上7点后", "周末", "上午", "下午", "中午12点到1点"]
NEEDS = ["需要开具增值税专用发票", "希望办理车队卡统一结算", "希望增加洗车服务",
         "希望积分能兑换更多商品", "需要夜间加油", "希望有大车通道", "希望提供月结",
         "关注油价调整通知", "希望便利店有更多日用品", "需要尿素(车用尿素)"]  # fmt: skip
NOTES = ["车队周一集中加油", "喜欢加95号", "不喜欢电话打扰,可发微信", "对价格敏感",
         "老客户,熟人介绍", "常带家人来,买便利店商品", "偶尔去附近民营站",
         "站长负责维护", "每月月底对账"]  # fmt: skip
LEVEL_REASONS = ["年度评级调整", "消费量上升", "消费量下降", "按评分模型重新评级", "建档后首次评级"]
OWNER_REASONS = ["员工离职,客户移交", "员工调岗", "按片区重新分配客户", "客户要求更换客户经理"]

ABSENCE_CAUSES = ["出差外地一段时间", "车辆在维修", "换了工作,路线变化", "附近新开了加油站",
                  "价格原因去了民营站", "车已卖掉", "最近用车少", "家里有事回老家"]  # fmt: skip
ABSENCE_MEASURES = ["赠送洗车券,欢迎回来", "告知会员日优惠", "站长电话致歉并邀请回站",
                    "推荐办理加油卡享受折扣", "登记新路线附近的本公司站点", "已记录,下月再回访"]  # fmt: skip
CALLBACK_NEEDS = ["希望增加洗车服务", "希望开具专用发票", "想办理副卡", "希望提前通知调价",
                  "希望便利店能送货"]  # fmt: skip
CALLBACK_PROBLEMS = ["高峰期排队时间长", "便利店商品价格偏高", "卫生间不够干净",
                     "加油员态度一般", "发票打印慢", "夜间照明不足"]  # fmt: skip
CALLBACK_SUGGESTIONS = ["建议增设自助加油机", "建议早上6点前开门", "建议增加大车加油位",
                        "建议微信推送油价", "建议会员日加大优惠"]  # fmt: skip
REVIEW_COMMENTS = ["记录完整,继续跟进", "原话记录清楚,很好", "需要补充客户需求", "下周再次回访",
                   "问题已转站长处理"]  # fmt: skip
EXIT_REASONS = [
    ("competitor", "转到其他油企加油"),
    ("moved", "搬家或路线变化"),
    ("price", "价格原因"),
    ("service", "对服务不满意"),
    ("vehicle_sold", "车辆已出售"),
    ("other", "其他原因"),
]

COMPLAINT_CATEGORIES = ["服务态度", "油品质量", "计量/数量", "价格", "加油卡", "发票", "设施/环境",
                        "安全", "其他"]  # fmt: skip
COMPLAINT_TEXTS: dict[str, list[str]] = {
    "服务态度": [
        "加油员说话不耐烦,问了两遍才回答",
        "排队时员工在聊天,没人引导车辆",
        "收银员找零时态度生硬",
    ],
    "油品质量": ["加完油后车辆启动困难,怀疑油品有问题", "加油后发动机故障灯亮"],
    "计量/数量": ["油箱容量50升却加了53升,怀疑计量不准", "加油机显示数量和小票不一致"],
    "价格": ["调价当天没有按新价格结算", "会员价没有享受到"],
    "加油卡": ["加油卡余额不对,少了200元", "副卡无法使用", "挂失后新卡迟迟没有办好"],
    "发票": ["要求开增值税专用发票被拒绝", "发票抬头打错了"],
    "设施/环境": ["卫生间没有纸", "夜间照明太暗,进站不安全", "洗车机坏了好几天"],
    "安全": ["有人在站内吸烟没人制止", "加油时员工没有提醒熄火"],
    "其他": ["便利店商品过期", "停车位被员工车辆占用"],
}
SUGGESTION_TEXTS = ["建议增设新能源充电桩", "建议便利店增加热饮", "建议开通微信预约加油",
                    "建议增加大车专用通道", "建议会员积分可以抵扣油款"]  # fmt: skip
COMPLAINT_WANTS = ["要求道歉", "要求退还差价", "要求检测油品", "要求重新计量", "要求补开发票",
                   "要求给个说法"]  # fmt: skip
ROOT_CAUSES = ["员工培训不足", "操作不规范", "设备老化未及时维护", "管理制度未落实",
               "沟通不及时", "高峰期人手不足", "系统故障"]  # fmt: skip
CORRECTIVE_ACTIONS = ["对当班员工进行服务规范培训", "校验加油机并公示结果", "更换故障设备",
                      "调整高峰期排班", "完善交接班制度", "向客户道歉并补偿"]  # fmt: skip
