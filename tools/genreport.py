#!/usr/bin/env python3
"""Generate invented 政府信息公开工作年度报告 with exact truth, for gireport's tests.

A report is first built as data (agency, year, template, the three tables as
written cells, narrative blocks) and then rendered in one of the text layouts
of shared/spec/report-format.md §5.  Its truth holds exactly what a perfect
parser returns (the keys of shared/spec/output.md) plus the warning codes it
must emit.  Noise options change the text only, never a value.

    genreport.py --samples --out data/samples          # the committed fixtures
    genreport.py --count 100 --seed 7 --layout mixed --out /tmp/gen
    genreport.py --count 1000 --jsonl /tmp/bench.jsonl --noise all
    genreport.py --selftest
"""

import argparse
import json
import random
import re
import sys
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

LAYOUTS = ("docx", "tabrows", "markdown", "html", "pdflayout")
NOISES = ("fullwidth", "pad", "zwsp", "crlf", "bookmark", "numbering", "thousands")
WARNING_CODES = ("cell_blank", "row_inferred", "unit_converted")
SIZE_RANGE = (5 * 1000, 16 * 1000)     # bytes of one report's text

ZWSP = "\u200b"
NBSP = "\u00a0"
IDEO_SPACE = "\u3000"

# ------------------------------------------------------------------ catalogue

APPLICANTS = ("natural_person", "business", "research", "nonprofit",
              "legal_service", "other_org")
REQ_COLS = APPLICANTS + ("total",)
ORG_LABELS = ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")
REQ_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
RESULT_HEAD = "三、本年度办理结果"
OPENING_ROWS = (("new_received", "一、本年新收政府信息公开申请数量"),
                ("carried_over", "二、上年结转政府信息公开申请数量"))
CLOSING_ROW = ("carried_forward", "四、结转下年度继续办理")
DENIED = ("（三）不予公开", (
    ("denied.state_secret", "1.属于国家秘密"),
    ("denied.prohibited_by_law", "2.其他法律行政法规禁止公开"),
    ("denied.security_stability", "3.危及“三安全一稳定”"),
    ("denied.third_party_rights", "4.保护第三方合法权益"),
    ("denied.internal_affairs", "5.属于三类内部事务信息"),
    ("denied.process_information", "6.属于四类过程性信息"),
    ("denied.enforcement_files", "7.属于行政执法案卷"),
    ("denied.administrative_query", "8.属于行政查询事项")))
UNABLE = ("（四）无法提供", (
    ("unable.not_held", "1.本机关不掌握相关政府信息"),
    ("unable.needs_creation", "2.没有现成信息需要另行制作"),
    ("unable.still_unclear", "3.补正后申请内容仍不明确")))
NOT_PROCESSED = ("（五）不予处理", (
    ("not_processed.complaint", "1.信访举报投诉类申请"),
    ("not_processed.duplicate", "2.重复申请"),
    ("not_processed.publication", "3.要求提供公开出版物"),
    ("not_processed.excessive", "4.无正当理由大量反复申请"),
    ("not_processed.confirm_or_reissue", "5.要求行政机关确认或重新出具已获取信息")))
OTHER_2021 = ("（六）其他处理", (
    ("other.no_correction",
     "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    ("other.unpaid_fee",
     "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    ("other.other", "3.其他")))
# Groups whose item labels the seed-002 converter lost (report-format.md §5.1 F).
UNLABELED_GROUPS = (DENIED, UNABLE, NOT_PROCESSED)
# The value that stands in a lost label's cell (the "one extra leading value").
EXTRA_VALUE = "0"

# How often each outcome occurs, to spread applications over the leaf rows.
LEAF_WEIGHTS = {
    "granted": 30, "partially_granted": 8,
    "denied.state_secret": 0.3, "denied.prohibited_by_law": 0.5,
    "denied.security_stability": 0.3, "denied.third_party_rights": 1.5,
    "denied.internal_affairs": 1, "denied.process_information": 1.5,
    "denied.enforcement_files": 0.8, "denied.administrative_query": 1,
    "unable.not_held": 15, "unable.needs_creation": 3, "unable.still_unclear": 2,
    "not_processed.complaint": 4, "not_processed.duplicate": 2,
    "not_processed.publication": 0.5, "not_processed.excessive": 0.5,
    "not_processed.confirm_or_reissue": 1,
    "other": 5, "other.no_correction": 3, "other.unpaid_fee": 0.3, "other.other": 3,
}

REVIEW_ROWS = ("review", "suit_direct", "suit_after_review")
REVIEW_COLS = ("upheld", "corrected", "other", "pending", "total")
REVIEW_LABELS = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")

PROCUREMENT_AMOUNT = "采购总金额"      # the national header: no unit
ITEM_COLS = ("prev_items", "change", "decisions")
ITEM_HEADERS = ("上一年项目数量", "本年增/减", "处理决定数量")
DOC_2021 = ("issued", "repealed", "in_force")
DOC_2019 = ("made", "published", "total_published")
# Table 二 as blocks: (clause heading, column headers, ((row key, label, columns), ...)).
ACTIVE = {
    "2021": (
        ("第二十条第（一）项", ("本年制发件数", "本年废止件数", "现行有效件数"),
         (("rules", "规章", DOC_2021), ("normative_docs", "行政规范性文件", DOC_2021))),
        ("第二十条第（五）项", ("本年处理决定数量",),
         (("licensing", "行政许可", ("decisions",)),)),
        ("第二十条第（六）项", ("本年处理决定数量",),
         (("penalty", "行政处罚", ("decisions",)), ("coercion", "行政强制", ("decisions",)))),
        ("第二十条第（八）项", ("本年收费金额（单位：万元）",),
         (("fees", "行政事业性收费", ("amount",)),))),
    "2019": (
        ("第二十条第（一）项", ("本年新制作数量", "本年新公开数量", "对外公开总数量"),
         (("rules", "规章", DOC_2019), ("normative_docs", "规范性文件", DOC_2019))),
        ("第二十条第（五）项", ITEM_HEADERS,
         (("licensing", "行政许可", ITEM_COLS),
          ("other_services", "其他对外管理服务事项", ITEM_COLS))),
        ("第二十条第（六）项", ITEM_HEADERS,
         (("penalty", "行政处罚", ITEM_COLS), ("coercion", "行政强制", ITEM_COLS))),
        ("第二十条第（八）项", ITEM_HEADERS[:2],
         (("fees", "行政事业性收费", ITEM_COLS[:2]),)),
        ("第二十条第（九）项", ("采购项目数量", PROCUREMENT_AMOUNT),
         (("procurement", "政府集中采购", ("projects", "amount")),))),
}
OTHER_SERVICE_KINDS = (("inspection", "行政检查"), ("confirmation", "行政确认"),
                       ("reward", "行政奖励"), ("adjudication", "行政裁决"),
                       ("benefit", "行政给付"))

SECTION_TITLES = ("一、总体情况", "二、主动公开政府信息情况",
                  "三、收到和处理政府信息公开申请情况",
                  "四、政府信息公开行政复议、行政诉讼情况",
                  "五、存在的主要问题及改进情况", "六、其他需要报告的事项")
# Word list numbering exported as Arabic numerals (§5.1 G): 四 and 六 survive.
MANGLED_TITLES = {SECTION_TITLES[i]: f"{i + 1}、 {SECTION_TITLES[i][2:]}" for i in (1, 2, 4)}


def result_blocks(template):
    """Table-三 result rows by group: (group label or None, ((key, label), ...))."""
    other = OTHER_2021 if template == "2021" else (None, (("other", "（六）其他处理"),))
    return ((None, (("granted", "（一）予以公开"),)),
            (None, (("partially_granted",
                     "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),)),
            DENIED, UNABLE, NOT_PROCESSED, other,
            (None, (("total_processed", "（七）总计"),)))


def leaf_keys(template):
    """The rows that （七）总计 adds up (R3.3)."""
    return [key for _, items in result_blocks(template) for key, _ in items
            if key != "total_processed"]


def request_keys(template):
    """Every table-三 row key of a template, in template order."""
    return ([key for key, _ in OPENING_ROWS] + leaf_keys(template)
            + ["total_processed", CLOSING_ROW[0]])


def active_columns(template):
    """Every table-二 row key a template allows, with its columns."""
    cols = {key: c for _, _, items in ACTIVE[template] for key, _, c in items}
    if template == "2019":
        cols.update({f"other_services.{kind}": ITEM_COLS for kind, _ in OTHER_SERVICE_KINDS})
    return cols


# ---------------------------------------------------------------------- model

@dataclass(frozen=True)
class Written:
    """One table cell: the value the truth holds and the text the report prints."""
    value: object          # int, Decimal (万元) or None (blank / placeholder)
    text: str


@dataclass(frozen=True)
class Agency:
    """An invented issuing body."""
    name: str              # as the title prints it
    place: str             # the region whose 工作要点 it follows
    self_ref: str          # how the prose names it: 本街道, 我局 …
    stem: str              # two characters for account names


@dataclass(frozen=True)
class Block:
    """A piece of the document: title line, heading, paragraph or table."""
    kind: str              # title | h1 | h2 | p | table
    text: str              # the table name (active, requests, review) for tables
    optional: bool = False  # prose that may be dropped to respect the size limit


@dataclass
class Report:
    """One invented report: what it says (the truth) and how it is laid out."""
    layout: str
    agency: Agency
    year: int
    template: str
    title_style: str
    active: dict           # row key → column key → Written
    requests: dict
    review: dict
    other_service_kinds: tuple
    procurement_header: str
    unlabeled: bool        # T2019 docx: item labels of （三）（四）（五） lost
    half_width_labels: bool
    split_groups: tuple    # group labels the docx export splits over a blank line
    warnings: tuple
    blocks: tuple = ()


@dataclass(frozen=True)
class Spec:
    """What to generate; every field left None is drawn from the seed."""
    layout: str
    template: str = None
    year: int = None
    title: str = None      # inline | own_line | split | spaced | none
    profile: str = None    # request volume, a key of VOLUME
    subrows: tuple = None  # T2019 other_services kinds; () for the single row
    yuan: bool = None      # T2019 procurement written in 元 under a bare header
    blanks: bool = None
    unlabeled: bool = None
    noise: frozenset = frozenset()
    pins: tuple = ()       # ((row, col, value, text), ...) table-二 cells as written


# ------------------------------------------------------------------- agencies

CITIES = ("江河市", "云岭市", "澄湖市", "望川市", "岚溪市", "松汀市")
DISTRICTS = ("青石区", "云栖区", "枫林区", "明湖区", "北汀区", "东岚区")
COUNTIES = ("芦汀县", "禾丰县", "清禾县", "望云县")
PROVINCES = ("东川省", "南岭省", "西岚省")
STREETS = ("桂园街道办事处", "柳营街道办事处", "新桥街道办事处", "云台街道办事处",
           "杏花街道办事处")
TOWNS = ("白鹭镇人民政府", "石塘镇人民政府", "金川镇人民政府")
DEPARTMENTS = ("生态环境局", "市场监督管理局", "自然资源和规划局", "交通运输局", "教育局",
               "卫生健康委员会", "司法局", "审计局", "住房和城乡建设局", "农业农村局",
               "人民政府办公室")
SELF_REFS = (("街道办事处", ("本街道", "我街道")), ("镇人民政府", ("我镇", "本镇")),
             ("委员会", ("我委", "本委")), ("办公室", ("我办", "本办")),
             ("局", ("我局", "本局")))


def make_agency(rng):
    """An invented issuing body assembled from place and unit names."""
    city, district, county, province = (rng.choice(names) for names in
                                        (CITIES, DISTRICTS, COUNTIES, PROVINCES))
    dept = rng.choice(DEPARTMENTS)
    street, town = rng.choice(STREETS), rng.choice(TOWNS)
    name, place, stem = rng.choice((
        (rng.choice((city + district, district)) + street, district, street[:2]),
        (city + county + town, county, town[:2]),
        (city + dept, city, city[:2]),
        (city + district + dept, city + district, district[:2]),
        (county + "人民政府办公室", county, county[:2]),
        (province + dept, province, province[:2])))
    refs = next(refs for suffix, refs in SELF_REFS if name.endswith(suffix))
    return Agency(name, place, rng.choice(refs), stem)


# -------------------------------------------------------------------- numbers

# Applications handled per applicant column: (fewest, most).
VOLUME = {
    "none": ((0, 0),) * 6,
    "tiny": ((0, 4), (0, 1), (0, 0), (0, 0), (0, 0), (0, 1)),
    "small": ((2, 30), (0, 6), (0, 1), (0, 1), (0, 3), (0, 2)),
    "busy": ((40, 300), (5, 60), (0, 5), (0, 4), (0, 20), (0, 15)),
    "large": ((1200, 2400), (40, 300), (0, 20), (0, 10), (5, 80), (5, 60)),
}
PROFILE_WEIGHTS = {"none": 20, "tiny": 30, "small": 30, "busy": 15, "large": 5}


def plain(value):
    """A cell printed as its plain number."""
    return Written(value, str(value))


def count(rng, p_zero, high):
    """A count that is 0 with probability p_zero, else 1..high."""
    return 0 if rng.random() < p_zero else rng.randint(1, high)


def change_text(rng, value):
    """本年增/减 as agencies write it: 减263, 增12, -5, +3, －5, 0."""
    if value < 0:
        return rng.choice(("减{}", "-{}", "－{}")).format(-value)
    if value > 0:
        return rng.choice(("增{}", "+{}", "{}")).format(value)
    return "0"


def money(rng, p_zero, high):
    """A 万元 amount with 1, 2 or 4 decimals; the truth keeps them (0.3200)."""
    text = "0" if rng.random() < p_zero else f"{rng.uniform(0.01, high):.{rng.choice((1, 2, 4))}f}"
    return Written(Decimal(text), text)


def yuan_amount(rng):
    """采购总金额 written in 元 inside the cell; the truth is in 万元 (÷ 10000)."""
    yuan = rng.randrange(1000, 9_000_000, 100)
    return Written(Decimal(yuan) / 10000, f"{yuan}元")


def documents(rng, cols, p_none):
    """规章 / 规范性文件: made or issued, published or repealed, and the stock."""
    if rng.random() < p_none:
        return {col: plain(0) for col in cols}
    first, second = count(rng, .5, 8), count(rng, .6, 4)
    return dict(zip(cols, map(plain, (first, second, max(first, second) + rng.randint(0, 60)))))


def items(rng):
    """T2019 上一年项目数量 / 本年增/减 / 处理决定数量, with a signed change."""
    prev = count(rng, .4, 600)
    change = 0 if rng.random() < .4 else rng.randint(-prev, 40)
    return {"prev_items": plain(prev), "change": Written(change, change_text(rng, change)),
            "decisions": plain(count(rng, .4, 800))}


def gen_active(rng, template, kinds, yuan):
    """Table 二 in template row order."""
    if template == "2021":
        return {"rules": documents(rng, DOC_2021, .8),
                "normative_docs": documents(rng, DOC_2021, .3),
                "licensing": {"decisions": plain(count(rng, .4, 3000))},
                "penalty": {"decisions": plain(count(rng, .3, 1500))},
                "coercion": {"decisions": plain(count(rng, .6, 60))},
                "fees": {"amount": money(rng, .4, 500)}}
    rows = {"rules": documents(rng, DOC_2019, .8),
            "normative_docs": documents(rng, DOC_2019, .3),
            "licensing": items(rng)}
    rows.update({f"other_services.{kind}": items(rng) for kind in kinds}
                or {"other_services": items(rng)})
    rows["penalty"], rows["coercion"] = items(rng), items(rng)
    rows["fees"] = {col: cell for col, cell in items(rng).items() if col != "decisions"}
    projects = rng.randint(1, 80) if yuan else count(rng, .3, 80)
    amount = yuan_amount(rng) if yuan else money(rng, 0, 20000) if projects else plain(Decimal(0))
    rows["procurement"] = {"projects": plain(projects), "amount": amount}
    return rows


def make_unmistakable(rng, row):
    """Give an unlabeled row values whose first seven cells (the wrong window) break R3.2.

    The wrong window is EXTRA_VALUE (0) and the first six of the real cells,
    so it reads 0 + natural_person … legal_service as the parts and other_org
    as the total.
    """
    row[rng.choice(APPLICANTS[:5])] += 1
    while sum(row[col] for col in APPLICANTS[:5]) == row["other_org"]:
        row["natural_person"] += 1


def gen_requests(rng, template, profile, force=()):
    """Table 三 whose columns balance (R3.1), add up (R3.3) and whose rows total (R3.2)."""
    leaves = leaf_keys(template)
    weights = [LEAF_WEIGHTS[key] for key in leaves]
    cells = {key: dict.fromkeys(APPLICANTS, 0) for key in request_keys(template)}
    for col, (low, high) in zip(APPLICANTS, VOLUME[profile]):
        for key in rng.choices(leaves, weights, k=rng.randint(low, high)):
            cells[key][col] += 1
    for key in force:
        make_unmistakable(rng, cells[key])
    for col in APPLICANTS:
        done = sum(cells[key][col] for key in leaves)
        later = rng.randint(0, done // 6)
        earlier = rng.randint(0, (done + later) // 5)
        cells["total_processed"][col] = done
        cells["carried_forward"][col] = later
        cells["carried_over"][col] = earlier
        cells["new_received"][col] = done + later - earlier
    return {key: {**{col: plain(n) for col, n in row.items()}, "total": plain(sum(row.values()))}
            for key, row in cells.items()}


def blank_cells(rng, requests, layout):
    """Turn some zero cells of table 三 into blanks or placeholders (truth null); return how many.

    Layouts that lose empty cells (tabrows drops leading TABs, pdflayout
    prints nothing) only get visible placeholders.
    """
    marks = ("—", "/") if layout in ("tabrows", "pdflayout") else ("", "—", "/")
    zeros = [(row, col) for row, cols in requests.items() for col, cell in cols.items()
             if cell.value == 0]
    chosen = rng.sample(zeros, min(len(zeros), rng.randint(6, 14)))
    for row, col in chosen:
        requests[row][col] = Written(None, rng.choice(marks))
    return len(chosen)


def gen_review(rng):
    """Table 四: four outcomes and their total for 复议 and both kinds of 诉讼."""
    busy = rng.random() < .4
    table = {}
    for key in REVIEW_ROWS:
        parts = [rng.choice((0, 0, 0, 1, 2, 3)) if busy else 0 for _ in range(4)]
        table[key] = dict(zip(REVIEW_COLS, map(plain, parts + [sum(parts)])))
    return table


# ------------------------------------------------------------------ narrative

PREAMBLES = (
    "依据《中华人民共和国政府信息公开条例》（以下简称《条例》）第五十条规定，编制本报告。",
    "本报告依据《中华人民共和国政府信息公开条例》要求编制，全文包括总体情况、主动公开政府信息情况、"
    "收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、"
    "其他需要报告的事项。",
)
STATS_PERIOD = "本报告所列数据的统计期限为{year}年1月1日至12月31日。"
OPENINGS = (
    "{year}年，{name}坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《中华人民共和国政府"
    "信息公开条例》和上级关于政务公开工作的部署，坚持以公开为常态、不公开为例外，持续提升政府信息"
    "公开工作的规范化、标准化水平。",
    "{year}年，{name}按照{place}政务公开工作的总体安排，围绕年度中心工作深化决策、执行、管理、"
    "服务、结果公开，以公开促落实、促规范、促服务，各项工作有序推进。",
    "{year}年，在上级政务公开主管部门的指导下，{name}把政府信息公开作为建设法治政府、服务型政府的"
    "重要抓手，健全制度、压实责任、畅通渠道，较好地完成了年度各项任务。",
)
ACTIVE_BANK = (
    "全年通过门户网站主动公开政府信息{posts}条，其中政策文件{policy}条、工作动态{news}条、"
    "公告公示{notices}条。",
    "对照主动公开基本目录，逐项梳理机构职能、权责清单、财政预决算、人事任免等法定公开事项，"
    "做到应公开尽公开。",
    "围绕群众关注的就业、教育、医疗、养老等民生事项，编制并公开办事指南{guides}项，推动办事信息"
    "集中发布、便捷查询。",
    "坚持政策文件与解读材料同步起草、同步审签、同步发布，全年发布政策解读{readings}篇，其中图解、"
    "短视频等形式{visual}篇。",
    "严格落实行政执法公示制度，行政许可、行政处罚决定作出后在7个工作日内向社会公开。",
    "通过新闻发布会、在线访谈、政民互动栏目等方式回应社会关切{replies}次，及时澄清不实信息。",
    "开展政务公开专栏自查{audits}次，整改栏目更新不及时、链接失效等问题{fixes}处。",
)
REQUEST_BANK = (
    "严格执行登记、拟办、审核、答复、归档的办理流程，规范使用答复文书，做到件件有回音。",
    "对申请内容描述不清的，主动与申请人电话沟通，一次性告知需要补正的事项，减少申请人往返。",
    "建立疑难申请会商机制，涉及其他行政机关的申请及时征求意见，确保答复依据充分、说理清楚。",
    "申请内容主要涉及征收补偿、行政执法、财政资金使用和规划审批等方面。",
)
MANAGEMENT_KEY = ("按照《{place}{year}年政务公开工作要点》（{docno}）要求，对本机关制发的规范性文件"
                  "开展集中清理，及时更新公开目录和文件有效性标注。")
MANAGEMENT_BANK = (
    "严格落实公文公开属性源头认定机制，拟制公文时同步明确主动公开、依申请公开或不予公开属性，"
    "不予公开的注明理由。",
    "健全信息发布保密审查制度，坚持“先审查、后公开”和“一事一审”原则，全年未发生泄密或不当公开事件。",
    "建立依申请公开工作台账，对申请登记表、答复书、送达凭证等材料实行一案一档、规范归档。",
    "定期梳理已公开信息，对失效、过期的内容及时标注或调整，保证公开信息准确有效。",
)
PLATFORM_BANK = (
    "持续优化门户网站政府信息公开专栏，规范设置机构信息、法定主动公开内容、政府信息公开年报等栏目。",
    "“{wechat}”微信公众号全年发布信息{wx_posts}条，其中原创{wx_original}条，关注人数达到{wx_fans}人。",
    "在政务服务大厅设置政府信息公开查阅点{points}个，配备查阅终端和纸质资料，方便群众就近查询。",
    "加强政务新媒体日常管理，落实“三审三校”制度，确保发布内容导向正确、表述准确。",
    "依托政务服务便民热线和网上留言板收集群众意见建议{messages}条，均已按期答复。",
)
SUPERVISION_KEY = ("公布政府信息公开工作监督电话{phone}，畅通群众反映问题渠道，自觉接受社会监督。"
                   "{year}年{month}月{day}日，{self}召开政务公开工作专题会议，研究部署年度重点任务，"
                   "明确分管领导和责任科室。")
SUPERVISION_BANK = (
    "将政务公开工作纳入年度绩效考核，考核结果作为评先评优的重要依据。",
    "组织政务公开业务培训{trainings}次，参训{trainees}人次，重点学习《条例》和依申请公开答复规范。",
    "本年度未发生因政府信息公开工作不到位而被追究责任的情况。",
    "邀请人大代表、政协委员和群众代表参与政务公开评议，对评议中提出的意见建议逐条研究落实。",
)
# Section 一's sub-headings: (variants, sentence that must stay, sentence bank).
SUBSECTIONS = (
    (("（一）主动公开", "（一）主动公开情况", "（一）主动公开政府信息情况"), "", ACTIVE_BANK),
    (("（二）依申请公开", "（二）依申请公开情况", "（二）依申请公开办理情况"),
     "{requests_text}", REQUEST_BANK),
    (("（三）政府信息管理", "（三）政府信息管理情况"), MANAGEMENT_KEY, MANAGEMENT_BANK),
    (("（四）政府信息公开平台建设", "（四）平台建设情况"), "", PLATFORM_BANK),
    (("（五）监督保障", "（五）监督保障情况", "（五）监督保障及教育培训情况"),
     SUPERVISION_KEY, SUPERVISION_BANK),
)
PROBLEMS = (
    "政策解读形式较为单一，图解、短视频等解读产品数量偏少",
    "部分科室对公文公开属性的认定把握不准，源头管理有待加强",
    "政务新媒体互动回应不够及时，信息更新频次不均衡",
    "专职工作人员较少，业务能力与工作要求相比还有差距",
    "依申请公开答复的说理性和规范性还需进一步增强",
)
MEASURES = (
    "加强业务培训，提高工作人员依法公开意识和答复水平",
    "丰富政策解读形式，围绕重点工作推出更多群众看得懂、用得上的解读产品",
    "完善公开属性源头认定和动态调整机制，定期开展公开内容自查",
    "加强政务新媒体管理，建立留言办理督办机制，提升回应时效",
    "规范依申请公开办理流程，加强疑难申请的会商研判，提高答复质量",
)
ORDINALS = "一二三四五"
FEES_NONE = ("本年度{self}发出收费通知的件数和总金额以及实际收取的总金额均为0。",
             "{year}年度，{self}未收取政府信息公开信息处理费。")
FEES_SOME = ("本年度{self}依据《政府信息公开信息处理费管理办法》发出收费通知{fee_notices}件，"
             "总金额{fee_amount}元，实际收取{fee_paid}元。")
SIX_2021 = (
    "落实上级年度政务公开工作要点情况：{self}对照年度要点逐项分解任务，明确责任科室和完成时限，"
    "各项任务均已按期完成。",
    "人大代表建议和政协提案办理结果公开情况：本年度{self}承办人大代表建议{motions}件、政协提案"
    "{proposals}件，办理复文均已按规定公开。",
    "年度政务公开工作创新情况：{self}在政务服务大厅设立政务公开专区，推行“一站式”查阅和咨询服务。",
)
SIX_2019 = ("无。", "本年度{self}无其他需要报告的事项。",
            "{year}年度，{self}未收取政府信息公开相关费用。")
DOC_PREFIXES = ("政办发", "政办函", "政发")
TITLE_STYLES = {"docx": ("inline", "own_line", "split", "spaced", "none"),
                "tabrows": ("inline", "spaced", "none"),
                "markdown": ("inline", "spaced"),
                "html": ("inline", "own_line", "spaced"),
                "pdflayout": ("inline", "own_line", "split", "spaced", "none")}
TITLE_TAILS = ("工作年度报告", "作年度报告", "息公开工作年度报告")   # moved to a second line


def split_number(rng, total, parts):
    """total cut into parts non-negative whole numbers."""
    cuts = sorted(rng.randint(0, total) for _ in range(parts - 1))
    return [b - a for a, b in zip([0] + cuts, cuts + [total])]


def request_summary(f):
    """Section 一's account of requests, quoting tables 三 and 四 (RT.1–RT.6)."""
    text = ("{year}年，{self}共收到政府信息公开申请{new}件，其中自然人申请{person}件，"
            "法人或其他组织申请{org}件。" if f["new"] else "{year}年，{self}未收到新的政府信息公开申请。")
    if f["carried"]:
        text += "上年结转申请{carried}件。"
    if f["done"] or f["later"]:
        text += "全年办结{done}件，结转下年度继续办理{later}件。"
    if f["new"]:
        text += "从申请方式看，当面申请{face}件，网络申请{web}件，信函申请{mail}件。"
    if f["done"]:
        text += "从办理结果看，予以公开{granted}件，部分公开{partial}件。"
    text += "全年因政府信息公开工作被申请行政复议{reviews}件，被提起行政诉讼{suits}件。"
    if f["pending"]:
        text += "其中尚未审结{pending}件。"
    return text.format_map(f)


def prose_facts(report, rng):
    """Names and numbers the narrative quotes; table figures come from the truth."""
    agency, req, rev = report.agency, report.requests, report.review

    def cell(section, row, col="total"):
        return section[row][col].value or 0

    new = cell(req, "new_received")
    person = cell(req, "new_received", "natural_person")
    unpaid = cell(req, "other.unpaid_fee") if report.template == "2021" else 0
    notices = unpaid + rng.randint(1, 3)
    policy, news, notes = rng.randint(5, 80), rng.randint(30, 500), rng.randint(5, 120)
    readings, wx_posts = rng.randint(3, 60), rng.randint(80, 1500)
    facts = {
        "year": report.year, "self": agency.self_ref, "place": agency.place,
        "name": agency.self_ref if report.title_style == "none" else agency.name,
        "phone": f"0{rng.randint(310, 939)}-{rng.randint(6, 8)}{rng.randint(0, 9999999):07d}",
        "docno": f"{agency.place[0]}{rng.choice(DOC_PREFIXES)}〔{report.year}〕{rng.randint(1, 60)}号",
        "wechat": agency.stem + rng.choice(("发布", "政务", "在线")),
        "month": rng.randint(2, 11), "day": rng.randint(1, 28),
        "new": new, "person": person, "org": new - person,
        "carried": cell(req, "carried_over"), "done": cell(req, "total_processed"),
        "later": cell(req, "carried_forward"), "granted": cell(req, "granted"),
        "partial": cell(req, "partially_granted"), "reviews": cell(rev, "review"),
        "suits": cell(rev, "suit_direct") + cell(rev, "suit_after_review"),
        "pending": sum(cell(rev, row, "pending") for row in REVIEW_ROWS),
        "posts": policy + news + notes, "policy": policy, "news": news, "notices": notes,
        "guides": rng.randint(10, 200), "readings": readings, "visual": rng.randint(0, readings),
        "replies": rng.randint(2, 90), "audits": rng.randint(2, 12), "fixes": rng.randint(1, 40),
        "wx_posts": wx_posts, "wx_original": rng.randint(wx_posts // 3, wx_posts),
        "wx_fans": rng.randint(800, 90000), "points": rng.randint(1, 6),
        "messages": rng.randint(10, 600), "trainings": rng.randint(1, 8),
        "trainees": rng.randint(20, 400), "motions": rng.randint(0, 12),
        "proposals": rng.randint(0, 15), "fee_notices": notices,
        "fee_amount": notices * 100, "fee_paid": (notices - unpaid) * 100,
    }
    facts["face"], facts["web"], facts["mail"] = split_number(rng, new, 3)
    facts["requests_text"] = request_summary(facts)
    return facts


def enumerate_zh(clauses):
    """一是…；二是…。"""
    return "；".join(f"{ORDINALS[i]}是{text}" for i, text in enumerate(clauses)) + "。"


def title_lines(report, rng):
    """The title as printed: one line, agency on its own line, split, spaced year, or none."""
    agency, head = report.agency.name, f"{report.year}年政府信息公开工作年度报告"
    style = report.title_style
    if style == "none":
        return []
    if style == "own_line":
        return [agency, head]
    if style == "spaced":
        return [f"{agency} {report.year} 年政府信息公开工作年度报告"]
    full = agency + head
    if style == "split":
        tail = rng.choice(TITLE_TAILS)
        return [full[:-len(tail)], tail]
    return [full]


def section_one(facts, rng):
    """一、总体情况: an opening paragraph and five sub-headed topics."""
    blocks = [Block("h1", SECTION_TITLES[0]),
              Block("p", rng.choice(OPENINGS).format_map(facts), optional=True)]
    for headings, key, bank in SUBSECTIONS:
        sentences = [s.format_map(facts) for s in rng.sample(bank, 4)]
        first = key.format_map(facts) or sentences.pop()
        blocks += [Block("h2", rng.choice(headings)), Block("p", first),
                   Block("p", "".join(sentences), optional=True)]
    return blocks


def closing_sections(report, facts, rng):
    """五 (problems, then measures) and 六 (fees and the T2021 items, or a short note)."""
    problems = enumerate_zh(rng.sample(PROBLEMS, rng.randint(2, 3)))
    measures = enumerate_zh(rng.sample(MEASURES, rng.randint(2, 3)))
    blocks = [Block("h1", SECTION_TITLES[4]),
              Block("p", "{self}政府信息公开工作仍存在一些不足：".format_map(facts) + problems),
              Block("p", "下一步，{self}将重点做好以下工作：".format_map(facts) + measures),
              Block("h1", SECTION_TITLES[5])]
    if report.template == "2019":
        return blocks + [Block("p", rng.choice(SIX_2019).format_map(facts))]
    issued_notices = facts["fee_paid"] < facts["fee_amount"] or rng.random() < .15
    fees = FEES_SOME if issued_notices else rng.choice(FEES_NONE)
    return blocks + [Block("p", fees.format_map(facts))] + [
        Block("p", text.format_map(facts), optional=True) for text in SIX_2021]


def document_blocks(report, rng):
    """The whole report in reading order, tables as placeholders."""
    facts = prose_facts(report, rng)
    blocks = [Block("title", line) for line in title_lines(report, rng)]
    blocks.append(Block("p", rng.choice(PREAMBLES) + STATS_PERIOD.format_map(facts)))
    blocks += section_one(facts, rng)
    for title, table in zip(SECTION_TITLES[1:4], ("active", "requests", "review")):
        blocks += [Block("h1", title), Block("table", table)]
    return tuple(blocks + closing_sections(report, facts, rng))


# -------------------------------------------------------------------- reports

def draw_year(rng, template):
    """A report year, within the template's years when one is asked for."""
    low, high = {"2019": (2019, 2020), "2021": (2021, 2024)}.get(template, (2019, 2024))
    return rng.randint(low, high)


def draw_kinds(rng):
    """T2019 其他对外管理服务事项: usually one row, sometimes split into kinds."""
    if rng.random() < .6:
        return ()
    return tuple(kind for kind, _ in OTHER_SERVICE_KINDS if rng.random() < .5)


def draw(rng, fixed, chance):
    """fixed when the spec sets it, else True with probability chance."""
    return fixed if fixed is not None else rng.random() < chance


def build_report(spec, rng):
    """Draw one report's content from rng, honouring everything the spec fixes."""
    year = spec.year or draw_year(rng, spec.template)
    template = "2019" if year <= 2020 else "2021"
    t2019 = template == "2019"
    kinds = ()
    if t2019:
        kinds = spec.subrows if spec.subrows is not None else draw_kinds(rng)
    yuan = t2019 and draw(rng, spec.yuan, .2)
    active = gen_active(rng, template, kinds, yuan)
    for row, col, value, text in spec.pins:
        active[row][col] = Written(value, text)
    unlabeled = t2019 and spec.layout == "docx" and draw(rng, spec.unlabeled, .2)
    force = [key for _, rows in UNLABELED_GROUPS for key, _ in rows] if unlabeled else ()
    profile = spec.profile or rng.choices(list(PROFILE_WEIGHTS), PROFILE_WEIGHTS.values())[0]
    requests = gen_requests(rng, template, profile, force)
    blanks = not unlabeled and draw(rng, spec.blanks, .1) and blank_cells(rng, requests, spec.layout) > 0
    groups = tuple(group for group, _ in UNLABELED_GROUPS)
    report = Report(
        layout=spec.layout, agency=make_agency(rng), year=year, template=template,
        title_style=spec.title or rng.choice(TITLE_STYLES[spec.layout]),
        active=active, requests=requests, review=gen_review(rng),
        other_service_kinds=kinds,
        procurement_header=PROCUREMENT_AMOUNT if yuan else PROCUREMENT_AMOUNT + "（万元）",
        unlabeled=unlabeled,
        half_width_labels=rng.random() < (.5 if spec.layout == "tabrows" else .15),
        split_groups=groups if unlabeled else (rng.choice(groups),) if rng.random() < .7 else (),
        warnings=tuple(code for code, on in zip(WARNING_CODES, (blanks, unlabeled, yuan)) if on))
    report.blocks = document_blocks(report, rng)
    return report


def truth(report):
    """What a perfect parser returns for the report, plus the warnings it must emit."""
    def values(section):
        return {row: {col: cell.value for col, cell in cols.items()}
                for row, cols in section.items()}
    doc = {} if report.title_style == "none" else {"agency": report.agency.name}
    doc.update(year=report.year, template=report.template,
               active_disclosure=values(report.active), requests=values(report.requests),
               review_litigation=values(report.review),
               expect_warnings=list(report.warnings))
    return doc


# --------------------------------------------------------------------- tables

@dataclass(frozen=True)
class GCell:
    """A table cell before rendering: text, kind and spans (as in HTML)."""
    text: str
    kind: str = "label"    # title (clause heading) | head | label | value
    rs: int = 1
    cs: int = 1
    split: bool = False    # a group label the docx export splits over a blank line


def value_cells(cells, width=3):
    """The value cells of a table-二 row; the last one spans what is left of width."""
    out = [GCell(cell.text, "value") for cell in cells.values()]
    return out[:-1] + [GCell(out[-1].text, "value", cs=width - len(out) + 1)]


def active_rows(report):
    """Table 二: clause headings, column headers and rows, block after block."""
    kinds = dict(OTHER_SERVICE_KINDS)
    nlabel = 2 if report.other_service_kinds else 1
    rows = []
    for heading, headers, lines in ACTIVE[report.template]:
        headers = [report.procurement_header if h == PROCUREMENT_AMOUNT else h for h in headers]
        heads = [GCell(h, "head") for h in headers]
        heads[-1] = GCell(headers[-1], "head", cs=4 - len(headers))
        rows += [[GCell(heading, "title", cs=nlabel + 3)],
                 [GCell("信息内容", "head", cs=nlabel)] + heads]
        for key, label, _ in lines:
            if key == "other_services" and report.other_service_kinds:
                subkeys = report.other_service_kinds
                for i, kind in enumerate(subkeys):
                    lead = [GCell(label, rs=len(subkeys))] if i == 0 else []
                    rows.append(lead + [GCell(kinds[kind])]
                                + value_cells(report.active[f"{key}.{kind}"]))
            else:
                rows.append([GCell(label, cs=nlabel)] + value_cells(report.active[key]))
    return rows, nlabel


def label_text(report, text):
    """A table-三 label, in half-width style for some reports: (一) 予以公开, 1. 属于…"""
    if not report.half_width_labels:
        return text
    text = re.sub(r"^(\d)\.", r"\1. ", text.replace("（", "(").replace("）", ") "))
    return text.replace("“", '"').replace("”", '"').strip()


def request_rows(report):
    """Table 三: three header rows, then 一、二, the result rows and 四."""
    def label(text, **spans):
        return GCell(label_text(report, text), **spans)

    def values(key):
        return [GCell(cell.text, "value") for cell in report.requests[key].values()]

    rows = [[GCell(REQ_NOTE, "head", rs=3, cs=3), GCell("申请人情况", "head", cs=7)],
            [GCell("自然人", "head", rs=2), GCell("法人或其他组织", "head", cs=5),
             GCell("总计", "head", rs=2)],
            [GCell(text, "head") for text in ORG_LABELS]]
    rows += [[label(text, cs=3)] + values(key) for key, text in OPENING_ROWS]
    blocks = result_blocks(report.template)
    lead = [label(RESULT_HEAD, rs=sum(len(items) for _, items in blocks))]
    for group, items in blocks:
        for i, (key, text) in enumerate(items):
            if group is None:
                cells = [label(text, cs=2)]
            else:
                split = group in report.split_groups
                cells = [label(group, rs=len(items), split=split)] if i == 0 else []
                lost = report.unlabeled and (group, items) in UNLABELED_GROUPS
                cells.append(GCell(EXTRA_VALUE, "value") if lost else label(text))
            rows.append(lead + cells + values(key))
            lead = []
    return rows + [[label(CLOSING_ROW[1], cs=3)] + values(CLOSING_ROW[0])], 3


def review_rows(report):
    """Table 四: three header rows and the fifteen values in one row."""
    return [[GCell("行政复议", "head", cs=5), GCell("行政诉讼", "head", cs=10)],
            [GCell(text, "head", rs=2) for text in REVIEW_LABELS]
            + [GCell("未经复议直接起诉", "head", cs=5), GCell("复议后起诉", "head", cs=5)],
            [GCell(text, "head") for text in REVIEW_LABELS * 2],
            [GCell(report.review[row][col].text, "value")
             for row in REVIEW_ROWS for col in REVIEW_COLS]], 0


TABLES = {"active": active_rows, "requests": request_rows, "review": review_rows}


def place(rows):
    """Lay spanning cells on a grid: grid[r][c] = (cell, its first row, its first column)."""
    grid = {}
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in grid:
                c += 1
            for dr in range(cell.rs):
                for dc in range(cell.cs):
                    grid[r + dr, c + dc] = (cell, r, c)
            c += cell.cs
    ncols = 1 + max(c for _, c in grid)
    return [[grid[r, c] for c in range(ncols)] for r in range(len(rows))]


def expanded(grid_row, r, dress):
    """One text per grid column: a cell's text where it starts, '' where it continues."""
    return [dress(cell) if (r0, c0) == (r, c) else ""
            for c, (cell, r0, c0) in enumerate(grid_row)]


# ---------------------------------------------------------------------- noise

FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
THOUSANDS = re.compile(r"(?<![\d.])\d{4,}")
LEFT_PADS = (IDEO_SPACE, IDEO_SPACE * 2, NBSP, NBSP + IDEO_SPACE, NBSP + " ")
RIGHT_PADS = (NBSP, " ", "  ", "   ")


class Styler:
    """Prints cell values and labels with the report's noise; one per rendering."""

    def __init__(self, rng, noise, pad_rate):
        self.rng, self.noise, self.pad_rate = rng, noise, pad_rate

    def value(self, text):
        """A value cell: thousands separators, full-width digits, zero-width spaces, padding."""
        rng = self.rng
        if not text:
            return text
        if "thousands" in self.noise:
            text = THOUSANDS.sub(lambda m: f"{int(m.group()):,}", text, count=1)
        if "fullwidth" in self.noise and rng.random() < .4:
            text = text.translate(FULLWIDTH)
        if "zwsp" in self.noise and rng.random() < .15:
            text = rng.choice((ZWSP + text, text + ZWSP))
        if rng.random() < self.pad_rate:
            text = (rng.choice(LEFT_PADS) + text if rng.random() < .6
                    else text + rng.choice(RIGHT_PADS))
        return text

    def label(self, text):
        """A row label, with a zero-width space inside now and then."""
        if "zwsp" in self.noise and len(text) > 3 and self.rng.random() < .1:
            i = self.rng.randrange(1, len(text))
            text = text[:i] + ZWSP + text[i:]
        return text


def noisy_blocks(blocks, noise, rng):
    """Document-level noise: Word numbering in section titles, zero-width spaces in prose."""
    out = [Block(b.kind, MANGLED_TITLES.get(b.text, b.text), b.optional)
           if b.kind == "h1" and "numbering" in noise else b for b in blocks]
    paragraphs = [i for i, b in enumerate(out) if b.kind == "p"]
    if "zwsp" in noise:
        for i in rng.sample(paragraphs, 3):
            cut = rng.randrange(1, len(out[i].text))
            out[i] = Block("p", out[i].text[:cut] + ZWSP + out[i].text[cut:], out[i].optional)
    return out


BOOKMARK = "[bookmark: _GoBack]"
# A line of prose: starts (maybe after <p> and indentation) with a CJK character,
# is long, and is no table row (no TAB, no pipe, no run of alignment spaces).
PROSE_LINE = re.compile(r"(<p>)?[ \u3000]*[\u4e00-\u9fff](?!.*(\t|\||   )).{30,}")


def add_bookmark(text, rng):
    """Word's [bookmark: _GoBack] debris at the very start of one prose line (§5.1 K)."""
    lines = text.split("\n")
    i = rng.choice([i for i, line in enumerate(lines) if PROSE_LINE.fullmatch(line)])
    lines[i] = BOOKMARK + lines[i]
    return "\n".join(lines)


# -------------------------------------------------------------------- layouts

# Header labels the DOCX export wraps onto a second line (商业 / 企业), as in the seeds.
DOCX_WRAPPED = frozenset(label for label in ORG_LABELS + REVIEW_LABELS if len(label) == 4)


def docx_cell(cell, st, rng):
    """A cell as the DOCX export prints it: wrapped headers (商业 / 企业, even 结/果/维/持),
    a group label split over a blank line (（三）不予 / / 公开)."""
    if cell.kind == "value":
        return st.value(cell.text)
    if cell.kind == "head":
        chance = rng.random()
        if cell.text not in DOCX_WRAPPED or chance >= .8:
            return cell.text
        return "\n".join(cell.text) if chance < .05 else cell.text[:2] + "\n" + cell.text[2:]
    if cell.split:
        return cell.text[:-2] + "\n\n" + cell.text[-2:]
    return st.label(cell.text)


def render_docx(report, blocks, st, rng):
    """Layout A (DOCX export): paragraphs as lines; tables one TAB-led cell per line,
    a merged cell's continuation as a bare TAB, a blank line after each row."""
    gap = [""] * (rng.random() < .5)
    indent = rng.choice(("", IDEO_SPACE * 2, IDEO_SPACE + "   "))
    lines = []
    for b in blocks:
        if b.kind == "table":
            rows, _ = TABLES[b.text](report)
            lines.append("")
            for r, grid_row in enumerate(place(rows)):
                lines += ["\t" + (docx_cell(cell, st, rng) if r0 == r else "")
                          for c, (cell, r0, c0) in enumerate(grid_row) if c == c0]
                lines.append("")
            lines += ["", ""]
        else:
            lines += [(indent if b.kind == "p" else "") + b.text] + gap
    return "\n".join(lines) + "\n"


def tab_table(rows, st, rng):
    """Layout B: a row per line, merged cells as empty fields, ragged leading and trailing TABs."""
    def dress(cell):
        return st.value(cell.text) if cell.kind == "value" else st.label(cell.text)
    lines = []
    for r, grid_row in enumerate(place(rows)):
        line = "\t".join(expanded(grid_row, r, dress))
        if rng.random() < .2:
            line = line.lstrip("\t")
        lines.append(line + "\t" * (rng.random() < .3))
    return "\n".join(lines)


def pipe_block(rows):
    """One pipe table: header row, separator, body; columns empty in every row dropped."""
    if not rows:
        return []
    width = max(i + 1 for row in rows for i, text in enumerate(row) if text)
    lines = ["| " + " | ".join(row[:width]) + " |" for row in rows]
    return [lines[0], "|" + "---|" * width] + lines[1:] + [""]


def pipe_tables(rows, nlabel, st):
    """Layout C: pipe tables, a row's labels joined in one cell; clause headings start a new table."""
    def dress(cell):
        return st.value(cell.text) if cell.kind == "value" else st.label(cell.text)
    out, body = [], []
    for r, grid_row in enumerate(place(rows)):
        texts = expanded(grid_row, r, dress)
        if grid_row[0][0].kind == "title":
            out += pipe_block(body) + [f"**{texts[0]}**", ""]
            body = []
        else:
            label = [" ".join(t for t in texts[:nlabel] if t)] if nlabel else []
            body.append(label + texts[nlabel:])
    return "\n".join(out + pipe_block(body)).strip()


def render_markup(report, blocks, st, rng):
    """Layouts B and C: markdown headings, blank-line separated paragraphs, tables by layout."""
    tabrows = report.layout == "tabrows"
    parts = []
    for b in blocks:
        if b.kind == "title":
            parts.append("# " + b.text)
        elif b.kind == "h1":
            parts.append("#" * (rng.randint(2, 4) if tabrows else 2) + " " + b.text)
        elif b.kind == "h2":
            parts.append("### " + b.text + "：" * tabrows)
        elif b.kind == "p":
            parts.append(b.text)
        else:
            rows, nlabel = TABLES[b.text](report)
            parts.append(tab_table(rows, st, rng) if tabrows else pipe_tables(rows, nlabel, st))
    return "\n\n" + "\n\n".join(parts) + "\n"


HTML_ESCAPES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("“", "&ldquo;"),
                ("”", "&rdquo;"), (NBSP, "&nbsp;"))


def esc(text):
    """HTML text with the entities a web editor writes (&ldquo; &rdquo; &nbsp;)."""
    for raw, entity in HTML_ESCAPES:
        text = text.replace(raw, entity)
    return text


def html_cell(cell, st, rng):
    """A <td>'s content: centred values, &nbsp; for blanks, <br /> inside header labels."""
    if cell.kind == "value":
        return f'<p align="center">{esc(st.value(cell.text)) or "&nbsp;"}</p>'
    if cell.kind == "head" and 4 <= len(cell.text) <= 8 and rng.random() < .6:
        half = len(cell.text) // 2
        return f"{esc(cell.text[:half])}<br />{esc(cell.text[half:])}"
    return esc(st.label(cell.text) if cell.kind == "label" else cell.text)


def html_table(rows, st, rng):
    """Layout D: a real <table> with rowspan / colspan as the form has them, a <tr> per line."""
    out = ['<table border="1" cellspacing="0" cellpadding="0" width="100%" '
           'style="border-collapse:collapse;">', "<tbody>"]
    for row in rows:
        tds = "".join(f"<td{html_spans(cell)}>{html_cell(cell, st, rng)}</td>" for cell in row)
        out.append(f"<tr>{tds}</tr>")
    return out + ["</tbody>", "</table>"]


def html_spans(cell):
    """The rowspan / colspan attributes a cell needs."""
    return (f' rowspan="{cell.rs}"' if cell.rs > 1 else "") + (
        f' colspan="{cell.cs}"' if cell.cs > 1 else "")


def render_html(report, blocks, st, rng):
    """Layout D: a full web page, prose in <p>, tables with spans and entities."""
    title = "".join(b.text for b in blocks if b.kind == "title")
    out = ["<!DOCTYPE html>", "<html>", "<head>", '<meta charset="utf-8">',
           f"<title>{esc(title)}</title>", "</head>", "<body>", '<div class="article-content">']
    for b in blocks:
        if b.kind == "title":
            out.append(f'<p style="text-align:center"><strong>{esc(b.text)}</strong></p>')
        elif b.kind == "h1":
            out.append(f"<p><strong>{esc(b.text)}</strong></p>")
        elif b.kind == "table":
            out += html_table(TABLES[b.text](report)[0], st, rng)
        else:
            out.append(f"<p>{esc(b.text)}</p>")
    return "\n".join(out + ["</div>", "</body>", "</html>"]) + "\n"


PAGE_LINES = 46
PAGE_WIDTH = 80
PDF_GAP = 3
OWN_LINE_SPAN = 10       # a label merged over this many rows prints on a line of its own
PAGE_BREAK = None        # marker in a chunk list
FOOTERS = ("— {page} —", "第 {page} 页 共 {pages} 页", "- {page} -")
# Label column widths (display columns) and the narrowest value column, per table.
PDF_WIDTHS = {"active": ((16,), (12, 12), 14), "requests": ((10, 14, 20), None, 6),
              "review": ((), None, 4)}
TOKEN = re.compile(r"[0-9A-Za-z.,:%\-]+|.")


def text_width(text):
    """Display columns of text: CJK and full-width characters take two, marks none."""
    return sum(0 if unicodedata.category(ch) in ("Mn", "Cf")
               else 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def wrap_width(text, width):
    """Lines of at most width columns, never cutting a run of ASCII digits or letters."""
    lines, cur = [], ""
    for token in TOKEN.findall(text):
        if cur and text_width(cur + token) > width:
            lines.append(cur)
            cur = ""
        cur += token
    return lines + [cur] if cur else lines or [""]


def center(text, width=PAGE_WIDTH):
    """text centred on a line of width columns."""
    return " " * max(0, (width - text_width(text)) // 2) + text


def pdf_line(pieces):
    """Print (column, text) pieces on one line, at least one space between them."""
    line = ""
    for x, text in sorted(pieces):
        if text:
            line += " " * max(x - text_width(line), 1 if line else 0) + text
    return line.rstrip()


def pdf_cell(cell, width, st):
    """A cell's lines with their offsets: values centred, narrow headers stacked, labels wrapped."""
    if cell.kind == "value":
        parts = [st.value(cell.text)]
    elif cell.kind == "head" and text_width(cell.text) > width and len(cell.text) <= 6:
        parts = [cell.text[i:i + 2] for i in range(0, len(cell.text), 2)]
    else:
        parts = wrap_width(st.label(cell.text) if cell.kind == "label" else cell.text, width)
    if cell.kind in ("value", "head"):
        return [(max(0, (width - text_width(p)) // 2), p) for p in parts]
    return [(0, p) for p in parts]


def value_width(grid, c, least):
    """Columns a value column needs: its widest value starting there, at least least."""
    texts = [cell.text for grid_row in grid for cell, _, c0 in grid_row[c:c + 1]
             if cell.kind == "value" and c0 == c]
    return max([least] + [text_width(t) for t in texts])


def pdf_rows(rows, nlabel, label_widths, min_value, st):
    """One chunk of lines per table row, columns aligned with spaces as pdftotext -layout does.

    A label merged over rows prints on its middle row, or on a line of its own
    when it spans OWN_LINE_SPAN rows or more (三、本年度办理结果).
    """
    grid = place(rows)
    widths = list(label_widths) + [value_width(grid, c, min_value)
                                   for c in range(nlabel, len(grid[0]))]
    xs = [0]
    for w in widths:
        xs.append(xs[-1] + w + PDF_GAP)
    chunks = []
    for r, grid_row in enumerate(grid):
        pieces, own = {}, []
        for c, (cell, r0, c0) in enumerate(grid_row):
            anchor = r0 + (cell.rs - 1) // 2 if cell.kind == "label" else r0
            if c != c0 or r != anchor:
                continue
            if cell.rs >= OWN_LINE_SPAN:
                own.append(" " * xs[c0] + cell.text)
                continue
            for k, (dx, part) in enumerate(pdf_cell(cell, xs[c0 + cell.cs] - xs[c0] - PDF_GAP, st)):
                pieces.setdefault(k, []).append((xs[c0] + dx, part))
        chunks.append(own + [pdf_line(pieces[k]) for k in sorted(pieces)])
    return chunks


def pdf_table(report, name, st, rng):
    """A table's chunks; table 三 gets a page break between result rows, maybe a repeated header."""
    rows, nlabel = TABLES[name](report)
    label_widths, sub_widths, min_value = PDF_WIDTHS[name]
    if nlabel == 2:
        label_widths = sub_widths
    chunks = pdf_rows(rows, nlabel, label_widths, min_value, st)
    if name == "requests":
        at = rng.randint(8, len(chunks) - 4)
        repeat = chunks[:3] * (rng.random() < .5)
        chunks = chunks[:at] + [PAGE_BREAK] + repeat + chunks[at:]
    return chunks + [[""]]


def paginate(chunks, footer):
    """Cut chunks into pages, each ending with a centred footer and a form feed."""
    pages = [[]]
    for chunk in chunks:
        full = chunk is not PAGE_BREAK and len(pages[-1]) + len(chunk) > PAGE_LINES
        if (chunk is PAGE_BREAK or full) and pages[-1]:
            pages.append([])
        if chunk is not PAGE_BREAK:
            pages[-1].extend(chunk)
    return "".join("\n".join(page + ["", center(footer.format(page=i, pages=len(pages)))]) + "\n\f"
                   for i, page in enumerate(pages, 1))


def render_pdflayout(report, blocks, st, rng):
    """Layout E (pdftotext -layout): wrapped prose, space-aligned tables, page footers."""
    chunks = []
    for b in blocks:
        if b.kind == "title":
            chunks.append([center(b.text)])
        elif b.kind == "h1":
            chunks.append(["", "  " + b.text])
        elif b.kind == "h2":
            chunks.append(["    " + b.text])
        elif b.kind == "p":
            chunks += [[line] for line in wrap_width("    " + b.text, PAGE_WIDTH - 2)]
        else:
            chunks += pdf_table(report, b.text, st, rng)
    return paginate(chunks, rng.choice(FOOTERS))


RENDERERS = {"docx": render_docx, "tabrows": render_markup, "markdown": render_markup,
             "html": render_html, "pdflayout": render_pdflayout}


def render_once(report, blocks, noise, seed):
    """The report's text with the given blocks; all choices drawn from seed."""
    rng = random.Random(seed)
    pad_rate = rng.choice((0, .2, .5)) if report.layout == "docx" else 0
    st = Styler(rng, noise, max(pad_rate, .35 * ("pad" in noise)))
    text = RENDERERS[report.layout](report, noisy_blocks(blocks, noise, rng), st, rng)
    if "bookmark" in noise:
        text = add_bookmark(text, rng)
    return text.replace("\n", "\r\n") if "crlf" in noise else text


def render(report, noise, seed):
    """The report's text, dropping optional prose from the end until it fits the size limit."""
    blocks = list(report.blocks)
    while True:
        text = render_once(report, blocks, noise, seed)
        optional = [i for i, b in enumerate(blocks) if b.optional]
        if len(text.encode()) <= SIZE_RANGE[1] or not optional:
            return text
        del blocks[optional[-1]]


def make(spec, key):
    """Build and render one report; everything the spec leaves open is drawn from key."""
    report = build_report(spec, random.Random(key))
    return report, render(report, spec.noise, key + ":render")


# -------------------------------------------------------------------- samples

ALL_NOISE = frozenset(NOISES)
# The committed fixtures: (number, variant, spec).
SAMPLES = (
    ("01", "", Spec("docx", year=2023, title="own_line", profile="small")),
    ("02", "", Spec("docx", year=2020, title="inline", profile="tiny", subrows=("inspection", "confirmation", "reward"),
                    yuan=False, blanks=False, unlabeled=False,
                    pins=(("procurement", "amount", Decimal("13390.0654"), "13390.0654"),
                          ("penalty", "change", -263, "减263"),
                          ("licensing", "change", 12, "增12")))),
    ("03", "", Spec("tabrows", year=2023, title="spaced", profile="small", blanks=False)),
    ("04", "", Spec("tabrows", year=2019, title="inline", profile="tiny", subrows=(), yuan=False, blanks=False,
                    pins=(("licensing", "change", -5, "-5"), ("coercion", "change", 3, "+3")))),
    ("05", "", Spec("markdown", year=2022, title="inline", profile="tiny", blanks=False)),
    ("06", "", Spec("markdown", year=2020, title="spaced", profile="small", subrows=("inspection", "confirmation"),
                    yuan=False, blanks=False)),
    ("07", "", Spec("html", year=2024, title="own_line", profile="small", blanks=False,
                    pins=(("fees", "amount", Decimal("0.3200"), "0.3200"),))),
    ("08", "yuan", Spec("html", year=2019, title="inline", profile="small", subrows=(), yuan=True, blanks=False,
                        pins=(("procurement", "amount", Decimal("25.1"), "251000元"),
                              ("fees", "change", 12, "增12")))),
    ("09", "", Spec("pdflayout", year=2021, title="split", profile="small", blanks=False,
                    pins=(("fees", "amount", Decimal("12.5"), "12.5"),))),
    ("10", "", Spec("pdflayout", year=2020, title="own_line", profile="small", subrows=(),
                    yuan=False, blanks=False)),
    ("11", "unlabeled", Spec("docx", year=2020, title="own_line", profile="busy", subrows=(),
                             yuan=False, unlabeled=True)),
    ("12", "blanks", Spec("docx", year=2022, title="none", profile="small", blanks=True)),
    ("13", "blanks", Spec("html", year=2019, title="inline", profile="small", subrows=(),
                          yuan=False, blanks=True)),
    ("14", "noisy", Spec("tabrows", year=2024, title="inline", profile="large", blanks=False,
                         noise=ALL_NOISE, pins=(("penalty", "decisions", 1234, "1234"),))),
    ("15", "noisy", Spec("docx", year=2019, title="split", profile="busy", subrows=(), yuan=False,
                         blanks=False, unlabeled=False, noise=ALL_NOISE - {"crlf"},
                         pins=(("procurement", "amount", Decimal("2046.5"), "2046.5"),
                               ("penalty", "change", -1036, "减1036")))),
)


def sample_cases(seed):
    """The fixture set as (number, variant, spec, key)."""
    for number, variant, spec in SAMPLES:
        yield number, variant, spec, f"sample:{seed}:{number}"


def random_cases(count, seed, layout, template, noise):
    """count drawn reports as (number, variant, spec, key)."""
    rng = random.Random(f"{seed}:layouts")
    digits = max(2, len(str(count)))
    for i in range(1, count + 1):
        chosen = rng.choice(LAYOUTS) if layout == "mixed" else layout
        yield f"{i:0{digits}d}", "", Spec(chosen, template=template, noise=noise), f"{seed}:{i}"


def stem(number, variant, report):
    """File name without extension: NN_<layout>_<template>[_<variant>]."""
    return "_".join(filter(None, (number, report.layout, report.template, variant)))


# ----------------------------------------------------------------------- json

def to_json(obj, indent=None, depth=0):
    """json.dumps for our documents, printing Decimal money as written (0.3200 stays 0.3200)."""
    if isinstance(obj, Decimal):
        return format(obj, "f")
    if not isinstance(obj, (dict, list)) or not obj:
        return json.dumps(obj, ensure_ascii=False)
    inner = "" if indent is None else "\n" + " " * indent * (depth + 1)
    outer = "" if indent is None else "\n" + " " * indent * depth
    if isinstance(obj, dict):
        items = [f"{json.dumps(k, ensure_ascii=False)}: {to_json(v, indent, depth + 1)}"
                 for k, v in obj.items()]
    else:
        items = [to_json(v, indent, depth + 1) for v in obj]
    brackets = "{}" if isinstance(obj, dict) else "[]"
    joiner = ", " if indent is None else "," + inner
    return brackets[0] + inner + joiner.join(items) + outer + brackets[1]


# ------------------------------------------------------------------- selftest

def cell_or_zero(section, row, col):
    """A truth cell for the arithmetic: blanks (null) count as 0 (report-format.md §4.1)."""
    return section[row][col] or 0


def check_requests(req, template):
    """Table 三: template rows, contract columns, R3.1, R3.2 and R3.3."""
    v = cell_or_zero
    errors = [] if list(req) == request_keys(template) else ["requests: rows differ from the template"]
    for row, cols in req.items():
        if tuple(cols) != REQ_COLS:
            errors.append(f"requests.{row}: columns differ from the contract")
        elif sum(v(req, row, c) for c in APPLICANTS) != v(req, row, "total"):
            errors.append(f"R3.2 {row}")
    for col in REQ_COLS:
        if sum(v(req, key, col) for key in leaf_keys(template)) != v(req, "total_processed", col):
            errors.append(f"R3.3 {col}")
        if (v(req, "new_received", col) + v(req, "carried_over", col)
                != v(req, "total_processed", col) + v(req, "carried_forward", col)):
            errors.append(f"R3.1 {col}")
    return errors


def check_review(rev):
    """Table 四: contract columns and R4.1–R4.3."""
    return [f"R4.{i} {row}" for i, row in enumerate(REVIEW_ROWS, 1)
            if tuple(rev[row]) != REVIEW_COLS
            or sum(list(rev[row].values())[:4]) != rev[row]["total"]]


def check_cells(doc):
    """Table 二 shape, signs (only 本年增/减 may be negative) and the warning list."""
    allowed = active_columns(doc["template"])
    errors = [f"active_disclosure.{row}: not a {doc['template']} row with these columns"
              for row, cols in doc["active_disclosure"].items() if tuple(cols) != allowed.get(row)]
    cells = [(f"{section}.{row}.{col}", value)
             for section in ("active_disclosure", "requests", "review_litigation")
             for row, cols in doc[section].items() for col, value in cols.items()]
    errors += [f"{name} negative" for name, value in cells
               if value is not None and value < 0 and not name.endswith(".change")]
    if any(value is None for _, value in cells) != ("cell_blank" in doc["expect_warnings"]):
        errors.append("cell_blank expected exactly when a cell is null")
    return errors + [f"unknown warning {code}" for code in doc["expect_warnings"]
                     if code not in WARNING_CODES]


def check_truth(doc):
    """The rules and contract shapes one truth document breaks."""
    return (check_requests(doc["requests"], doc["template"])
            + check_review(doc["review_litigation"]) + check_cells(doc))


def check_unlabeled(report):
    """An unlabeled row read through the wrong window (its first seven cells) must break R3.2."""
    errors = []
    if not report.unlabeled:
        return errors
    for _, rows in UNLABELED_GROUPS:
        for key, _ in rows:
            window = [0] + [report.requests[key][col].value for col in REQ_COLS[:6]]
            if sum(window[:6]) == window[6]:
                errors.append(f"unlabeled {key}: the wrong window also satisfies R3.2")
    return errors


def selftest(seed):
    """Check every sample and 300 drawn reports in all layouts and noises; 0 when all hold."""
    rng = random.Random(f"{seed}:selftest")
    cases = list(sample_cases(seed)) + [
        (f"drawn{i}", "", Spec(LAYOUTS[i % len(LAYOUTS)],
                               noise=frozenset(n for n in NOISES if rng.random() < .4)), f"{seed}:st{i}")
        for i in range(300)]
    failures = 0
    for number, variant, spec, key in cases:
        report, text = make(spec, key)
        name = stem(number, variant, report)
        errors = check_truth(truth(report)) + check_unlabeled(report)
        size = len(text.encode())
        if not SIZE_RANGE[0] <= size <= SIZE_RANGE[1]:
            errors.append(f"{size} bytes, outside {SIZE_RANGE}")
        for error in errors:
            print(f"{name} ({spec.layout}): {error}", file=sys.stderr)
        failures += bool(errors)
    print(f"selftest: {len(cases)} reports, {failures} with errors")
    return 1 if failures else 0


# ------------------------------------------------------------------------ cli

def parse_noise(text):
    """--noise: a comma list of NOISES, or 'all'."""
    names = set(NOISES) if text == "all" else {n for n in text.split(",") if n}
    unknown = names - set(NOISES)
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown noise {', '.join(sorted(unknown))}")
    return frozenset(names)


def write(cases, out, jsonl):
    """Render every case into out/ (text + truth) and/or one JSON line each in jsonl."""
    if out:
        out.mkdir(parents=True, exist_ok=True)
    lines = []
    for number, variant, spec, key in cases:
        report, text = make(spec, key)
        name, doc = stem(number, variant, report), truth(report)
        if out:
            (out / f"{name}.txt").write_bytes(text.encode())
            (out / f"{name}.truth.json").write_text(to_json(doc, indent=2) + "\n", encoding="utf-8")
        if jsonl:
            lines.append(to_json({"source": name, "body": text, "truth": doc}))
    if jsonl:
        jsonl.write_text("".join(line + "\n" for line in lines), encoding="utf-8")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10, help="reports to draw (default 10)")
    parser.add_argument("--seed", type=int, default=1, help="everything follows from it (default 1)")
    parser.add_argument("--layout", choices=LAYOUTS + ("mixed",), default="mixed")
    parser.add_argument("--template", choices=("2019", "2021"), help="default: drawn with the year")
    parser.add_argument("--noise", type=parse_noise, default=frozenset(),
                        help=f"comma list of {','.join(NOISES)}, or all")
    parser.add_argument("--out", type=Path, help="directory for NAME.txt + NAME.truth.json")
    parser.add_argument("--jsonl", type=Path, help='file of {"source","body","truth"} lines')
    parser.add_argument("--samples", action="store_true",
                        help="write the committed fixture set instead of drawn reports")
    parser.add_argument("--selftest", action="store_true", help="re-check all rules and exit")
    args = parser.parse_args(argv)
    if args.selftest:
        return selftest(args.seed)
    if not (args.out or args.jsonl):
        parser.error("give --out and/or --jsonl")
    cases = (sample_cases(args.seed) if args.samples else
             random_cases(args.count, args.seed, args.layout, args.template, args.noise))
    write(cases, args.out, args.jsonl)
    return 0


if __name__ == "__main__":
    sys.exit(main())
