"""The kinds of text the rules are written for, one example each (from the issues)."""
from __future__ import annotations

from kg.read import read_text


def extract(pipeline, text):
    ex = pipeline.extract(read_text(text))
    mentions = {(m.text, m.category) for m in ex.mentions}
    relations = {(r.head.text, r.predicate, getattr(r.tail, "text", None)) for r in ex.relations}
    return ex, mentions, relations


def test_enumeration_closed_by_a_count_gives_one_node_each(pipeline):
    _, mentions, _ = extract(pipeline, "推进企沙、白龙双墩、东兴天鹅湾三大渔港经济区建设。")
    assert {("企沙", "Park"), ("白龙双墩", "Park"), ("东兴天鹅湾", "Park")} <= mentions


def test_division_prefix_places_a_village(pipeline):
    _, mentions, relations = extract(pipeline, "防城港市港口区山新村完成改造。")
    assert ("山新村", "Village") in mentions
    assert ("山新村", "locatedIn", "港口区") in relations
    assert ("港口区", "partOf", "防城港市") in relations


def test_person_with_title_holds_the_position_in_the_government(pipeline):
    ex, mentions, relations = extract(
        pipeline, "深圳市人民政府工作报告。深圳市市长覃伟中表示，深圳市政府将推进重大项目。")
    assert ("覃伟中", "Person") in mentions
    held = {(h, t) for h, p, t in relations if p == "holdsPosition"}
    assert ("覃伟中", "深圳市政府") in held or ("覃伟中", "深圳市人民政府") in held
    assert {r.title for r in ex.relations if r.predicate == "holdsPosition"} == {"市长"}


def test_growth_rates_shares_and_points(pipeline):
    ex, _, _ = extract(pipeline, "全年地区生产总值增长7.5%左右，研发经费投入强度提高0.2个百分点，"
                                 "服务业增加值占比达到55%。")
    got = {(i.value, i.unit, i.qualifier) for i in ex.indicators}
    assert {(7.5, "%", "左右"), (0.2, "个百分点", ""), (55, "%", "达到")} <= got


def test_respectively_lists_give_one_indicator_each(pipeline):
    ex, _, _ = extract(pipeline, "交通运输、教育以及信息化行业分别完成182.4亿元、164.5亿元和70.2亿元。")
    labels = {i.label: i.value for i in ex.indicators}
    assert labels == {"交通运输行业完成": 18240000000, "教育行业完成": 16450000000, "信息化行业完成": 7020000000}


def test_counts_before_the_thing_counted(pipeline):
    ex, _, _ = extract(pipeline, "推动20个先进制造业园区建设提速，新建5G基站1200个。")
    got = {(i.value, i.unit) for i in ex.indicators}
    assert {(20, "个"), (1200, "个")} <= got


def test_region_develops_its_listed_industries(pipeline):
    _, _, relations = extract(pipeline, "今后5年，安徽新一代信息技术、汽车及零部件、新材料4个产业营业收入要达到万亿元。")
    assert {("安徽", "develops", "新一代信息技术"), ("安徽", "develops", "新材料")} <= relations


def test_located_by_wei_yu(pipeline):
    _, _, relations = extract(pipeline, "位于皖北的宿州，2021年GDP为2167.7亿元。芜湖位于皖南。")
    assert ("宿州", "locatedIn", "皖北") in relations and ("芜湖", "locatedIn", "皖南") in relations


def test_planned_action_with_year_and_status(pipeline):
    ex, _, _ = extract(pipeline, "2025年，启动实施王官庄、复兴村等城中村改造。去年建成了英雄山路。")
    acts = {(a.target.text, a.year, a.status) for a in ex.actions}
    assert ("王官庄", 2025, "planned") in acts
    assert any(t == "英雄山路" and s == "done" for t, _, s in acts)


def test_figurative_quotes_are_not_initiatives(pipeline):
    _, mentions, _ = extract(pipeline, "宁德被称为“金娃娃”，也是“灯下黑”。大力推进“产业回归、工业回城”，实施“五床联动”试点。")
    inits = {t for t, c in mentions if c == "Initiative"}
    assert inits == {"产业回归、工业回城", "五床联动"}


def test_several_posts_before_one_name(pipeline):
    ex, _, _ = extract(pipeline, "由湖南省委常委、长沙市委书记吴桂英向大会作报告。")
    posts = {(r.tail.text, r.title) for r in ex.relations if r.predicate == "holdsPosition"}
    assert posts == {("湖南省委", "常委"), ("长沙市委", "书记")}


def test_level_and_government_of_the_report(pipeline):
    ex, mentions, relations = extract(
        pipeline, "——2023年2月2日在长沙县第十八届人民代表大会第三次会议上\n县长 陈永高\n"
                  "现在,我代表县人民政府向大会报告工作。长沙县位于湖南省。")
    assert ("县人民政府", "Organization") in mentions
    assert ("陈永高", "holdsPosition", "县人民政府") in relations


def test_divisions_named_apart_are_linked_by_their_codes(pipeline):
    ex, _, _ = extract(pipeline, "长沙今年推进数字经济。\n湖南省发布新规划。")
    tree = [(r.head.text, r.tail.text, r.inferred) for r in ex.relations if r.predicate == "partOf"]
    assert ("长沙", "湖南省", True) in tree


def test_metro_lines_and_regions_in_brackets(pipeline):
    ex, mentions, _ = extract(pipeline, "加快地铁3号线二期建设。国家智能网联汽车（长沙）测试区投入运营。")
    assert ("地铁3号线二期", "Road") in mentions
    assert "地铁3号线" in next(m.aliases for m in ex.mentions if m.text == "地铁3号线二期")
    assert ("国家智能网联汽车（长沙）测试区", "Park") in mentions


def test_hyphenated_area_names(pipeline):
    _, mentions, _ = extract(pipeline, "推进笋岗-清水河片区建设。")
    assert ("笋岗-清水河片区", "Area") in mentions


def test_bylines_in_brackets_and_photo_credits(pipeline):
    _, mentions, _ = extract(pipeline, "（记者 王小明 通讯员 李华）本报讯，市中区推进项目。\n张伟 摄")
    assert {("王小明", "Person"), ("李华", "Person"), ("张伟", "Person")} <= mentions


def test_named_strategies(pipeline):
    _, mentions, _ = extract(pipeline, "深入实施创新驱动发展战略和乡村振兴战略，融入长三角一体化发展战略。")
    assert {("创新驱动发展战略", "Initiative"), ("乡村振兴战略", "Initiative"),
            ("长三角一体化发展战略", "Initiative")} <= mentions


def test_places_named_after_an_area_lie_in_it(pipeline):
    _, _, relations = extract(pipeline, "河北省加快雄安新区建设，雄安中关村科技园开园。")
    assert ("雄安中关村科技园", "locatedIn", "雄安新区") in relations


def test_industries_developing_after_the_list(pipeline):
    _, _, relations = extract(pipeline, "河北省生物医药、电子信息等产业稳步发展。")
    assert {("河北省", "develops", "生物医药"), ("河北省", "develops", "电子信息")} <= relations


def test_posts_in_county_committees_and_universities(pipeline):
    _, _, relations = extract(pipeline, "福鼎市委书记林青表示。厦门大学经济学副教授丁长发分析指出，宁德时代发展迅速。")
    assert ("林青", "holdsPosition", "福鼎市委") in relations
    assert ("丁长发", "holdsPosition", "厦门大学") in relations
    assert ("厦门大学", "locatedIn", "福鼎市") not in relations  # its name places it in 厦门


def test_named_communities_but_not_qualities(pipeline):
    _, mentions, _ = extract(pipeline, "推进靠山社区、阳光小区改造，建设和谐社区和完整社区，改造老旧小区。")
    areas = {t for t, c in mentions if c == "Area"}
    assert areas == {"靠山社区", "阳光小区"}


def test_national_strategies_of_named_regions(pipeline):
    _, mentions, _ = extract(pipeline, "深入推进京津冀协同发展，服务长三角一体化发展战略。")
    assert {("京津冀协同发展", "Initiative"), ("长三角一体化发展战略", "Initiative"),
            ("京津冀", "Area"), ("长三角", "Area")} <= mentions


# Kinds of text met in the development set (tests/data), one example each.

def test_numbered_and_dated_editions_are_events_and_where_they_are_held(pipeline):
    _, mentions, relations = extract(
        pipeline, "成功承办了自治区第二届冬运会。6月6日，2021湖北武黄同城暨黄石（光谷）产业投资推介会在武汉举行。")
    assert ("自治区第二届冬运会", "Event") in mentions
    assert ("2021湖北武黄同城暨黄石（光谷）产业投资推介会", "Event") in mentions
    assert ("2021湖北武黄同城暨黄石（光谷）产业投资推介会", "locatedIn", "武汉") in relations


def test_a_road_named_by_its_two_ends(pipeline):
    _, mentions, _ = extract(pipeline, "启动了省道西演至肃宁公路改造。投资2599万元的海—宝农村公路通车。")
    assert {("省道西演至肃宁公路", "Road"), ("海—宝农村公路", "Road")} <= mentions


def test_trade_name_and_trade_is_a_company_and_its_sites_belong_to_it(pipeline):
    _, mentions, relations = extract(
        pipeline, "蒙西煤业完成产能置换升级。莱克电气绿能科技（苏州）有限公司由莱克电气投资15亿元设立。")
    assert ("蒙西煤业", "Organization") in mentions
    assert ("莱克电气绿能科技（苏州）有限公司", "partOf", "莱克电气") in relations


def test_foreign_cities_are_part_of_their_country(pipeline):
    _, mentions, relations = extract(pipeline, "与俄罗斯赤塔市、蒙古国乔巴山市等国际友城关系持续巩固。")
    assert {("赤塔市", "AdministrativeArea"), ("乔巴山市", "AdministrativeArea")} <= mentions
    assert ("乔巴山市", "partOf", "蒙古国") in relations


def test_a_chain_of_posts_names_each_body(pipeline):
    _, mentions, relations = extract(
        pipeline, "武汉市委常委、政法委书记曹裕江，娲石集团党委书记、董事长魏华山出席。江口县发展和改革局局长罗兴隆说。")
    assert {("曹裕江", "Person"), ("魏华山", "Person")} <= mentions
    assert not any(t == "NaturalFeature" for _, t in mentions)  # 魏华山 and 曹裕江 are no hill or river
    assert ("曹裕江", "holdsPosition", "武汉市委") in relations
    assert ("魏华山", "holdsPosition", "娲石集团") in relations
    assert ("罗兴隆", "holdsPosition", "江口县发展和改革局") in relations


def test_quotes_in_a_report_are_programmes_but_figures_of_speech_are_not(pipeline):
    _, mentions, _ = extract(pipeline, "促进“放心消费”。建好“城市大脑”。宁德被称为“金娃娃”。")
    inits = {t for t, c in mentions if c == "Initiative"}
    assert {"放心消费", "城市大脑"} <= inits and "金娃娃" not in inits


def test_investment_and_juxtaposed_counts(pipeline):
    ex, _, _ = extract(pipeline, "投资1100万元新建污水管线2847米。棚改配套道路完成13条15公里。天津以近1.57万亿元GDP再度无缘十强。")
    got = {(i.value, i.unit) for i in ex.indicators}
    assert {(11000000, "元"), (2847, "米"), (13, "条"), (15, "公里"), (1.57e12, "元")} <= got
    labels = {i.value: i.label for i in ex.indicators}
    assert "污水管线" in labels[11000000] and "GDP" in labels[1.57e12]


def test_a_province_report_is_about_the_province_whose_cities_it_names(pipeline):
    ex, _, _ = extract(pipeline, "贡献湖南力量。支持长沙、株洲、湘潭建设先进制造业高地，推动益阳、岳阳发展。长沙加快建设。")
    assert ex.subject == "湖南"


def test_a_list_closed_by_an_industry_word_names_industries_whole(pipeline):
    _, mentions, _ = extract(pipeline, "培育低空装备、应急救援装备、建筑机器人、工业机器人产业。")
    assert {("低空装备", "Industry"), ("应急救援装备", "Industry"), ("建筑机器人", "Industry")} <= mentions
    assert ("机器人", "Industry") not in mentions


def test_numbered_lines_and_event_lists(pipeline):
    _, mentions, _ = extract(pipeline, "加快建设崇明线、南枫线、13号线东延伸、19号线等轨道交通线。"
                                       "办好进博会、上海旅游节、国际光影节等展会赛事。")
    assert {("崇明线", "Road"), ("13号线", "Road"), ("19号线", "Road"), ("国际光影节", "Event")} <= mentions
    assert not any("等" in t for t, _ in mentions)


def test_a_speech_verb_after_a_title_is_no_name(pipeline):
    _, mentions, _ = extract(pipeline, "王伟书记强调，要抓好落实。")
    assert ("强调", "Person") not in mentions


def test_a_registered_company_is_named_in_full_and_holds_no_division(pipeline):
    _, mentions, _ = extract(pipeline, "来自广西启迪创新跨境电子商务有限公司的嘉宾参加。宁德时代新能源科技股份有限公司签约。")
    assert ("广西启迪创新跨境电子商务有限公司", "Organization") in mentions
    assert ("宁德时代新能源科技股份有限公司", "Organization") in mentions
    assert not {t for t, c in mentions if c == "AdministrativeArea"}


def test_a_county_short_name_far_from_the_documents_places_is_a_word(pipeline):
    ex, mentions, _ = extract(pipeline, "2024年，平凉市主动融入甘肃发展大局。河西仿真花成功签订外贸订单。")
    assert ("河西", "AdministrativeArea") not in mentions
    assert ex.subject == "平凉市"


def test_a_town_after_a_gorge_name_and_words_of_rural_reports(pipeline):
    _, mentions, _ = extract(pipeline, "马峡镇项目顺利推进。91户群众乔迁新居，争创省市级和美乡村。西关建材市场建成运营。")
    assert ("马峡镇", "AdministrativeArea") in mentions and ("西关建材市场", "Facility") in mentions
    assert not any(t.endswith(("新居", "乡村")) for t, _ in mentions)


def test_divisions_created_since_2017_and_classification_industries(pipeline):
    ex, mentions, _ = extract(pipeline, "近日，深圳市光明区发布上半年经济成绩单。规模以上电气机械和器材制造业增长4.5%。"
                                        "光明区加快建设。2024年，华亭市坚持高质量发展。")
    assert {("光明区", "AdministrativeArea"), ("华亭市", "AdministrativeArea"),
            ("电气机械和器材制造业", "Industry")} <= mentions
    assert ex.subject == "光明区"


def test_a_byline_that_opens_the_first_line(pipeline):
    _, mentions, _ = extract(pipeline, "南方财经全媒体 见习记者石恩泽 深圳报道  近日，深圳市光明区发布上半年经济成绩单。")
    assert {("石恩泽", "Person"), ("南方财经全媒体", "Organization")} <= mentions


def test_values_joined_by_and_share_their_metric(pipeline):
    ex, _, _ = extract(pipeline, "城乡居民人均可支配收入分别达到47192元和14493元。全市游客接待量、旅游综合收入分别增长31.7%和22.8%。")
    got = {(i.label, i.value) for i in ex.indicators}
    assert ("城乡居民人均可支配收入", 14493) in got and ("旅游综合收入增长", 22.8) in got
    assert not any(i.label.endswith("和") for i in ex.indicators)


def test_bodies_named_by_their_officers_and_reporters(pipeline):
    _, mentions, _ = extract(pipeline, "对此，深圳中原董事经理郑叔伦对界面新闻大湾区频道记者表示。"
                                       "深圳市软科学研究会常务副会长金心异说。该公司董事长张三表示。")
    orgs = {t for t, c in mentions if c == "Organization"}
    assert {"深圳中原", "界面新闻", "深圳市软科学研究会"} <= orgs
    assert not orgs & {"常务副", "公司", "该公司", "界面新闻大湾区"}


def test_long_slogans_of_parts_and_family_villages_of_the_loess(pipeline):
    _, mentions, _ = extract(pipeline, "持续开展“千亿大储备、百亿大招引、十亿大新增”三大行动。邓家塬村完成改造。")
    assert {("千亿大储备、百亿大招引、十亿大新增", "Initiative"), ("邓家塬", "Village")} <= mentions


def test_professional_services_listed_are_not_industries(pipeline):
    _, mentions, _ = extract(pipeline, "优化提升知识产权、人力资源、法律、会计等专业服务业。发展新能源、新材料等产业。")
    inds = {t for t, c in mentions if c == "Industry"}
    assert not inds & {"法律", "会计", "人力资源", "知识产权"}
    assert {"新能源", "新材料"} <= inds


def test_a_list_of_officials_and_places_that_speak(pipeline):
    _, mentions, _ = extract(pipeline, "黄石市委副书记、市长吴锦出席会议。市县领导何运平、曹和家、张焕明、万鼎等参加。"
                                       "吴锦代表市委、市政府致辞。会上，海淀区提出了目标。")
    people = {t for t, c in mentions if c == "Person"}
    assert {"吴锦", "何运平", "曹和家", "张焕明", "万鼎"} <= people
    assert "海淀区" not in people and "吴锦代表市委" not in {t for t, _ in mentions}


def test_units_of_bodies_and_posts_held_in_them(pipeline):
    _, mentions, relations = extract(pipeline, "中国国际商会可持续发展委员会秘书长任飞出席。"
                                               "中国科协科学技术传播中心成果转化处副主任陈锐出席。")
    assert ("中国国际商会可持续发展委员会", "Organization") in mentions
    assert ("任飞", "holdsPosition", "中国国际商会可持续发展委员会") in relations
    assert ("陈锐", "holdsPosition", "中国科协科学技术传播中心") in relations


def test_firms_listed_before_a_word_for_firms(pipeline):
    _, mentions, _ = extract(pipeline, "深度对接长江汽车、九州医药、华纺链等“五大”供应链平台。与中金资本、深创投等机构加强合作。"
                                       "推动银行、证券、基金等金融机构合作。")
    orgs = {t for t, c in mentions if c == "Organization"}
    assert {"长江汽车", "九州医药", "华纺链", "中金资本", "深创投"} <= orgs
    assert not orgs & {"银行", "证券", "基金"} and ("五大", "Initiative") not in mentions


def test_a_report_says_which_kind_of_place_it_is_about(pipeline):
    ex, _, _ = extract(pipeline, "推进武汉、深圳、上海等离岸科创中心建设。湖北省重点实验室。搭建我市供应链平台。争取北京中航智落户。"
                                 "争取长江汽车在十堰设立子公司。十堰经开区加快发展。")
    assert ex.subject == "十堰"


def test_two_industries_that_share_a_head_are_one(pipeline):
    _, mentions, _ = extract(pipeline, "做强新能源与智能网联汽车产业。发展新能源、新材料和生物医药产业。")
    inds = {t for t, c in mentions if c == "Industry"}
    assert "新能源与智能网联汽车" in inds and "智能网联汽车" not in inds
    assert {"新材料", "生物医药产业"} <= inds and "新材料和生物医药产业" not in inds


def test_descriptions_of_firms_and_posts_across_bodies_are_no_names(pipeline):
    _, mentions, _ = extract(pipeline, "组建大型综合性现代物流集团。启迪控股股份有限公司执行总裁兼启迪东北亚总部总裁张金生出席。")
    orgs = {t for t, c in mentions if c == "Organization"}
    assert {"启迪控股股份有限公司", "启迪东北亚总部"} <= orgs
    assert not any("集团" in t or "总裁" in t for t in orgs)


def test_campaigns_named_without_quotes(pipeline):
    _, mentions, _ = extract(pipeline, "深入开展高新技术企业十百千行动。开展零部件百企提升计划。认真落实数化湖北行动计划。实施城市更新行动。"
                                       "开展新一轮园区土地利用专项清理行动。")
    inits = {t for t, c in mentions if c == "Initiative"}
    assert {"高新技术企业十百千行动", "零部件百企提升计划", "数化湖北行动计划"} <= inits
    assert not inits & {"城市更新行动", "新一轮园区土地利用专项清理行动"}


def test_funds_and_listed_companies_with_their_kind_word(pipeline):
    _, mentions, _ = extract(pipeline, "与中金资本、深创投等基金加强合作。支持东风公司做强。")
    assert {("中金资本", "Organization"), ("深创投", "Organization"), ("东风公司", "Organization")} <= mentions


def test_quoted_descriptions_of_a_kind_are_no_names(pipeline):
    _, mentions, _ = extract(pipeline, "鄂州货运机场身负“我国第一个货运机场”的期待。建设“青岛国际机场”。")
    assert ("青岛国际机场", "Facility") in mentions
    assert not any("第一个" in t for t, _ in mentions)


def test_a_site_named_after_its_city_lies_in_it(pipeline):
    _, mentions, relations = extract(pipeline, "加快建设广州新机场。改造提升南京东路步行街。")
    assert ("广州", "AdministrativeArea") in mentions and ("广州新机场", "locatedIn", "广州") in relations
    assert ("南京", "AdministrativeArea") not in mentions


def test_kinds_of_economy_a_report_develops(pipeline):
    _, mentions, _ = extract(pipeline, "立足“中国好水”发展水经济。推动实体经济发展。发展县域经济。")
    inds = {t for t, c in mentions if c == "Industry"}
    assert "水经济" in inds and not inds & {"实体经济", "县域经济"}


def test_events_joined_by_and(pipeline):
    ex, mentions, _ = extract(pipeline, "办好全市乡村旅游与民宿产业发展大会。贯彻中央经济工作会议精神和省委十二届八次全会部署。"
                                        "提质提效绿色食品及生物医药产业。")
    assert {("全市乡村旅游与民宿产业发展大会", "Event"), ("中央经济工作会议", "Event")} <= mentions
    assert any(m.category == "Industry" and "绿色食品" in (m.text, *m.aliases) for m in ex.mentions)


def test_a_route_through_named_places_names_each(pipeline):
    _, mentions, _ = extract(pipeline, "联合推出古北水镇-金山岭-避暑山庄等精品线路。推进笋岗-清水河片区建设。")
    assert {("古北水镇", "Area"), ("金山岭", "NaturalFeature"), ("避暑山庄", "Facility"),
            ("笋岗-清水河片区", "Area")} <= mentions


def test_the_making_of_an_industry_is_the_industry(pipeline):
    _, mentions, _ = extract(pipeline, "智能装备制造营业收入增长10%以上。")
    assert ("智能装备制造", "Industry") in mentions and ("智能装备", "Industry") not in mentions


def test_slogans_captions_and_national_bodies_in_a_city(pipeline):
    _, mentions, _ = extract(pipeline, "实现县县通高速。推动产城融合发展。航拍合肥中国科学院量子信息与量子科技创新研究院。")
    assert ("中国科学院量子信息与量子科技创新研究院", "Organization") in mentions
    assert ("合肥", "AdministrativeArea") in mentions
    assert not any(t.startswith(("县县", "产城", "航拍")) for t, _ in mentions)


def test_a_sentence_opened_by_a_zone_is_about_it(pipeline):
    _, _, relations = extract(pipeline, "火炬开发区聚焦创新发展，做大做强生物医药、智能装备等产业。"
                                        "岐江新城锚定目标，推动华侨城欢乐海岸开园运营，谋划建设市科技馆。")
    assert ("火炬开发区", "develops", "智能装备") in relations
    assert any(h == "市科技馆" and p == "locatedIn" and t == "岐江新城" for h, p, t in relations) \
        or any(p == "locatedIn" and t == "岐江新城" for h, p, t in relations)


def test_stations_extensions_and_qualities(pipeline):
    _, mentions, _ = extract(pipeline, "推进香山站等轨道沿线开发。建设充电站。建设佛山地铁11号线南延线。"
                                       "改造低效工业园。以高品质产业空间赢得发展。")
    assert {("香山站", "Facility"), ("地铁11号线南延线", "Road")} <= mentions
    assert not any(t in ("充电站", "低效工业园", "高品质产业") for t, _ in mentions)


def test_a_list_closed_by_a_class_of_industry(pipeline):
    _, mentions, _ = extract(pipeline, "大力发展工业设计、现代物流、金融服务、商务会展等现代服务业。")
    assert {("金融服务", "Industry"), ("商务会展", "Industry")} <= mentions


def test_comparisons_with_other_places_are_no_targets(pipeline):
    ex, _, _ = extract(pipeline, "天津以近1.57万亿元GDP，与南京相差约660亿元。天津以11次高居第三名，仅次于上海的14次。"
                                 "产业数字化占比约27%。")
    got = {(i.value, i.unit) for i in ex.indicators}
    assert (66000000000, "元") not in got and (14, "次") not in got and (11, "次") not in got
    assert (27, "%") in got and (1.57e12, "元") in got


def test_a_class_noun_before_such_as_types_the_list(pipeline):
    _, mentions, _ = extract(pipeline, "人们耳熟能详的一些品牌，如公牛、方太、奥克斯、杉杉等均系宁波造。")
    assert {("公牛", "Organization"), ("奥克斯", "Organization"), ("杉杉", "Organization")} <= mentions


def test_firms_a_report_lists_are_of_its_place(pipeline):
    _, _, relations = extract(pipeline, "宁波市坚持制造业立市。人们耳熟能详的一些品牌，如公牛、奥克斯、杉杉等均系宁波造。宁波市加快发展。")
    assert ("公牛", "locatedIn", "宁波市") in relations or ("公牛", "locatedIn", "宁波") in relations


def test_bare_and_modified_sectors_in_lists(pipeline):
    ex, mentions, _ = extract(pipeline, "在石化、钢铁等行业开展技术改造。引导外资投向先进制造、现代服务、高新技术等产业。"
                                        "发展跨境物流、应急物流等业态。光电产业链条。")
    assert {("石化", "Industry"), ("钢铁", "Industry"), ("先进制造", "Industry"), ("现代服务", "Industry"),
            ("跨境物流", "Industry"), ("应急物流", "Industry")} <= mentions
    assert "光电产业" in next(m.aliases for m in ex.mentions if m.text == "光电")  # either name matches


def test_names_kinds_of_city_reports_use(pipeline):
    _, mentions, _ = extract(pipeline, "推动玉蝉、三溪、佳乐等腰部酒企健康成长。积极参加进博会、哈洽会等重大招商活动。"
                                       "1946文创园入驻企业87家，新建2000吨冷库。支持屈氏庄园创建4A级景区。三是工业经济高速增长。")
    assert {("玉蝉", "Organization"), ("佳乐", "Organization"), ("哈洽会", "Event"),
            ("1946文创园", "Park"), ("屈氏庄园", "Facility")} <= mentions
    assert not any("冷库" in t or "高速" in t for t, _ in mentions)


def test_county_short_names_jieba_does_not_know_count_beside_their_kin(pipeline):
    _, mentions, _ = extract(pipeline, "牡丹江市推进项目建设。海林、林口、穆棱加快发展。")
    assert {("海林", "AdministrativeArea"), ("林口", "AdministrativeArea")} <= mentions
    _, mentions, _ = extract(pipeline, "林口林口林口，文字。")
    assert not any(t == "林口" for t, _ in mentions)


def test_city_plans_of_districts_and_routes(pipeline):
    _, mentions, _ = extract(pipeline, "中心城区高铁新区打造吉安科创之城、城市之门，井冈山农科园升建国家级农高区，"
                                       "吉州区做优老城区、做旺城北片区。完善兴国至遂川至桂东高速等项目前期工作。")
    assert {("高铁新区", "Area"), ("井冈山农科园", "Park"), ("城北片区", "Area"),
            ("兴国至遂川至桂东高速", "Road")} <= mentions
    names = {t for t, _ in mentions}
    assert not names & {"中心城区高铁新区", "吉州区做优老城区", "老城区", "做旺城北片区", "城市之门"}


def test_a_plants_capacity_names_its_product(pipeline):
    ex, _, _ = extract(pipeline, "推动永祥能源科技12万吨高纯晶硅、京运通22吉瓦拉棒切片项目达产满产。开工中环20GW光伏叠瓦组件。"
                                 "千方百计抓开工。药材、核桃产量分别达到2.34万吨和0.39万吨。")
    got = {(i.value, i.unit): i.label for i in ex.indicators}
    assert "高纯晶硅" in got[(120000, "吨")] and "拉棒切片" in got[(22, "吉瓦")] and "光伏叠瓦组件" in got[(20, "GW")]
    assert (1000, "方") not in got and "核桃" in got[(3900, "吨")]


def test_clusters_name_their_industry_and_lists_keep_own_kinds(pipeline):
    _, mentions, _ = extract(pipeline, "电子信息技术产业集群实现营业收入500亿元。打造千亿级智能家电产业集群。"
                                       "业协会授予“中国领航创新产业集群”。虞美人广场、海韵路、凤凰湖、蓬莱湾等成为打卡地。"
                                       "成功举办第二届全国博士后创新创业大赛。")
    assert {("电子信息技术", "Industry"), ("智能家电", "Industry"), ("海韵路", "Road"),
            ("第二届全国博士后创新创业大赛", "Event")} <= mentions
    assert ("中国领航创新产业集群", "Industry") not in mentions
    assert not any(t.startswith(("千亿级", "成功")) for t, _ in mentions)


def test_autonomous_counties_go_by_their_short_names(pipeline):
    from kg.lexicon import short_name
    assert short_name("马边彝族自治县") == "马边" and short_name("围场满族蒙古族自治县") == "围场"
    assert short_name("广西壮族自治区") == "广西" and short_name("新疆维吾尔自治区") == "新疆"
    assert [d.name for d in pipeline.lexicon.division("河南")] == ["河南省"]  # not Qinghai's 河南县


def test_verbs_of_plans_do_not_start_names(pipeline):
    _, mentions, _ = extract(pipeline, "打好产业园区项目建设攻坚战。依托中国视谷申建未来产业先导区。"
                                       "推进新一轮乐山大佛综合保护工程。")
    names = {t for t, _ in mentions}
    assert not any(t.startswith(("好", "新一轮")) or "申建" in t for t in names)


def test_the_firm_before_a_plants_capacity(pipeline):
    _, mentions, _ = extract(pipeline, "推动永祥能源科技12万吨高纯晶硅、京运通22吉瓦拉棒切片项目达产满产，力促协鑫12万吨颗粒硅开工，"
                                       "建成赛盛年产800吨电子级碳化硅。力争形成60万吨硅料。日钢产能置换900万吨炼钢。西港区30万吨级原油码头投产。")
    assert {("永祥能源科技", "Organization"), ("京运通", "Organization"), ("协鑫", "Organization"),
            ("赛盛", "Organization")} <= mentions
    orgs = {t for t, c in mentions if c == "Organization"}
    assert not orgs & {"力争形成", "日钢产能置换", "西港区"}


def test_sectors_that_open_a_clause_and_brands_of_known_groups(pipeline):
    _, mentions, _ = extract(pipeline, "海洋经济加快发展，全国首个海上经济开发区获批建设。现代服务业不断壮大。"
                                       "加快打造国际新能源汽车产业高地。支持上汽通用五菱、东风柳汽等主机厂加大投入。"
                                       "创建省级研学旅行实践基地。")
    assert {("海洋经济", "Industry"), ("现代服务业", "Industry"), ("上汽通用五菱", "Organization"),
            ("东风柳汽", "Organization")} <= mentions
    names = {t for t, _ in mentions}
    assert not names & {"国际新能源汽车产业", "国际新能源汽车", "省级研学旅行实践基地", "上汽", "东风"}


def test_divisions_created_since_2019_are_known(pipeline):
    _, mentions, _ = extract(pipeline, "芜湖市加快发展。支持繁昌区打造动力总成基地，湾沚区建设临空经济示范区。")
    assert {("繁昌区", "AdministrativeArea"), ("湾沚区", "AdministrativeArea")} <= mentions


def test_streets_after_common_nouns_and_numbered_trunk_roads(pipeline):
    _, mentions, _ = extract(pipeline, "加快建设世纪路等配套路网，改造264省道、国道206。走出一条发展新路。新建国道12.5公里。")
    assert {("世纪路", "Road"), ("264省道", "Road"), ("国道206", "Road")} <= mentions
    assert not any(t.endswith("新路") or t.startswith("国道12") for t, _ in mentions)


def test_a_far_county_short_name_is_no_mention_even_when_repeated(pipeline):
    ex, mentions, _ = extract(pipeline, "常州经开区加快建设。打造龙城芯谷。建设龙城实验室。实施龙城英才计划。"
                                        "推进龙城金谷建设。常州新能源产业加快发展。")
    assert ex.subject == "常州"
    assert ("龙城", "AdministrativeArea") not in mentions


def test_a_name_whose_word_holds_its_kind(pipeline):
    _, mentions, _ = extract(pipeline, "推动漓江和遇龙河对照世界一流标准提质。培育阳朔金桔、恭城月柿等一批区域公用品牌。")
    assert {("漓江", "NaturalFeature"), ("阳朔金桔", "Initiative")} <= mentions


def test_a_party_committee_is_named_by_its_division(pipeline):
    _, mentions, _ = extract(pipeline, "坚决扛起省委省政府赋予的重大使命。由中共黄石市委、黄石市人民政府主办。")
    assert ("中共黄石市委", "Organization") in mentions
    assert not any(t.startswith("坚决") for t, _ in mentions)


def test_an_industry_with_what_goes_with_it(pipeline):
    ex, mentions, _ = extract(pipeline, "机器人及智能装备制造产业，重点引育工业机器人整机企业。")
    assert ("机器人及智能装备制造", "Industry") in mentions
    node = next(m for m in ex.mentions if m.text == "机器人及智能装备制造")
    assert {"机器人", "智能装备制造"} <= set(node.aliases)  # annotators name the parts too


def test_joined_sectors_extensions_and_counted_roads(pipeline):
    ex, mentions, _ = extract(pipeline, "集成电路、现代纺织与服装等四个产业集群入选。越东路北延等5条快速路建成通车。"
                                        "重点推动生物制药、医疗器械制造产业发展。")
    assert {("现代纺织与服装", "Industry"), ("越东路北延", "Road"), ("生物制药", "Industry")} <= mentions
    assert not any(t in ("条快速路", "东路", "服装") for t, _ in mentions)
    assert any("医疗器械制造" in (m.text, *m.aliases) for m in ex.mentions)


def test_county_names_jieba_takes_for_people_and_fairs_of_consumption(pipeline):
    _, mentions, _ = extract(pipeline, "烟台市加快发展。蓬莱获批国家农业现代化示范区，莱阳获评全省现代农业强县。"
                                       "开展“2023山东夏日消费季”等活动。全市新建改建市政道路60条。")
    assert {("蓬莱", "AdministrativeArea"), ("2023山东夏日消费季", "Event")} <= mentions
    assert not any(t == "市政道路" for t, _ in mentions)
    ex, _, _ = extract(pipeline, "承德市加快发展。承德推进京津冀协同，深化与北京合作。承德建设国家可持续发展议程创新示范区。")
    assert ex.subject in ("承德", "承德市")


def test_a_verb_like_last_character_before_etc_ends_a_firm_name(pipeline):
    _, mentions, _ = extract(pipeline, "全力保障领益智造等企业达产满产。加快京港高铁承德段、京沈高速建设。")
    assert ("领益智造", "Organization") in mentions
    assert not any(t == "承德段" for t, _ in mentions)


def test_a_zone_opening_a_clause_is_its_subject(pipeline):
    _, _, relations = extract(pipeline, "吉安市加快发展。吉安市优化空间格局。青原区做活井大商圈，庐陵新区做强城南片区、做美滨江新区。")
    assert ("城南片区", "locatedIn", "庐陵新区") in relations
    assert ("庐陵新区", "locatedIn", "青原区") not in relations


def test_a_province_report_that_lists_its_cities(pipeline):
    ex, _, _ = extract(pipeline, "支持郑州、洛阳建设国际消费中心城市，推动郑州、新乡全国零碳城市试点。郑州南站加快建设。"
                                 "郑州中心体系建设。京港高铁河南段开工。")
    assert ex.subject == "河南"
    ex, _, _ = extract(pipeline, "十堰市加快发展。十堰推进汽车产业。十堰建设生态城市。加强与武汉、襄阳合作。十堰经开区加快建设。")
    assert ex.subject in ("十堰", "十堰市")


def test_festivals_named_with_a_bare_jie(pipeline):
    _, mentions, _ = extract(pipeline, "办好国际花卉节、国际光影节等活动。春节期间加强环节管理，推动节能降碳。")
    assert {("国际花卉节", "Event"), ("国际光影节", "Event")} <= mentions
    assert len(mentions) == 2


def test_kinds_made_of_qualities_type_no_list(pipeline):
    _, mentions, _ = extract(pipeline, "服务保障好中物院、中科系和高水平研究型大学等国家队。")
    assert not any(c == "School" or t.startswith("好") for t, c in mentions)


def test_the_generation_of_an_industry_is_part_of_its_name(pipeline):
    _, mentions, _ = extract(pipeline, "发展第三代半导体、新型储能。积极拓展智能网联新能源汽车、电力装备。")
    assert {("第三代半导体", "Industry"), ("智能网联新能源汽车", "Industry")} <= mentions
    assert ("半导体", "Industry") not in mentions


def test_a_park_named_for_an_industry_develops_it(pipeline):
    _, _, relations = extract(pipeline, "乐山市大力发展食品饮料产业。实施嘉州食品饮料产业园等项目。")
    assert {("嘉州食品饮料产业园", "develops", "食品饮料"), ("嘉州食品饮料产业园", "develops", "食品饮料产业")} & relations


def test_the_reports_own_zones_by_their_kind_alone(pipeline):
    _, mentions, _ = extract(pipeline, "推动高新区、经开区加快打造千亿元园区。全市各高新区加快发展。创建省级高新区。")
    assert {("高新区", "Park"), ("经开区", "Park")} <= mentions
    _, mentions, _ = extract(pipeline, "全市各高新区加快发展。创建省级高新区。")
    assert not mentions


def test_schools_by_their_short_names(pipeline):
    ex, mentions, _ = extract(pipeline, "深化与省产业技术研究院、上海交大、东南大学、南理工、南师大等合作。")
    assert {("上海交大", "School"), ("南理工", "School"), ("南师大", "School")} <= mentions
    assert not any("南理工师大" in m.aliases for m in ex.mentions)


def test_a_sector_whose_development_a_report_tends(pipeline):
    _, mentions, _ = extract(pipeline, "全面优化平台经济发展环境。新能源汽车产量增长1.3倍。")
    assert ("平台经济", "Industry") in mentions
    assert ("新能源汽车", "Industry") not in mentions


def test_a_bare_head_with_what_goes_with_it(pipeline):
    _, mentions, _ = extract(pipeline, "推动食品及农产品加工产业高质量发展。")
    assert ("食品及农产品加工", "Industry") in mentions


def test_works_of_engineering_are_facilities(pipeline):
    _, mentions, _ = extract(pipeline, "开工建设豫东水资源配置工程。围场牌楼500千伏输变电工程建成投运。"
                                       "建设罗田水库-铁岗水库输水隧洞工程。实施农村供水工程。实施优质企业梯度培育工程。")
    assert {("豫东水资源配置工程", "Facility"), ("围场牌楼500千伏输变电工程", "Facility"),
            ("铁岗水库", "Facility")} <= mentions
    assert not any(t.endswith(("隧洞工程", "供水工程")) for t, _ in mentions)


def test_a_county_named_only_by_its_landmark_yields_to_its_city(pipeline):
    ex, _, _ = extract(pipeline, "泰安推进泰山文化传承发展。弘扬泰山文化，讲好泰山故事，推动泰山茶、泰山板栗规模发展。"
                                 "提升泰山、泰安吸引力。泰安市新增农业龙头企业15家。")
    assert ex.subject in ("泰安", "泰安市")


def test_sectors_carry_no_grade_verb_or_size_before_them(pipeline):
    _, mentions, _ = extract(pipeline, "新出台促进服务业高质量发展若干措施，新增规模（限额）以上服务业企业150家以上。"
                                       "支持广汉创建省级文旅产业融合发展示范区。")
    names = {m for m, c in mentions if c == "Industry"}
    assert not names & {"新出台促进服务业", "以上服务业", "省级文旅产业", "省级文旅"}
    assert "文旅产业" in names or "文旅" in names


def test_two_sectors_joined_by_and_stay_two_when_the_second_is_a_quality_and_a_head(pipeline):
    _, mentions, _ = extract(pipeline, "力争新能源汽车、生物医药、先进光伏和新型储能成为国家级战新产业集群。")
    assert ("新型储能", "Industry") in mentions
    assert ("光伏和新型储能", "Industry") not in mentions


def test_a_word_jieba_makes_up_around_a_conjunction_ends_at_it(pipeline):
    _, mentions, _ = extract(pipeline, "推动百色水利枢纽等重大项目及南环线、北环线等6条高速公路加快建设。")
    assert ("南环线", "Road") in mentions
    assert not any("重大项目" in m for m, _ in mentions)


def test_known_sectors_vouch_for_the_others_in_their_list(pipeline):
    _, mentions, _ = extract(pipeline, "培育壮大未来产业，扩大量子信息、空天技术、低空经济、聚变能源、下一代人工智能等先发优势。")
    assert {("空天技术", "Industry"), ("聚变能源", "Industry")} <= mentions


def test_a_trade_jieba_reads_as_a_verb_after_a_verb_of_the_plan(pipeline):
    _, mentions, _ = extract(pipeline, "做大做强出版印刷产业，推动新闻出版小镇扩规提质。")
    assert ("出版印刷产业", "Industry") in mentions or ("出版印刷", "Industry") in mentions


def test_a_list_of_local_products_before_a_class_of_industry(pipeline):
    _, mentions, _ = extract(pipeline, "推动泰山茶、泰山板栗、肥城桃及高端畜牧、高效蔬菜、生态渔业等特色产业规模发展。")
    assert {("泰山茶", "Industry"), ("肥城桃", "Industry"), ("高端畜牧", "Industry"),
            ("生态渔业", "Industry")} <= mentions


def test_a_list_of_kinds_of_one_sector(pipeline):
    _, mentions, _ = extract(pipeline, "发展商务旅游、会展旅游、工业旅游、研学旅游、红色旅游和康养休闲旅游。")
    assert {("商务旅游", "Industry"), ("研学旅游", "Industry")} <= mentions


def test_a_county_whose_short_name_is_a_word_counts_beside_its_city(pipeline):
    _, mentions, relations = extract(pipeline, "宜春市新增国家有机产品认证示范区3个。铜鼓获评国家农产品质量安全县，"
                                               "靖安、高安入选全省旅游名县。莲花台景区公路加快建设。")
    assert ("铜鼓", "AdministrativeArea") in mentions
    assert not any(m == "莲花" for m, _ in mentions)
    _, mentions, _ = extract(pipeline, "铜鼓、唢呐等民族乐器走进课堂。")
    assert ("铜鼓", "AdministrativeArea") not in mentions


def test_numbered_conferences_cooperation_parks_and_tourist_areas(pipeline):
    _, mentions, _ = extract(pipeline, "高质量办好第75届世界铸造会议。签约中印尼（温州）产业合作园。推进继光湖旅游区等项目建设。")
    assert ("第75届世界铸造会议", "Event") in mentions
    assert any(m.endswith("产业合作园") and c == "Park" for m, c in mentions)
    assert ("继光湖旅游区", "Area") in mentions


def test_a_verb_jieba_glues_to_a_kind_word_is_no_name(pipeline):
    _, mentions, _ = extract(pipeline, "设立温州民营投资基金，大罗山基金村正式开村。")
    assert not any(m.endswith("开村") for m, _ in mentions)


def test_ranks_are_no_targets_but_trains_run_are(pipeline):
    ex, _, _ = extract(pipeline, "国家创新型城市排名进入全国前30%，开行中欧班列温州号130列。")
    got = {(i.value, i.unit) for i in ex.indicators}
    assert (130, "列") in got
    assert (30, "%") not in got


def test_firms_named_by_a_trade_name_and_their_trade(pipeline):
    _, mentions, _ = extract(pipeline, "全力推进澳泰铝业铝板带箔等项目建设。推进首农集团功能糖、大窑饮品等项目建设。")
    assert {("澳泰铝业", "Organization"), ("大窑饮品", "Organization")} <= mentions
    _, mentions, _ = extract(pipeline, "加快建设深汕智造城。")
    assert ("深汕智造", "Organization") not in mentions


def test_praise_before_a_park_is_not_its_name(pipeline):
    _, mentions, _ = extract(pipeline, "打造国内一流合成生物产业园。")
    assert ("合成生物产业园", "Park") in mentions


def test_totals_after_new_counts_name_the_same_metrics(pipeline):
    ex, _, _ = extract(pipeline, "新增规上工业企业1007家、百亿级企业1家，总数分别达6886家、14家。")
    got = {(i.label, i.value) for i in ex.indicators}
    assert {("规上工业企业总数", 6886), ("百亿级企业总数", 14)} <= got


def test_every_pair_of_sectors_joined_by_ji_is_one_industry(pipeline):
    _, mentions, _ = extract(pipeline, "迭代培育半导体及光电、新能源汽车及关键零部件等八大新兴产业链。")
    assert {("半导体及光电", "Industry"), ("新能源汽车及关键零部件", "Industry")} <= mentions


def test_scope_words_before_a_sector_and_named_power_stations(pipeline):
    _, mentions, _ = extract(pipeline, "力争全市规上软件服务业收入增长15%左右。加快推进关岭下坝抽水蓄能电站等项目前期工作。")
    assert not any(m.startswith(("全市", "规上")) for m, _ in mentions)
    assert ("关岭下坝抽水蓄能电站", "Facility") in mentions


def test_percentage_points_have_a_plain_unit_too(pipeline, tmp_path):
    from kg.vocab import KG
    doc = tmp_path / "a.txt"
    doc.write_text("服务业增加值占比提高2个百分点。", encoding="utf-8")
    graph = pipeline.build([doc]).graph
    assert {str(o) for o in graph.objects(None, KG.unitText)} == {"百分点"}
    assert {str(o) for o in graph.objects(None, KG.unit)} == {"个百分点"}


def test_sector_names_without_grades_slogans_or_the_verb_before_a_list(pipeline):
    _, mentions, _ = extract(pipeline, "新增省级以上制造业单项冠军100家。做强大数据、人工智能、物联网等前沿产业。"
                                       "突出强产业、强功能、强治理。推动铝产业向中高端迈进。")
    names = {m for m, c in mentions if c == "Industry"}
    assert {"大数据", "人工智能", "物联网"} <= names
    assert not names & {"以上制造业", "做强大数据", "前沿产业", "强产业"}
    assert "铝产业" in names or "铝" in names


def test_valleys_of_science_and_industry_are_parks(pipeline):
    _, mentions, _ = extract(pipeline, "中国基因药谷落地大分子药物实验室，温州新光谷引进技术创新中心。加快011科创谷建设。谋划建设西塞科学谷。")
    assert {("中国基因药谷", "Park"), ("温州新光谷", "Park"), ("011科创谷", "Park"), ("西塞科学谷", "Park")} <= mentions


def test_projects_named_by_their_firm(pipeline):
    _, mentions, _ = extract(pipeline, "加快航新、速威、豪然等重点项目建设。汉天下、天马轴承、海希新能源等一批项目加快建设。")
    assert {("航新", "Organization"), ("豪然", "Organization"), ("海希新能源", "Organization")} <= mentions
    _, mentions, _ = extract(pipeline, "推进深汕铁路、城际铁路工程等项目建设。")
    assert not any(c == "Organization" for _, c in mentions)


def test_an_event_the_report_hosts_is_held_in_its_place(pipeline):
    _, _, relations = extract(pipeline, "淄博市推进产业升级。精心办好陶博会、新材料论坛等活动。淄博市新增企业100家。")
    assert any(h == "陶博会" and p == "locatedIn" and t in ("淄博", "淄博市") for h, p, t in relations)


def test_a_title_a_city_holds_is_no_site(pipeline):
    _, mentions, _ = extract(pipeline, "主动融入长沙全球研发中心城市建设。")
    assert not any(m.endswith("研发中心") for m, _ in mentions)


def test_verbs_before_a_bare_kind_make_no_name(pipeline):
    _, mentions, _ = extract(pipeline, "扎实开展深化产业园区改革发展行动。召开全市乡村旅游与民宿产业发展大会。")
    assert not any(m.endswith("产业园区") for m, _ in mentions)
    assert ("全市乡村旅游与民宿产业发展大会", "Event") in mentions


def test_a_park_a_plan_moves_develops_the_sectors_after_it(pipeline):
    _, _, relations = extract(pipeline, "推动岱山经开区发展配套新材料产业。推动普陀经开区等区块更新提升，做优生命健康、冷链物流等产业。")
    develops = {(h, t) for h, p, t in relations if p == "develops"}
    assert ("普陀经开区", "冷链物流") in develops
    assert any(h == "岱山经开区" and t.startswith("新材料") for h, t in develops)


def test_a_short_name_shared_by_a_city_and_its_district_is_the_citys(pipeline):
    ex, _, _ = extract(pipeline, "广安市推进产业发展。广安区、前锋区、华蓥市加快建设。广安新增企业100家，广安经开区提质升级。")
    assert ex.divisions["广安"].name == "广安市"


def test_verbs_of_a_plan_in_a_row_before_a_kind_of_economy(pipeline):
    _, mentions, _ = extract(pipeline, "积极谋划布局发展低空经济产业，壮大夜间经济。")
    names = {m for m, c in mentions if c == "Industry"}
    assert "发展低空经济" not in names
    assert "低空经济产业" in names or "低空经济" in names
