"""Entity rules that read one sentence: suffixes, gazetteers and quotes."""
from __future__ import annotations

import re
from functools import cached_property
from typing import Iterator, Optional

from ..lexicon import Lexicon
from ..segment import PREPOSITIONS as _PREPOSITIONS
from ..segment import Token
from .base import (
    CAPACITY_KINDS,
    COMMON_TAGS,
    SEPARATORS,
    Cand,
    NameWalker,
    is_han,
    is_punct,
)

_PROVINCE_PART = re.compile("^[京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川黔滇藏陕甘陇青宁新](?:东南|东北|西南|西北|[东南西北中])$")
_CHIEF_SYSTEM = re.compile("^[河湖林田路山街链][长]制$")
_PART_HEADS = frozenset("京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川黔滇藏陕甘陇青宁新")  # of _PROVINCE_PART
_RING_ROAD = re.compile(r"^[东南西北]?[一二三四五六七八九内外中]环(?:[东南西北]|高架|快速)?(?:路|线|段)?$")
_CAMPUS = re.compile(r"(?:新院区|院区|分院|新院|东院|西院|南院|北院)$")
# Quoted text that is a phrase of the writer's, not a name.
_QUOTE_REJECT_AFTER = ("变为", "转化为", "转变为", "变成")
# Verbs after which a quote is a figure of speech, not a programme (形成“多点开花”).
_FIGURATIVE_VERBS = {"形成", "实现", "成为", "迎来", "获得", "拥有", "面对", "带动"}
_QUOTE_REJECT_BEFORE = ("的", "更多", "更加", "最", "变为", "转化为", "变成", "称为", "誉为", "奉为", "号称", "堪称", "成为", "是", "像", "如同", "当好", "做好")
_STRATEGY_TAIL = r"(?:地区)?(?:协同发展|一体化高质量发展|一体化发展|一体化|生态保护和高质量发展|高质量发展|双城经济圈建设)(?:战略)?"
_METRO_LINE = re.compile(r"(?:地铁|轨道交通|城轨|轻轨|有轨电车)"
                         r"(?:[0-9]+|[一二三四五六七八九十]+)号线(?:[一二三四五六七八九十]期|支线|[东西南北]延线|延长线)?")
_FIVE_YEAR_PLAN = re.compile(r"(?<![“\"])(十[一二三四五六七八九]五)(?:规划|发展规划)(?:纲要)?(?:[（(]草案[）)])?")
_QUOTED_PLAN = re.compile("“十[一二三四五六七八九]五”(?:[\u4e00-\u9fff]{0,14}?)(?:规划纲要|规划建议|规划)")
_PAPERS = ("日报", "晚报", "周报", "周刊", "周末", "时报", "杂志", "新闻")
_PLANS = "(?:规划|纲要|方案|意见|计划|条例|办法|决定|白皮书|行动|政策|措施|战略)(?:（[^）]*）|\\([^)]*\\))?$"
_QUOTE_OPEN = {"“": "”", "「": "」", "『": "』", "‘": "’", "\"": "\""}
_NOT_NAME_START = {"v", "p", "d", "c", "u", "m", "q", "r", "vg"}
_MODIFIED_BY = {"资源", "基金", "体系", "平台", "项目", "企业", "公司", "基地", "中心", "园", "园区",
                "集团", "大会", "联盟", "学院", "大学", "专业", "人才", "网络", "技术", "设备", "示范区",
                "城区", "载体", "生态", "链", "布局", "结构", "规模", "政策", "工作"}
# ...but an industry's companies, size or system are still about the industry
# (商业航天企业, 数字经济规模2.5万亿元).
_INDUSTRY_MEASURES = {"企业", "规模", "体系", "布局", "结构"}
# Bodies whose full names join two fields with 和/与 (国家发展和改革委员会, …与…研究院).
_JOINABLE = {"委员会", "研究院", "研究所", "研究中心", "局", "联盟", "协会", "联合会"}
# Dashes that join the stops of a route (古北水镇-金山岭-避暑山庄).
_DASHES = "-—－"
_DASH = re.compile(f"[{_DASHES}]")
# Registered company forms, whose names hold the region and trade before them.
_REGISTERED = {"有限公司", "股份有限公司", "有限责任公司", "股份公司", "集团有限公司"}
_MEDIA = re.compile(r"(?:对|接受|向|告诉)([\u4e00-\u9fffA-Za-z0-9]{2,14}?)(频道|栏目)?(?:首席|特约|见习)?记者")
_ECONOMY = re.compile("(?:发展|壮大|培育|做强|做大|做优|打造|布局|推动|引领)+([\u4e00-\u9fff]{1,4}?经济)(?![\u4e00-\u9fff]{0,2}[区带圈体])")
_CAMPAIGN = re.compile("(?:实施|开展|落实|启动|深化|组织|推进)([\u4e00-\u9fff]{3,14}?(?:行动计划|专项行动|攻坚行动|行动|工程|计划))(?![\u4e00-\u9fff]{0,1}[的中])")
# Quoted kinds that describe (“我国第一个货运机场”, “海空两港”) rather than name.
_DESCRIBED = re.compile("第[一二三四五六七八九十0-9]+个|首个|唯一|[一二三四五六七八九十两]$|^(?:我国|全国|国内)")
_CONTINUES = {"工作", "工作报告", "报告", "部门", "职能", "债务", "采购", "引导", "购买",
              "城市"}  # 全球研发中心|城市: a title a city holds, not a site
_SESSION_IN = re.compile("[一二三四五六七八九十0-9]+[届次]")
# Words between a firm and the capacity of its plant (赛盛|年产|800吨).
_OUTPUT_WORDS = re.compile("(?:年产能|年产|日产|年处理|日处理|[一二三四五六七八九十]期)?$")
# ...and words that make the run a measure, not a firm (日钢产能置换|900万吨).
_MEASURE_WORDS = re.compile("产能|产量|装机|规模|能力|置换|总量|新增|达到|突破|累计|全年|全市|全省")
# Tags a firm's name may open with: proper nouns, words jieba does not know or only as a morpheme.
_FIRM_TAGS = {"", "nz", "nr", "nrt", "nrfg", "ns", "nt", "j", "g", "x"}
_GENERATION = re.compile("(?:第[一二三四五六七八九十0-9]+代|新一代|下一代)$")
_OWN_ZONES = {"高新区", "经开区", "自贸区", "综保区"}
# The work a facility of engineering does, before 工程 (水资源配置工程, 输变电工程).
_WORKS = re.compile("(?:配置|调蓄|输变电|输电|交流|直流|疏浚|引水|输水|调水|连通|供水|发电|供热|防洪|隧洞|线路)"
                    "(?:[一二三四五六七八九十]期)?工程")
_RURAL = {"农村", "城乡", "城市", "全市", "全县", "全区", "全省"}  # 农村供水工程: a kind of work
_COMMITTEES = ("省委", "市委", "县委", "区委", "州委")
_SECTOR_SCOPES = ("国家重要", "国家级", "省级", "市级", "国家", "全国", "世界级", "世界", "规模以上", "以上",
                  "全市规上", "全省规上", "全市", "全省", "全区", "全县", "规上", "规模", "配套")
_ACCLAIM = re.compile("(?:国内|国际|全国|世界|全球|省内|业内|西部|中部|东部)(?:一流|领先|顶尖|知名)的?")
_RANKED = re.compile("(?:省|自治区|市|县|区|标杆|示范)级")
# Where an industry competes or what rank it is given, not what it is (国际|新能源汽车).
_SCOPE_WORDS = "国际|全球|世界级|国家级|省级|全国|区域性"
_SCOPE = re.compile(_SCOPE_WORDS)
_CLUSTER_RANK = re.compile(f"^(?:[千百万]亿级|{_SCOPE_WORDS})?(?:优质|重点|特色|优势)?")
_CLUSTER_SCALE = re.compile("(?:[千百万]亿(?:级)?)$")
_NUMBERED_ROAD = re.compile(r"(?<![0-9A-Za-z.])(?:[GSX]?[0-9]{2,4}(?:国道|省道|县道)|(?:国道|省道|县道)[GSX]?[0-9]{2,4}(?![0-9.%]))")
_ROUTE = re.compile("(至|—|－)[\u4e00-\u9fff]{1,4}?(?:农村|城际|高速|快速)?(?:高速公路|公路|铁路|高速|城际铁路|快速路|大道|快速通道)")
_LOCATED = {"Village", "Area", "Road", "NaturalFeature", "AdministrativeArea"}
_LEVELS_ONE = {"省", "市", "区", "县"}
_LOCAL_BODY = re.compile("^[省市县区][\u4e00-\u9fff]{1,4}$")
_ALONG = ("沿线", "沿岸", "两侧", "两岸", "沿路")
# 第十四届中俄蒙经贸洽谈暨商品展销会, 2023中国（长沙）…博览会: a numbered edition
# names an event; it runs to the first word that ends an event's name.
_EDITION = re.compile(r"(?<![0-9])(?:(?:19|20)[0-9]{2}年?)?第[一二三四五六七八九十百0-9]+届"
                      r"|(?<![0-9])(?:19|20)[0-9]{2}(?:年(?![底初度末中内来前后间份]))?(?=[A-Za-z\u4e00-\u9fff])")
_EVENT_END = ("会", "会议", "节", "赛", "展", "论坛", "周", "季")
_NOT_EVENT = ("社会", "机会", "都会", "协会", "学会", "委员会", "理事会", "商会", "工会", "基金会")


class SentenceRules:
    """Finds candidates in one sentence; one instance serves a whole pipeline."""

    def __init__(self, lexicon: Lexicon, walker: NameWalker) -> None:
        self.lex = lexicon
        self.walker = walker
        surnames = "".join(sorted(s for s in lexicon.surnames if len(s) == 1))
        self._village = re.compile(f"^[{surnames}]家[庄村堂屯寨峪洼沟湾岭坡店营铺集窑楼台园坊坝桥塘冲塬坪梁峁]$")

    # -- suffixes ---------------------------------------------------------
    def suffix_names(self, text: str, toks: list[Token], people: list[int],
                     containers: list[int]) -> Iterator[Cand]:
        """Names ending in a kind word (产业园, 片区, 医院, 村).

        ``people`` are ends of person names and ``containers`` ends of
        divisions: a name does not reach back over them (港口区|山新村), unless
        it is an organisation or event named after its place (市中区人民政府),
        or nothing but the kind word would be left (济南|宾馆).
        """
        inside = list(containers)
        areas: list[int] = []
        parks: list[int] = []
        ends: list[tuple[int, str]] = []
        short_ends: set[int] = set()
        bodies: list[tuple[int, int]] = []  # (start, end) of bodies named so far, latest first
        for t in toks:
            hit = self.lex.suffix_of(text[max(0, t.end - 12): t.end])
            if not hit:
                continue
            suffix, category, kind = hit
            head = t.end - len(suffix)
            if t.end in people:
                continue  # 魏华山, 曹裕江: a person's name, not a mountain or a river
            if kind == "short" and not self._short_ok(text, toks, t, head):
                continue
            if kind == "brand":
                start = self._brand(toks, t, head)  # 蒙西|煤业, 华德|牧业: a trade name and its trade
                if start is not None:
                    ends.append((t.end, category))
                    yield Cand(start, t.end, category, "suffix", aliases={text[start:head]})  # 君泰福(储能)
                continue
            # a short name ends where another began (朱家庄|尹家堂), but a road may be
            # named after the village or hill before it (中关村路, 英雄山路)
            if kind != "short":
                stops = people
            else:
                # ...but a kind word right after a one-character-suffix name makes a longer
                # name with it (马峡|镇 is 马峡镇, not a gorge and a bare 镇)
                stops = people + [e for e, c in ends if (category != "Road" or c == "Road")
                                  and not (e == head and e in short_ends)]
            start = None
            if category == "Initiative":
                start = self.walker.start_of(toks, head, stops, farthest=True)
            elif category not in ("Organization", "Event"):
                # 港口区|山新村: a division before a village, area or road locates it; parks,
                # schools and hospitals carry their city in the name (北京市新技术产业开发试验区)
                located = inside if category in _LOCATED else []
                start = self.walker.start_of(toks, head, stops + located + (areas if category != "Area" else [])
                                             + (parks if category == "Park" else []))
            if start is None:
                start = self.walker.start_of(toks, head, stops)
            if category == "Organization" and kind != "short":
                # 中国国际商会|可持续发展委员会, 中国科协|科学技术传播中心: a body's unit is named
                # with the body (the unit's own words are often generic)
                parent = next((b for b in bodies if b[1] <= head and head - b[1] <= 10
                               and (start is None or start >= b[1])
                               and re.fullmatch("[\u4e00-\u9fff]*", text[b[1]:head])
                               and self._unit_words(toks, b[1], head)), None)
                if parent is not None:
                    start = parent[0]
            if start is None or self._continues(toks, t, kind):
                continue
            if category == "Organization" and suffix in _JOINABLE:
                start = self._joined(text, toks, start, stops)  # 国家发展和改革委员会
            elif category == "Event" and kind == "name":
                joined = self._joined(text, toks, start, stops)  # 乡村旅游与民宿产业发展大会, but not
                if not any(w in text[joined:start] for w in _EVENT_END + ("会议", "精神")):  # 会议精神和|全会
                    start = joined
            if suffix in _REGISTERED:
                start = min(start, self._registered(toks, head, stops))
            if suffix.endswith(("领事馆", "大使馆")) and text[start - 1:start] == "驻":
                run = text[max(0, start - 7):start - 1]
                k = next((k for k in range(len(run), 1, -1)
                          if self.lex.regions.get(run[-k:]) == "AdministrativeArea"), 0)
                if k:
                    start -= 1 + k  # 日本驻青岛总领事馆
            if category == "Event" and start >= 1 and text[start - 1] in "省市县区" and _SESSION_IN.match(text, start) \
                    and (start == 1 or not is_han(text[start - 2]) or self.lex.boundary(text[start - 2])):
                start -= 1  # 在县十七届人大二次会议上
            if category == "Industry" and suffix.endswith("业") and suffix != "产业":
                # 电气机械和器材制造业 (a class of the national classification), but 新材料和|生物医药产业
                start = self._joined(text, toks, start, stops)
            if category == "Industry":
                # 新出台促进|服务业: a sector's name holds no verb of a plan, though an
                # organisation's may (发展促进联盟)
                start = max([start] + [t.end for t in toks if start <= t.start and t.end <= head
                                       and self.lex.boundary(t.word) == "soft"])
                start = self._without_region(text, start, head)  # 安徽|汽车产业
                if start is None:
                    continue
                scope = _SCOPE.match(text, start)
                if scope and text[scope.end():head] in self.lex.industries:
                    start = scope.end()  # 国际|新能源汽车产业高地: where it competes, not what it is
                core = text[start:head]
                if core.endswith(("核心", "相关", "关联")) and core[:-2] in self.lex.industries:
                    continue  # 数字经济核心产业: a measure of the industry the gazetteer names
            start += self.walker.leading_verb(text[start:t.end])
            if kind == "name" and (acclaim := _ACCLAIM.match(text, start, head)) and head - acclaim.end() >= 2:
                start = acclaim.end()  # 国内一流|合成生物产业园: praise, not the name
            if category == "Organization":
                k = self.lex.leading_division(text[start:head])
                if k and text.startswith(("中国", "国家", "中科院"), start + k):
                    start += k  # 合肥|中国科学院…研究院: a national body, and where it is
            name = text[start:t.end]
            parts = _DASH.split(name)
            if len(parts) >= 2 and (name[0] in _DASHES or all(
                    (own := self.lex.suffix_of(p)) and len(p) > len(own[0]) for p in parts)):
                # 古北水镇-金山岭-避暑山庄: a route through places, each named for itself
                yield from self._route_stops(text, start, t.end)
                continue
            owner = text[start:head].removeprefix("中共")
            if suffix in _COMMITTEES and owner and self.lex.leading_division(owner) != len(owner):
                continue  # 坚决扛起省委: a party committee is named by its division alone
            if category in ("Park", "Facility", "Area") and _RANKED.match(name):
                continue  # 省级研学旅行实践基地, 标杆级孵化器: a grade a place is given, not its name
            if category != "Organization" and self._acts_on_kind(name, suffix):
                continue  # 吉州区做优老城区: a place doing something to a bare kind
            if name in self.lex.generic or len(name) <= len(suffix) or name[0] == "暨" \
                    or re.match(r"([省市县区乡镇村户])\1", name):
                continue  # 高质量发展|暨招商大会: the second name of one event; 县县通高速: a slogan
            if name[0] in "万亿千百" and text[start - 1:start].isdigit():
                continue  # 52|万吨尿素, 1.2|万亩: the rest of a number
            if kind == "short" and len(name) == 2 and self.walker.tag(name[0]) in _NOT_NAME_START:
                continue  # 开街, 上路: a verb and its object
            if kind == "weak" and not self._weak_ok(text, toks, start, head, t, category):
                continue
            if category == "Area" and name[self.lex.leading_division(name):] in self.lex.divisions:
                category = "AdministrativeArea"  # 上海浦东新区: a district named with its city
            ends.append((t.end, category))
            if kind == "short":
                short_ends.add(t.end)
            if category == "Organization":
                bodies.insert(0, (start, t.end))
            if category == "AdministrativeArea":
                inside.append(t.end)  # 港口区|山新村
            elif category == "Area" and kind != "short":
                areas.append(t.end)  # 老城商埠片区|中山公园, but 光明科学城中心区 is one area
            elif category == "Park":
                parks.append(t.end)  # 浒关开发区|莱克工业园
            if category == "Industry" and suffix == "产业集群":
                # 电子信息技术产业集群: the cluster of an industry names the industry, not its
                # scale or rank (千亿级智能家电, 不锈钢千亿, 中小企业特色)
                raw = text[start:head]
                lead = m.end() if (m := _CLUSTER_RANK.match(raw)) else 0
                core = _CLUSTER_SCALE.sub("", raw[lead:])
                if len(core) >= 2 and core not in self.lex.modifiers and core not in self.lex.generic \
                        and not core.endswith(("特色", "优势", "创新", "主导", "支柱")):
                    yield Cand(start + lead, start + lead + len(core), category, "suffix", aliases={name})
                continue
            yield Cand(start, t.end, category, "short_suffix" if kind == "short" else "suffix",
                       aliases=self._aliases(name, category))

    def _acts_on_kind(self, name: str, suffix: str) -> bool:
        k = self.lex.leading_division(name)
        rest = name[k:len(name) - len(suffix)]
        return bool(k) and name[:k] in self.lex.divisions and self.lex.boundary(rest) == "soft"

    def _route_stops(self, text: str, start: int, end: int) -> Iterator[Cand]:
        # the route runs back over stops the walker left out (古北水镇 before -金山岭)
        while start >= 3 and text[start - 1] not in _DASHES and text[start] in _DASHES:
            run = re.search("[\u4e00-\u9fff]{2,8}$", text[:start])
            if not run:
                break
            start = run.start()
        pos = start
        for part in _DASH.split(text[start:end]):
            hit = self.lex.suffix_of(part) if len(part) >= 2 else None
            if hit and len(part) > len(hit[0]) and part not in self.lex.generic:
                k = self.walker.leading_verb(part) if len(part) > 4 else 0
                yield Cand(pos + k, pos + len(part), hit[1], "suffix")
            pos += len(part) + 1

    def _brand(self, toks: list[Token], t: Token, head: int) -> int | None:
        """Start of a company named by a trade name jieba does not know and its trade."""
        if t.start != head:
            return None
        i = toks.index(t)
        prev = toks[i - 1] if i else None
        if prev is None or not 2 <= len(prev.word) <= 4 or not is_han(prev.word) \
                or self.walker.tag(prev.word) not in ("", "nz", "nrt") or prev.word in self.lex.divisions \
                or prev.word in self.lex.division_short or self.lex.boundary(prev.word) \
                or prev.word in self.lex.generic or prev.word in self.lex.modifiers \
                or self.lex.industry_like(prev.word):
            return None  # 氢能|储能 is a sector, 天顺|储能 a firm
        nxt = toks[i + 1].word if i + 1 < len(toks) else ""
        if nxt in ("产业", "行业", "企业", "领域", "集群", "基地", "园区", "产业园") \
                or (nxt in self.lex.suffixes and self.lex.suffixes[nxt][1] != "Organization"):
            return None  # 蒙西煤业产业: the trade of a region; 深汕智造|城: a place
        return prev.start

    def _short_ok(self, text: str, toks: list[Token], t: Token, head: int) -> bool:
        """A one-character suffix (村, 路, 山) counts only at a word's end, after name material."""
        if t.word in self.lex.industries or t.word in self.lex.division_short or t.word in self.lex.divisions:
            return False  # 集成电路 is no road, 舟山 and 佛山 are cities, not hills
        if t.word in self.lex.generic:
            # a kind word on its own (山, 村, 路) names a place only after a name
            # (云舍|村, 正阳|路), not after a division's full name (港口区|山新村)
            i = toks.index(t)
            prev = toks[i - 1].word if i else ""
            # 世纪|路, 解放|路: streets are named after common nouns too
            tags = ("", "ns", "nr", "nz", "n") if t.word in ("路", "街") else ("", "ns", "nr", "nz")
            return (len(t.word) == 1 and len(prev) >= 2 and is_han(prev)
                    and self.walker.tag(prev) in tags
                    and prev not in self.lex.divisions and not self.lex.boundary(prev))
        if text[head:t.end] == "局" and (t.word != "局" and self.walker.tag(t.word) != "nt"
                                        or any(t.word.endswith(g) for g in self.lex.generic if g.endswith("局"))):
            return False  # 改革|局, 航空局/nt; not 新格局/nt, 破局
        if re.fullmatch("[一二三四五六七八九十]+[路街]", t.word):
            i = toks.index(t)
            prev = toks[i - 1].word if i else ""
            # 经|十路, 纬|二路, 和平|三路: numbered streets; not 市值|一路(飙升)
            return is_han(prev) and (len(prev) == 1 or self.walker.tag(prev) in ("ns", "nr", "nz", ""))
        if len(t.word) >= 2:
            # 城镇, 道路, 农村: everyday words, unless the word before adds a name
            if self.walker.tag(t.word) in COMMON_TAGS and not (len(t.word) >= 3 and text[head:t.end] in "路街"):
                i = toks.index(t)
                prev = toks[i - 1] if i else None
                return bool(prev and is_han(prev.word) and not self.lex.boundary(prev.word)
                            and self.walker.tag(prev.word) in ("ns", "nr", "nz", "nrt", "j", ""))
            return True
        i = toks.index(t)
        return i > 0 and is_han(toks[i - 1].word)

    def _unit_words(self, toks: list[Token], start: int, head: int) -> bool:
        """The words between a body and a unit's kind word name the unit, unless a listed
        verb opens them (商务局|推进…委员会) or a preposition stands among them."""
        words = [x.word for x in toks if start <= x.start and x.end <= head]
        return not (words and len(words[0]) > 1 and self.lex.boundary(words[0])) \
            and not any(w in _PREPOSITIONS or w in self.lex.titles or w == "兼" for w in words)  # 总裁兼…

    def _registered(self, toks: list[Token], head: int, stops: list[int]) -> int:
        """A registered company's full name runs back to the word that introduces it
        (广西启迪创新跨境电子商务有限公司): region, trade name and trade are all name."""
        return self.walker.run_back(toks, head, max((p for p in stops if p <= head), default=0))

    def _joined(self, text: str, toks: list[Token], start: int, stops: list[int]) -> int:
        """A body's name may hold 和/与/及 (住房和城乡建设部, 量子信息与量子科技创新研究院)
        when what comes before it is not a complete name of its own (市委和市政府)."""
        if start < 2 or text[start - 1] not in "和与及":
            return start
        before = self.walker.start_of(toks, start - 1, stops)
        own = self.lex.suffix_of(text[before:start - 1]) if before is not None else None
        if before is None or start - 1 - before < 2 or (own and own[2] in ("name", "short")):
            return start
        return before

    def _continues(self, toks: list[Token], t: Token, kind: str) -> bool:
        """政府|工作报告, 产业|载体: the kind word qualifies the noun after it."""
        i = toks.index(t)
        nxt = toks[i + 1].word if i + 1 < len(toks) else ""
        if nxt == "项目" and self.lex.suffix_of(t.word) and self.lex.suffix_of(t.word)[1] != "Industry":
            return False  # 蒙草科技中心|项目: a named site's project, not 产业|项目
        return nxt in _CONTINUES or (kind == "weak" and (nxt in _MODIFIED_BY or nxt in self.lex.class_nouns))

    def _without_region(self, text: str, start: int, head: int) -> int | None:
        start += self.lex.leading_division(text[start:head])
        stripped = True
        while stripped:  # 省级|以上|制造业
            stripped = False
            for w in _SECTOR_SCOPES:
                # 国家|先进制造业(集群), 省级|文旅产业, 规模（限额）以上|服务业: where and how big, not what
                if text[start:head] == w:
                    return None
                if text.startswith(w, start) and head - start > len(w) + 1:
                    start += len(w)
                    stripped = True
                    break
        prefix = text[start:head]
        if not prefix or prefix in self.lex.modifiers or prefix in self.lex.generic or len(prefix) > 8:
            return None
        return start

    def _weak_ok(self, text: str, toks: list[Token], start: int, head: int, t: Token,
                 category: str) -> bool:
        """Suffixes that also make plain phrases (产业, 中心, 基地) need more.

        The phrase must end there (not 产业载体, 中心城区), and, except for
        industries, hold a proper name (湖南大数据交易中心, not 政务服务中心).
        """
        prefix = text[start:head]
        if category == "Industry":
            if len(prefix) == 1 and not self.walker.tag(prefix).startswith("n"):
                return False  # 强|产业, 兴|产业: a slogan's verb, not a sector (铝|产业 is one)
            inner = [x for x in toks if start <= x.start and x.end <= head]
            # 做大做强|出版印刷产业: after a verb of the plan, trades jieba tags as verbs
            # (出版, 养殖) are the sector's name, unless a quality ends it (抢占|未来产业)
            planned = any(x.end == start and self.lex.boundary(x.word) == "soft" for x in toks) \
                and not any(prefix[-k:] in self.lex.modifiers for k in (2, 3, 4))
            return (not prefix.endswith(("化", "型", "性")) and prefix not in self.lex.modifiers
                    and (prefix in self.lex.industries
                         or not any((self.walker.boundary(x.word) and x.word not in ("和", "及")
                                     and not (planned and self.walker.tag(x.word) in ("v", "vn")))
                                    or self.walker.tag(x.word) in (("m", "r") if planned else ("v", "m", "r"))
                                    for x in inner)))
        if self.lex.holds_short_name(prefix) or "·" in prefix or prefix in self.lex.companies:
            return True  # …, 东风|公司: a listed company with its kind word
        inner = [x for x in toks if start <= x.start and x.end <= head]
        if prefix.startswith(("国家", "中国")) and len(prefix) >= 8 and not any(self.lex.boundary(x.word) for x in inner):
            return True  # 国家油气地球物理勘探技术创新中心: national bodies are named by their field
        if category == "Initiative":
            return len(prefix) >= 2 and not prefix.endswith(("的", "型"))  # 创新驱动发展战略
        inner = [x for x in toks if start <= x.start and x.end <= head]
        if category == "Area":
            # 靠山社区, 阳光小区: a name of its own, not a quality (和谐社区, 完整社区)
            return (len(prefix) >= 2 and bool(inner) and self.walker.tag(inner[-1].word) not in ("a", "ad", "an", "v", "vn")
                    and not prefix.endswith(("型", "性", "化", "式"))
                    and not any(self.walker.boundary(x.word) or x.word in self.lex.modifiers for x in inner))
        if inner and all(x.word in self.lex.modifiers or x.word in self.lex.industries
                         or x.word in self.lex.generic for x in inner) and not _SESSION_IN.search(prefix):
            return False  # 大型综合性现代物流集团: a description of a kind of firm
        if _SESSION_IN.search(prefix):
            return True  # 十七届人大二次会议
        if t.start <= start and self.walker.tag(t.word) in ("nt", "nz"):
            return True  # 海尔集团/nt: jieba knows the whole name
        if category == "Organization" and _LOCAL_BODY.match(prefix):
            return True  # 省住建厅, 县发改局
        if len(prefix) >= 2 and inner and all(len(x.word) == 1 and is_han(x.word) for x in inner):
            return True  # 娲/石/集团: characters jieba could not make a word of are a name
        return any(self.walker.tag(x.word) in ("ns", "nr", "nrt", "nz", "nt", "j", "eng")
                   or x.word in self.lex.divisions or self._unknown_word(x.word) for x in inner)

    def _unknown_word(self, word: str) -> bool:
        """A word jieba does not know (京阳, 中圣) is most likely a name."""
        return (len(word) >= 2 and is_han(word) and self.walker.tag(word) == ""
                and not self.lex.boundary(word) and word not in self.lex.modifiers
                and word not in self.lex.generic and word not in self.lex.class_nouns)

    def _aliases(self, name: str, category: str) -> set[str]:
        if category == "Industry" and name.endswith("产业") and len(name) >= 4:
            return {name[:-2]}
        if category == "Hospital" and _CAMPUS.search(name):
            base = _CAMPUS.sub("", name)
            if len(base) >= 3:
                return {base}
        return set()

    # -- gazetteers -------------------------------------------------------
    def gazetteer(self, text: str, toks: list[Token]) -> Iterator[Cand]:
        """Whole words (or runs of up to six words) that a lexicon names."""
        n = len(toks)
        gaz, heads = self._gaz, self._gaz_heads
        for i in range(n):
            word = ""
            for j in range(i, min(n, i + 6)):
                word += toks[j].word
                if len(word) > 16:
                    break
                hit = gaz.get(word)
                if hit is None and j <= i + 1 and len(word) <= 8 and ("环" in word or word[0] in _PART_HEADS
                                                                     or word[-1] == "制" or "家" in word):
                    hit = self._pattern_hit(word)
                if hit is None:
                    if j > i and word not in heads:
                        break  # no lexicon name starts with these words
                    continue
                category, rule = hit
                if rule == "division" and not self._division_ok(word, toks, i, j):
                    continue
                if category == "Industry" and j + 1 < n and toks[j + 1].word in _MODIFIED_BY - _INDUSTRY_MEASURES:
                    continue  # 人工智能基金, 文化旅游资源: the industry only qualifies a noun
                start, end = toks[i].start, toks[j].end
                if category == "Industry" and j + 1 < n and toks[j + 1].word == "制造" \
                        and not (j + 2 < n and toks[j + 2].word in ("业", "产业")):
                    end = toks[j + 1].end  # 智能装备|制造: the making of it names the industry
                if category == "Industry" and (gen := _GENERATION.search(text[:start])):
                    start = gen.start()  # 第三代|半导体, 新一代|锂电池: the generation is part of the name
                if rule == "company" and self._brand_after(toks, j):
                    end = toks[j + 1].end  # 上汽|通用五菱, 东风|柳汽, 华润|怡宝: a group's company or brand
                if category == "Organization" and i > 0 and toks[i - 1].word in _LEVELS_ONE \
                        and (i == 1 or not is_han(toks[i - 2].word) or self.lex.boundary(toks[i - 2].word)):
                    start = toks[i - 1].start  # 省|国资委: the province's own body
                # 光电|产业: the industry's name with its kind word is also its name
                also = {text[start:end] + "产业"} if category == "Industry" and text[end:end + 2] == "产业" else set()
                yield Cand(start, end, category, rule, aliases=also)

    def _brand_after(self, toks: list[Token], j: int) -> bool:
        """A proper or unknown word right after a known company, closing the phrase."""
        if j + 1 >= len(toks):
            return False
        nxt = toks[j + 1]
        closes = j + 2 == len(toks) or is_punct(toks[j + 2]) or toks[j + 2].word in ("、", "和", "及", "与", "等")
        return closes and 2 <= len(nxt.word) <= 4 and is_han(nxt.word) and self.walker.tag(nxt.word) in ("nz", "") \
            and not self.lex.boundary(nxt.word) and nxt.word not in self.lex.generic and not self.lex.suffix_of(nxt.word)

    def divisions_in(self, text: str, toks: list[Token]) -> Iterator[Cand]:
        """Full division names wherever they stand, even where jieba cut across
        them (港口/区山/新村): a name with its suffix is unambiguous."""
        starts = {t.start for t in toks}
        i, n = 0, len(text)
        heads = self.lex.division_heads
        while i < n:
            hit = self.lex.division_at(text, i) if text[i] in heads else 0
            if hit and (i in starts or not is_han(text[i - 1])):
                end = i + hit
                if text[end - 1] in "省市区县" and text[end:end + 1] == "委" and text[end + 1:end + 2] != "员":
                    # 武汉市委常委: the city's party committee, named by the city
                    yield Cand(i, end + 1, "Organization", "suffix")
                yield Cand(i, end, "AdministrativeArea", "division")
                i += hit
            else:
                i += 1

    @cached_property
    def _gaz(self) -> dict[str, tuple[str, str]]:
        """Every lexicon name in one table; earlier sources win (the user's first)."""
        gaz: dict[str, tuple[str, str]] = {w: ("AdministrativeArea", "division") for w in self.lex.common_shorts}
        for w in self.lex.industries:
            gaz[w] = ("Industry", "industry")
        for w in self.lex.companies:
            gaz[w] = ("Organization", "company")
        for w in self.lex.division_short:
            gaz[w] = ("AdministrativeArea", "division")
        for w in self.lex.divisions:
            gaz[w] = ("AdministrativeArea", "division")
        for w, c in self.lex.regions.items():
            gaz[w] = (c, "division")
        for w, c in self.lex.user_terms.items():
            gaz[w] = (c, "user")
        return gaz

    @cached_property
    def _gaz_heads(self) -> frozenset[str]:
        """Every proper beginning of a lexicon name: a run of words that is none of these
        can grow into no name."""
        return frozenset(w[:k] for w in self._gaz for k in range(1, len(w)))

    def _pattern_hit(self, word: str) -> Optional[tuple[str, str]]:
        # each test first checks what its pattern cannot do without (a length, a character)
        three = len(word) == 3
        if three and word[2] == "制" and _CHIEF_SYSTEM.match(word):
            return "Initiative", "road"  # 河长制, 林长制
        if "环" in word and _RING_ROAD.match(word):
            return "Road", "road"
        if three and word[1] == "家" and self._village.match(word) \
                and not any(word + s in self.lex.divisions for s in "市县区"):
            return "Village", "village"
        if 2 <= len(word) <= 3 and _PROVINCE_PART.match(word):
            return "Area", "road"  # 皖北, 苏中, 鲁西南: parts of a province
        return None

    def _division_ok(self, word: str, toks: list[Token], i: int, j: int) -> bool:
        """和县 in 区和县, 大关 in 3000亿大关, 新建 in 新建、续建: short county names
        count only as words of their own."""
        if len(word) <= 2 and word in self.lex.divisions:
            return self._clear_left(toks, i)
        if word in self.lex.common_shorts:
            # 铜鼓|获评, 常熟、: a short name that is also a word stands alone before a verb
            # or a comma, not inside a name (莲花|台景区)
            nxt = toks[j + 1] if j + 1 < len(toks) else None
            return (nxt is None or is_punct(nxt) or self.walker.tag(nxt.word) in ("v", "vd", "m", "d", "p", "c", "u", "uj")) \
                and word not in self.lex.modifiers and self._clear_left(toks, i)
        if word in self.lex.division_short and all(d.level == "county" for d in self.lex.division_short[word]):
            return not self.lex.boundary(word) and word not in self.lex.modifiers and self._clear_left(toks, i)
        return True

    def _clear_left(self, toks: list[Token], i: int) -> bool:
        if i == 0:
            return True
        prev = toks[i - 1].word
        return not is_han(prev) or bool(self.lex.boundary(prev))

    # -- quotes -----------------------------------------------------------
    def _programme(self, text: str, start: int, end: int, inner: str) -> bool:
        """Named programmes are numbered (一区多园, 5G+), paired (产业回归、工业回城),
        introduced by a programme verb (实施“…”, 促进“放心消费”) or followed by a
        programme word (“双盲”评审改革, “接诉即办”和“每月一题”机制, 以“全域园博”为导向)."""
        if re.search(r"[0-9一二三四五六七八九十两百千万+＋、]", inner):
            return True
        head = text[max(0, start - 7): start - 1]
        tail = text[self._run_end(text, end) + 1:]
        tail = re.sub(r"^[”’」』]?(?:等等|等)?", "", tail)[:6]
        after = [w for w, k in self.lex.programmes.items() if k == "after"]
        return (any(w in tail[:len(w) + 2] for w in after)
                or any(w in head for w, k in self.lex.programmes.items() if k == "before")
                or self._introduced(text[max(0, start - 5): start - 1]))

    def _introduced(self, before: str) -> bool:
        """A verb of the lexicon right before the quote (建设“燕赵宜居县城”), not one
        that makes the quote a figure of speech (形成“多点开花”)."""
        return bool(self.lex.verbs_ending(before) - _FIGURATIVE_VERBS)

    @staticmethod
    def _run_end(text: str, end: int) -> int:
        """The closing mark of the last of adjacent quotes (“乐动草原”“两河圣山”“草原音乐之城”)."""
        while True:
            m = re.match(r"[”’」』]\s*(?:[、和及与]\s*)?[“‘「『][^”’」』“‘「『]{1,16}(?=[”’」』])", text[end:])
            if not m:
                return end
            end += m.end()

    def strategies(self, text: str) -> Iterator[Cand]:
        """京津冀协同发展, 长三角一体化发展: a named region with its national strategy."""
        for m in self._strategy.finditer(text):
            yield Cand(m.start(), m.end(), "Initiative", "quote")

    def economies(self, text: str) -> Iterator[Cand]:
        """发展水经济, 壮大夜间经济: a kind of economy a report develops is an industry,
        not 实体经济 or 县域经济 (generic words)."""
        for m in _ECONOMY.finditer(text):
            name = m.group(1)
            if name not in self.lex.generic and name[:-2] not in self.lex.modifiers and is_han(name[:-2]):
                yield Cand(m.start(1), m.end(1), "Industry", "suffix")

    def campaigns(self, text: str) -> Iterator[Cand]:
        """开展零部件百企提升计划, 落实数化湖北行动计划: a campaign a report launches, named
        without quotes; it needs a mark of a proper name (a count like 百企 or 十百千, or
        a place), else 实施城市更新行动 would be one too."""
        for m in _CAMPAIGN.finditer(text):
            name = m.group(1)
            k = self.walker.leading_verb(name)
            k += next((j for j in (3, 2) if self.lex.boundary(name[k:k + j]) == "hard"), 0)  # 新一轮|乐山大佛…工程
            name, start = name[k:], m.start(1) + k
            if len(name) < 5 or name in self.lex.generic or self.lex.opens_with_verb(name) or _WORKS.search(name):
                continue  # (水资源配置工程 is a facility)
            counted = re.search("[0-9二三四五六七八九十百千万]", name[:-2])  # not 新一轮
            placed = any(name[i:i + n] in self.lex.divisions or name[i:i + n] in self.lex.division_short
                         for i in range(len(name) - 2) for n in (2, 3, 4))
            if counted or placed:
                yield Cand(start, start + len(name), "Initiative", "suffix")

    @cached_property
    def _strategy(self) -> re.Pattern:
        regions = sorted((w for w, c in self.lex.regions.items() if c == "Area"), key=len, reverse=True)
        return re.compile("(?:" + "|".join(map(re.escape, regions)) + ")" + _STRATEGY_TAIL)

    def capacity_owners(self, text: str, toks: list[Token]) -> Iterator[Cand]:
        """永祥能源科技12万吨高纯晶硅, 中环20GW光伏叠瓦组件, 赛盛年产800吨碳化硅: in a list of
        plants the name before a capacity and its product is the firm's."""
        for m in self._capacity.finditer(text):
            end = m.start()
            end -= len(_OUTPUT_WORDS.search(text[:end]).group())  # 赛盛|年产, 永祥新能源|三期
            start = self.walker.run_back(toks, end)
            first = next((t for t in toks if t.start == start), None)
            name = text[start:end]
            if first is None or not 2 <= len(name) <= 6 or not is_han(name) or _MEASURE_WORDS.search(name) \
                    or self.walker.tag(first.word) not in _FIRM_TAGS or name in self.lex.generic \
                    or name in self.lex.industries or self.lex.division(name) \
                    or ((own := self.lex.suffix_of(name)) and own[2] != "brand"):
                continue  # 西港区30万吨级: a named kind is no firm; 永祥能源科技 (a trade's name) is
            yield Cand(start, end, "Organization", "company")

    def own_zones(self, text: str, toks: list[Token]) -> Iterator[Cand]:
        """推动高新区、经开区加快打造千亿元园区: the report's own zones go by their kind alone
        where the kind stands as a subject or a list item (not 各高新区, 省级高新区)."""
        for i, t in enumerate(toks):
            if t.word not in _OWN_ZONES:
                continue
            prev = toks[i - 1] if i else None
            if prev is None or is_punct(prev) or prev.word in SEPARATORS or self.lex.boundary(prev.word) == "soft":
                yield Cand(t.start, t.end, "Park", "zone")  # not a name to find again (省级高新区)

    def works(self, text: str, toks: list[Token]) -> Iterator[Cand]:
        """豫东水资源配置工程, 攀西特高压交流工程, 赣江吉安段航道疏浚工程: a work of engineering
        (water, power, waterways) is a facility, named back to the verb that introduces it."""
        for m in _WORKS.finditer(text):
            if not any(t.end == m.end() for t in toks):
                continue
            start = self.walker.run_back(toks, m.end(), numbers=True)  # 围场牌楼500千伏输变电工程
            name = text[start:m.end()]
            head = text[start:m.start()]
            words = [t for t in toks if start <= t.start and t.end <= m.start()]
            # 铁岗水库输水隧洞工程, 赣江…疏浚工程: a work named after a reservoir or river is
            # told by that place, which is the name to keep
            placed = any((k := self.lex.suffix_of(text[start:t.end])) and k[1] in ("Facility", "NaturalFeature")
                         and t.end - start > len(k[0]) for t in words)
            if len(head) >= 2 and name not in self.lex.generic and not self.walker.is_generic_prefix(words) \
                    and head[:2] not in _RURAL and not placed:
                yield Cand(start, m.end(), "Facility", "suffix")

    @cached_property
    def _capacity(self) -> re.Pattern:
        units = sorted((u for u, k in self.lex.units.items() if k in CAPACITY_KINDS),
                       key=len, reverse=True)
        return re.compile(r"[0-9]+(?:\.[0-9]+)?[万亿]?(?:" + "|".join(map(re.escape, units)) + r")(?:级)?(?=[\u4e00-\u9fff])")

    def editions(self, text: str, toks: list[Token]) -> Iterator[Cand]:
        """第十四届全国冬运会, 自治区第二届冬运会, 2021湖北武黄同城暨黄石（光谷）产业投资推介会:
        a numbered or dated edition names an event; the place before it is part of the name."""
        bracketed = {i for b in re.finditer(r"[（(][\u4e00-\u9fff]{2,6}[）)]", text) for i in (b.start(), b.end() - 1)}
        for m in _EDITION.finditer(text):
            dated = not m.group().endswith("届")
            end = None
            for t in toks:
                if t.end <= m.end() or t.start < m.start():
                    continue
                if t.end > m.end() + 30 or (is_punct(t) and t.start not in bracketed):
                    break  # punctuation came first: not an event's name
                if dated and self.lex.boundary(t.word):
                    break  # 2021年举办…: a sentence, not a name
                if t.word.endswith(_EVENT_END) and not t.word.endswith(_NOT_EVENT):
                    end = t.end
                    break
            if end is None:
                continue
            start = m.start()
            before = self.walker.start_of(toks, start) if not dated else None
            if before is not None and start - before <= 8 \
                    and not any(self.lex.boundary(t.word) for t in toks if before <= t.start < start):
                start = before  # 自治区|第二届冬运会, but not 成功举办|第二届…大赛
            yield Cand(start, end, "Event", "suffix")

    def routes(self, text: str, toks: list[Token]) -> Iterator[Cand]:
        """省道西演至肃宁公路, 海—宝农村公路, 京—沪高速: a road named by its two ends;
        264省道, 国道206, G318国道: a trunk road named by its number."""
        for m in _NUMBERED_ROAD.finditer(text):
            yield Cand(m.start(), m.end(), "Road", "road")
        for m in _ROUTE.finditer(text):
            start = self.walker.start_of(toks, m.start(1))
            if start is None or m.start(1) - start > 6:
                continue
            while text[start - 1:start] in ("至", "—", "－") and start >= 2:
                back = self.walker.start_of(toks, start - 1)  # 兴国至|遂川至桂东高速: a route through three
                if back is None or start - 1 - back > 6:
                    break
                start = back
            yield Cand(start, m.end(), "Road", "road")

    def media(self, text: str, toks: list[Token]) -> Iterator[Cand]:
        """对南方财经全媒体记者说, 接受21世纪经济报道记者采访: the outlet a reporter is of
        (界面新闻|大湾区频道: a channel's name is not the outlet's)."""
        for m in _MEDIA.finditer(text):
            start, end = m.start(1), m.end(1)
            if m.group(2):
                inner = [t for t in toks if start <= t.start and t.end <= end]
                if len(inner) >= 2:
                    end = inner[-1].start
            name = text[start:end]
            if len(name) >= 2 and name not in self.lex.generic and not self.lex.boundary(name):
                yield Cand(start, end, "Organization", "media")

    def foreign_cities(self, text: str) -> Iterator[Cand]:
        """俄罗斯赤塔市, 蒙古国乔巴山市: a city named after its country (sister cities, trade)."""
        for m in self._foreign.finditer(text):
            yield Cand(m.start(1), m.end(1), "AdministrativeArea", "foreign")

    @cached_property
    def _foreign(self) -> re.Pattern:
        countries = sorted((w for w, c in self.lex.regions.items() if c == "AdministrativeArea"), key=len, reverse=True)
        return re.compile("(?:" + "|".join(map(re.escape, countries)) + ")([\u4e00-\u9fff]{2,6}?[市州])(?![\u4e00-\u9fff]{0,1}[场民长委区])")

    def lines(self, text: str) -> Iterator[Cand]:
        """地铁3号线, 轨道交通1号线: numbered lines are roads."""
        for m in _METRO_LINE.finditer(text):
            phase = re.search("[一二三四五六七八九十]期$", m.group())
            aliases = {m.group()[:phase.start()]} if phase else set()
            yield Cand(m.start(), m.end(), "Road", "road", aliases=aliases)

    def titled(self, text: str) -> Iterator[Cand]:
        """《京津冀协同发展规划纲要》 names a plan (Initiative), 《南方周末》 a paper;
        十四五规划纲要(草案) names one without marks."""
        for m in _FIVE_YEAR_PLAN.finditer(text):
            yield Cand(m.start(), m.end(), "Initiative", "quote", aliases={m.group(1) + "规划"})
        for m in _QUOTED_PLAN.finditer(text):
            # “十四五”规划, 中国民航“十三五”规划: the period quoted inside a plan's name
            start = m.start()
            run = re.search(r"[\u4e00-\u9fff]{0,8}$", text[max(0, start - 8):start]).group()
            for k in range(len(run), 1, -1):  # 中国民航|“十三五”规划, 上海|“十四五”规划纲要
                owner = run[-k:]
                if owner in self.lex.divisions or owner in self.lex.division_short \
                        or (owner.startswith(("中国", "国家")) and k <= 4 and not set(owner) & set("在的了是和与及")):
                    start -= k
                    break
            yield Cand(start, m.end(), "Initiative", "quote", aliases={m.group()})
        for m in re.finditer(r"《([^《》]{2,30})》", text):
            inner = m.group(1)
            if inner.endswith(_PAPERS):
                yield Cand(m.start(1), m.end(1), "Organization", "quote")
            elif re.search(_PLANS, inner):
                yield Cand(m.start(1), m.end(1), "Initiative", "quote")

    def quoted(self, text: str, report: bool = False) -> Iterator[Cand]:
        """Quoted names. In a report (``report``) quotation marks name programmes
        and slogans; in news they also mark speech and figures of speech, so a
        quote there needs a programme cue."""
        i = 0
        while i < len(text):
            close = _QUOTE_OPEN.get(text[i])
            if close is None:
                i += 1
                continue
            j = text.find(close, i + 1)
            if j < 0:
                i += 1
                continue
            found = list(self._quote(text, i + 1, j, report))
            yield from found
            # A rejected quote (a sentence of speech) may still hold quoted names.
            i = j + 1 if found else i + 1

    def _quote(self, text: str, start: int, end: int, report: bool = False) -> Iterator[Cand]:
        inner = text[start:end]
        longest = 24 if "、" in inner else 16  # “千亿大储备、百亿大招引、十亿大新增”: a slogan of parts
        if not 2 <= len(inner) <= longest or re.search(r"[，。；！？：,;!?:]", inner):
            return
        after, before = text[end + 1: end + 4], text[max(0, start - 3): start - 1]
        if "—" in inner or "-" in inner.strip("-"):
            parts = re.split(r"[—\-]+", inner)
            offset = start
            typed = []
            for p in parts:
                hit = self.lex.suffix_of(p) if len(p) >= 2 else None
                typed.append((offset, offset + len(p), hit[1] if hit else None))
                offset += len(p) + 1
            if all(c for _, _, c in typed):
                for s, e, c in typed:
                    yield Cand(s, e, c, "quote")
                return
        if _RING_ROAD.match(inner) or after.startswith(_ALONG):
            yield Cand(start, end, "Road", "quote")
            return
        hit = self.lex.suffix_of(inner)
        if hit and hit[2] == "name" and inner not in self.lex.generic and len(inner) > len(hit[0]) \
                and hit[1] != "Industry":  # “中国领航创新产业集群”: a title given, not a sector
            if not _DESCRIBED.search(inner[:-len(hit[0])]):
                yield Cand(start, end, hit[1], "quote")
            return
        if after.startswith(_QUOTE_REJECT_AFTER) or before.endswith(_QUOTE_REJECT_BEFORE):
            return
        if re.fullmatch("[一二三四五六七八九十两]+[大个项类]", inner):
            return  # “五大”供应链平台: a count of the things named after it
        if re.fullmatch("十[一二三四五六七八九]五", inner):
            return  # “十四五” is a period; its plan is named where 规划 follows
        if not is_han(inner) and not re.search(r"[A-Za-z]", inner):
            # “2+3”产业提升计划, “1345”发展思路, “4×4”: numbered programmes; not a quoted figure
            if not (re.fullmatch(r"[0-9]+(?:[+＋×xX*][0-9]+)+", inner)
                    or (re.fullmatch(r"[0-9]{3,}", inner) and not re.fullmatch("(?:19|20)[0-9]{2}", inner)
                        and is_han(text[end + 1:end + 2])
                        and not any(text.startswith(u, end + 1) for u in self.lex.units))):
                return
            yield Cand(start, end, "Initiative", "quote")
            return
        if not (report and is_han(inner[0])) and not self._programme(text, start, end, inner):
            return
        if len(inner) >= 6 and self.lex.opens_with_verb(inner):
            return  # “建设天津国际航运中心”: a task quoted from a plan; its names are found inside
        aliases = set()
        if "、" in inner:
            aliases = {p for p in inner.split("、") if len(p) >= 2}
        yield Cand(start, end, "Initiative", "quote", aliases=aliases)
