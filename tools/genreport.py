#!/usr/bin/env python3
"""Generate invented 政府信息公开工作年度报告 with exact truth, for gireport's tests.

A report is first built as data (agency, year, template, the three tables as
written cells, narrative blocks) and then rendered in one of the text layouts
of shared/spec/report-format.md §5.  Its truth holds exactly what a perfect
parser returns (the keys of shared/spec/output.md) plus the warning codes it
must emit.  Noise options change the text only, never a value.  Damage kinds
(--damage) imitate text that did not come from a clean copy: most change the
text only, wildvalues also the truth; the truth then names the damage and the
cells no parser can read (expect_null).

    genreport.py --samples --out data/samples          # the committed fixtures
    genreport.py --count 100 --seed 7 --layout mixed --out /tmp/gen
    genreport.py --count 1000 --jsonl /tmp/bench.jsonl --noise all
    genreport.py --damaged-samples --out data/damaged   # the damaged fixtures (issue 7)
    genreport.py --count 300 --damage any --out /tmp/dmg  # one or two damage kinds each
    genreport.py --selftest
"""

import argparse
import json
import random
import re
import sys
import unicodedata
from dataclasses import dataclass, replace
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
    damage: "Damage" = None


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
    damage: tuple = ()     # kinds of DAMAGES, in that order


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
    damage = report.damage.kinds if report.damage else ()
    agency = to_traditional(report.agency.name) if "traditional" in damage else report.agency.name
    named = report.title_style != "none" or "debris" in damage     # 发布机构：<agency>
    doc = {"agency": agency} if named else {}
    doc.update(year=report.year, template=report.template,
               active_disclosure=values(report.active), requests=values(report.requests),
               review_litigation=values(report.review),
               expect_warnings=list(report.warnings))
    if damage:
        doc.update(damage=list(damage), expect_null=list(report.damage.expect_null))
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


def docx_chunks(rows, nlabel, name, st, rng):
    """Layout A table rows: one TAB-led line per cell, a merged cell's continuation
    as a bare TAB, a blank line after each row."""
    return [["\t" + (docx_cell(cell, st, rng) if r0 == r else "")
             for c, (cell, r0, c0) in enumerate(grid_row) if c == c0] + [""]
            for r, grid_row in enumerate(place(rows))]


def render_docx(report, blocks, st, rng):
    """Layout A (DOCX export): paragraphs as lines; tables one TAB-led cell per line."""
    gap = [""] * (rng.random() < .5)
    indent = rng.choice(("", IDEO_SPACE * 2, IDEO_SPACE + "   "))
    lines = []
    for b in blocks:
        if b.kind == "table":
            lines += [""] + table_lines(report, b.text, st, rng, "docx") + ["", ""]
        else:
            lines += [(indent if b.kind == "p" else "") + b.text] + gap
    return "\n".join(lines) + "\n"


def tab_chunks(rows, nlabel, name, st, rng):
    """Layout B: a row per line, merged cells as empty fields, ragged leading and trailing TABs."""
    def dress(cell):
        return st.value(cell.text) if cell.kind == "value" else st.label(cell.text)
    chunks = []
    for r, grid_row in enumerate(place(rows)):
        line = "\t".join(expanded(grid_row, r, dress))
        if rng.random() < .2:
            line = line.lstrip("\t")
        chunks.append([line + "\t" * (rng.random() < .3)])
    return chunks


def pipe_chunks(rows, nlabel, name, st, rng, dress=None):
    """Layout C: pipe tables, a row's labels joined in one cell; clause headings start a new
    table (a bold line); columns empty in every row of a table are dropped."""
    def styled(cell):
        return st.value(cell.text) if cell.kind == "value" else st.label(cell.text)
    tables = [(None, [])]
    for r, grid_row in enumerate(place(rows)):
        texts = expanded(grid_row, r, dress or styled)
        if grid_row[0][0].kind == "title":
            tables.append((texts[0], []))
        else:
            label = [" ".join(t for t in texts[:nlabel] if t)] if nlabel else []
            tables[-1][1].append(label + texts[nlabel:])
    chunks = []
    for title, body in tables:
        if title is not None:
            chunks.append(["", f"**{title}**", ""] if chunks else [f"**{title}**", ""])
        width = max((i + 1 for row in body for i, text in enumerate(row) if text), default=0)
        for i, row in enumerate(body):
            line = "| " + " | ".join(row[:width]) + " |"
            chunks.append([line, "|" + "---|" * width] if i == 0 else [line])
    return chunks


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
            parts.append("\n".join(table_lines(report, b.text, st, rng, report.layout)))
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


HTML_TABLE = ('<table border="1" cellspacing="0" cellpadding="0" width="100%" '
              'style="border-collapse:collapse;">', "<tbody>")


def html_chunks(rows, nlabel, name, st, rng, content=html_cell):
    """Layout D: a <tr> per line, with rowspan / colspan as the form has them."""
    return [["<tr>" + "".join(f"<td{html_spans(cell)}>{content(cell, st, rng)}</td>"
                              for cell in row) + "</tr>"] for row in rows]


def html_table(report, name, st, rng):
    """A table in a web page: a real <table>, or the damage's table form in <pre> or <p> lines."""
    lines = table_lines(report, name, st, rng, "html")
    form = report.damage and report.damage.form
    if form == "boxdraw":
        return ["<pre>"] + [esc(line) for line in lines] + ["</pre>"]
    if form:
        return [f"<p>{esc(line)}</p>" for line in lines]
    return list(HTML_TABLE) + lines + ["</tbody>", "</table>"]


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
            out += html_table(report, b.text, st, rng)
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


def pdf_chunks(rows, nlabel, name, st, rng):
    """Layout E table rows, with the label column widths of the table."""
    label_widths, sub_widths, min_value = PDF_WIDTHS[name]
    return pdf_rows(rows, nlabel, sub_widths if nlabel == 2 else label_widths, min_value, st)


def pdf_table(report, name, st, rng):
    """A table's chunks; table 三 gets a page break between result rows, maybe a repeated header."""
    chunks = table_chunks(report, name, st, rng, "pdflayout")
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


# --------------------------------------------------------------------- damage

DAMAGES = ("glue", "boxdraw", "grid", "pipecells", "mdhtml",
           "traditional", "typos", "debris", "wildvalues")
# Damages that print the tables in another form, with the layouts each can sit in.
FORMS = {"glue": LAYOUTS, "boxdraw": ("docx", "tabrows", "markdown", "html"),
         "grid": ("tabrows", "markdown"), "pipecells": ("docx", "tabrows", "markdown"),
         "mdhtml": ("markdown",)}
# Warning codes only damaged reports expect (proposals for the parser).
DAMAGE_WARNINGS = ("cells_split", "cells_split_ambiguous", "label_repaired", "row_blank",
                   "cell_negative", "agency_from_metadata", "traditional_script")


@dataclass
class Damage:
    """What was done to a report's text, and what a perfect parser must say about it."""
    kinds: tuple                  # in DAMAGES order
    edits: dict                   # (table, row, cell) → the cell's damaged text (typos)
    heads: frozenset = frozenset()  # tables given converter-made column headers (debris)
    expect_null: tuple = ()       # "section.row.col": cells no parser can read (glue)

    @property
    def form(self):
        """The damage that prints the tables, if any."""
        return next((kind for kind in self.kinds if kind in FORMS), None)

    def edit_rows(self, name, rows, nlabel):
        """A table's rows with the damaged labels, under converter-made headers."""
        rows = [[replace(cell, text=self.edits.get((name, r, i), cell.text))
                 for i, cell in enumerate(row)] for r, row in enumerate(rows)]
        return [converter_head(rows, nlabel)] + rows if name in self.heads else rows


# ---- glue: crawler dumps that lose the separators inside a row

# One cell as the generator writes it: a count, a signed change, money, 3件, 152790元, or a
# placeholder.  It accepts more than any one column does, so a glued row it reads only one
# way cannot be read another way by a parser that knows the columns.
CELL_TOKEN = re.compile(r"[减增+\-－]?(?:0|[1-9]\d*)(?:\.\d+)?[件元]?|[—/\-－]")
PLACEHOLDERS = ("—", "/", "-", "－")


def token_value(text):
    """A cell's text as its number: 减263 → -263, 3件 → 3, 152790元 → 15.279 (万元);
    None for a placeholder."""
    if text in PLACEHOLDERS:
        return None
    value = Decimal(text.lstrip("减增+-－").rstrip("件元"))
    if text[0] in "减-－":
        value = -value
    return value / 10000 if text.endswith("元") else value


def adds_up(values):
    """The last value is the sum of the others (blanks count as 0)."""
    return sum(v or 0 for v in values[:-1]) == (values[-1] or 0)


def glue_readings(texts, block, limit=2):
    """Up to limit ways to cut the glued texts back into len(texts) cells.

    block > 0: every block of that many cells ends with the sum of the
    others (R3.2, R4.x), and a reading must respect it.
    """
    run, n, found = "".join(texts), len(texts), []
    ends = [[j for j in range(i + 1, len(run) + 1) if CELL_TOKEN.fullmatch(run, i, j)]
            for i in range(len(run))]

    def walk(pos, values):
        k = len(values)
        if block and k and k % block == 0 and not adds_up(values[-block:]):
            return
        if k == n:
            if pos == len(run):
                found.append(tuple(values))
            return
        for end in ends[pos] if pos < len(run) else ():
            if len(run) - end < n - k - 1 or len(found) >= limit:
                return
            walk(end, values + [token_value(run[pos:end])])

    walk(0, [])
    return found


def glued_rows(report):
    """Rows glue prints as one run: (cell paths, written texts, truth values, block size)."""
    tables = ((report.active, "active_disclosure", 0), (report.requests, "requests", len(REQ_COLS)))
    for table, section, block in tables:
        for key, cols in table.items():
            yield ([f"{section}.{key}.{col}" for col in cols], [c.text for c in cols.values()],
                   tuple(c.value for c in cols.values()), block)
    cells = [(f"review_litigation.{row}.{col}", report.review[row][col]) for row in REVIEW_ROWS
             for col in REVIEW_COLS]
    yield ([path for path, _ in cells], [c.text for _, c in cells],
           tuple(c.value for _, c in cells), len(REVIEW_COLS))


def plan_glue(report):
    """The cells a perfect parser must leave null (rows with several readings) and its warnings.

    A row of one cell needs no cut; a row with an empty cell keeps its TABs.  Table 四's
    stray space (glue_chunks) stands between two cells, so it only ever helps a reader.
    """
    unreadable, codes = [], set()
    for paths, texts, truth_values, block in glued_rows(report):
        if len(texts) < 2 or "" in texts:
            continue
        readings = glue_readings(texts, block)
        if readings == [truth_values]:
            codes.add("cells_split")
        else:
            unreadable += paths
            codes.add("cells_split_ambiguous")
    return tuple(unreadable), [code for code in DAMAGE_WARNINGS if code in codes]


def own_cells(grid_row, r):
    """The cells that start in grid row r."""
    return [cell for c, (cell, r0, c0) in enumerate(grid_row) if (r0, c0) == (r, c)]


def glue_chunks(rows, nlabel, name, st, rng):
    """glue: a row as one run, labels and values with no separator (a row with an empty cell
    keeps its TABs); table 四's fifteen values sometimes with a stray space between two."""
    chunks = []
    for r, grid_row in enumerate(place(rows)):
        cells = own_cells(grid_row, r)
        values = [cell.text for cell in cells if cell.kind == "value"]
        if "" in values:
            chunks.append(["\t".join(cell.text for cell in cells)])
            continue
        if name == "review" and len(values) > 1 and rng.random() < .5:
            i = rng.randrange(1, len(values))
            values[i] = " " + values[i]
        chunks.append(["".join(cell.text for cell in cells if cell.kind != "value")
                       + "".join(values)])
    return chunks


# ---- boxdraw and grid: tables drawn with frame lines (w3m -dump, pandoc grid tables)

# Display columns of the label columns (one label column, two), and the narrowest value column.
FRAME_WIDTHS = {"active": ((16,), (8, 8), 8), "requests": ((6, 8, 16), None, 2),
                "review": ((), None, 2)}
# w3m's junctions by the lines that meet there: (up, down, left, right).
BOX = {(0, 0, 0, 0): " ", (0, 0, 0, 1): "─", (0, 0, 1, 0): "─", (0, 0, 1, 1): "─",
       (0, 1, 0, 0): "│", (1, 0, 0, 0): "│", (1, 1, 0, 0): "│",
       (0, 1, 0, 1): "┌", (0, 1, 1, 0): "┐", (1, 0, 0, 1): "└", (1, 0, 1, 0): "┘",
       (1, 1, 0, 1): "├", (1, 1, 1, 0): "┤", (0, 1, 1, 1): "┬", (1, 0, 1, 1): "┴",
       (1, 1, 1, 1): "┼"}


@dataclass(frozen=True)
class Frame:
    """How frame lines are drawn."""
    pad: int               # spaces either side of a cell's text
    bar: str               # vertical line
    rule: str              # horizontal line
    head_rule: str         # horizontal line under the header rows
    ascii: bool            # "+" at every junction (pandoc) or box-drawing characters (w3m)

    def junction(self, up, down, left, right, rule):
        """The character where lines meet."""
        if not self.ascii:
            return BOX[up, down, left, right]
        if (up or down) and (left or right):
            return "+"
        return self.bar if up or down else rule if left or right else " "


W3M = Frame(0, "│", "─", "─", False)
PANDOC = Frame(1, "|", "-", "=", True)


def frame_widths(rows, nlabel, name):
    """Display columns of every grid column of a table."""
    labels, sub_labels, least = FRAME_WIDTHS[name]
    grid = place(rows)
    return list(sub_labels if nlabel == 2 else labels) + [
        value_width(grid, c, least) for c in range(nlabel, len(grid[0]))]


def row_heights(grid, texts):
    """Lines per grid row: enough for its cells, a merged cell's lines spread over its rows."""
    heights = [1] * len(grid)
    spans = sorted((r, c) for r, c in texts if grid[r][c][0].rs > 1)
    for (r, c), lines in texts.items():
        if grid[r][c][0].rs == 1:
            heights[r] = max(heights[r], len(lines))
    for r, c in spans:
        rs = grid[r][c][0].rs
        heights[r + rs - 1] += max(0, len(texts[r, c]) - sum(heights[r:r + rs]))
    return heights


def framed(rows, widths, frame, head_rows=0):
    """A table drawn with frame lines around every cell, labels wrapped inside their cells:
    one chunk per row (its lines and the rule below it; the first also the top rule)."""
    grid = place(rows)
    nrows, ncols = len(grid), len(grid[0])

    def inner(c, cs):
        return sum(widths[c:c + cs]) + 2 * frame.pad * (cs - 1) + cs - 1

    texts = {(r, c): wrap_width(cell.text, inner(c, cell.cs))
             for r, grid_row in enumerate(grid) for c, (cell, r0, c0) in enumerate(grid_row)
             if (r0, c0) == (r, c)}
    heights = row_heights(grid, texts)

    def owner(r, c):
        return grid[r][c][1:] if 0 <= r < nrows else None

    def rule(a, rule_char):
        b = a + 1
        cuts = [owner(a, c) != owner(b, c) for c in range(ncols)]
        line = ""
        for j in range(ncols + 1):
            up = 0 <= a and (j in (0, ncols) or owner(a, j - 1) != owner(a, j))
            down = b < nrows and (j in (0, ncols) or owner(b, j - 1) != owner(b, j))
            left, right = j > 0 and cuts[j - 1], j < ncols and cuts[j]
            line += frame.junction(up, down, left, right, rule_char)
            if j < ncols:
                line += (rule_char if cuts[j] else " ") * (widths[j] + 2 * frame.pad)
        return line

    def content(r, k):
        line, c = frame.bar, 0
        while c < ncols:
            cell, r0, c0 = grid[r][c]
            lines, i = texts[r0, c0], sum(heights[r0:r]) + k
            text = lines[i] if i < len(lines) else ""
            gap = inner(c0, cell.cs) - text_width(text) + frame.pad
            line += " " * frame.pad + text + " " * gap + frame.bar
            c += cell.cs
        return line

    return [([rule(-1, frame.rule)] if r == 0 else [])
            + [content(r, k) for k in range(heights[r])]
            + [rule(r, frame.head_rule if r == head_rows - 1 else frame.rule)]
            for r in range(nrows)]


def head_count(rows):
    """How many rows at the top hold only column headers."""
    return next((i for i, row in enumerate(rows) if any(c.kind != "head" for c in row)), len(rows))


def box_chunks(rows, nlabel, name, st, rng):
    """boxdraw: the table as w3m -dump prints it, clause headings as full-width cells."""
    return framed(rows, frame_widths(rows, nlabel, name), W3M)


def grid_chunks(rows, nlabel, name, st, rng):
    """grid: pandoc grid tables, "+===+" under the header rows; table 二 one table per clause."""
    widths, chunks, block = frame_widths(rows, nlabel, name), [], []
    for row in rows + [None]:
        if row is not None and row[0].kind != "title":
            block.append(row)
            continue
        if block:
            chunks += framed(block, widths, PANDOC, head_count(block))
        if row is not None:
            chunks.append(["", f"**{row[0].text}**", ""] if chunks else [f"**{row[0].text}**", ""])
        block = []
    return chunks


# ---- pipecells: one cell per line, with the pipes of a broken table conversion

def pipe_runs(texts):
    """Each cell's text on its line followed by a line of pipes; an empty cell adds its pipe
    to the run (|| or |||)."""
    lines, run = [], 0
    for text in texts:
        if text:
            if run:
                lines.append("|" * run)
            lines.append(text)
            run = 0
        run += 1
    return lines + ["|" * run]


def pipecell_chunks(rows, nlabel, name, st, rng):
    """pipecells: one cell per line, each ending with " |" (an empty cell as a bare "|"),
    or followed by a line of pipes."""
    suffixed = rng.random() < .5
    chunks = []
    for r, grid_row in enumerate(place(rows)):
        texts = expanded(grid_row, r, lambda cell: cell.text)
        chunks.append([f"{text} |" if text else "|" for text in texts] if suffixed
                      else pipe_runs(texts))
    return chunks


# ---- mdhtml: markdown with the inline HTML of web editors

SPAN_STYLES = ("font-size:14px", "font-family:仿宋", "font-size:12pt")
RAW_HTML_TABLE = "requests"    # the converter keeps the table with row-spanning labels as HTML


def span(cell, style):
    """A cell's text in an inline <span>: a long label broken by <br>, a blank as &nbsp;."""
    text = cell.text
    if cell.kind == "label" and len(text) > 12:
        inner = esc(text[:8]) + "<br>" + esc(text[8:])
    else:
        inner = esc(text) or "&nbsp;"
    return f'<span style="{style}">{inner}</span>'


def mdhtml_chunks(rows, nlabel, name, st, rng):
    """mdhtml: pipe tables whose cells hold <span>s, table 三 as a raw HTML <table>."""
    if name == RAW_HTML_TABLE:
        body = html_chunks(rows, nlabel, name, st, rng)
        return [list(HTML_TABLE)] + body + [["</tbody>", "</table>"]]
    style = rng.choice(SPAN_STYLES)
    return pipe_chunks(rows, nlabel, name, st, rng, dress=lambda cell: span(cell, style))


# ---- traditional: pages from mirror sites in traditional characters

# Vocabulary a converter swaps as words, before the characters.
TRADITIONAL_WORDS = (("信息", "資訊"), ("文件", "檔案"), ("重复", "重複"), ("关系", "關係"),
                     ("制作", "製作"))
# Simplified → traditional, in pairs: every character of the template's labels and section
# titles that differs, then common ones of the narrative.
TRADITIONAL_PAIRS = (
    "万萬业業为為举舉于於会會体體关關内內决決况況减減办辦务務动動励勵区區单單发發后後"
    "国國处處复復奖獎审審对對属屬废廢开開强強当當总總执執护護报報据據数數无無机機权權"
    "条條构構检檢没沒现現确確稳穩类類纠糾纳納组組织織经經结結给給继繼续續维維缴繳罚罰"
    "范範获獲补補规規计計认認议議许許讼訟访訪诉訴询詢请請购購费費转轉过過这這进進问問"
    "项項题題额額采採"
    "们們实實时時门門网網设設见見传傳达達严嚴证證专專导導领領责責综綜训訓练練济濟财財"
    "预預员員线線热熱电電话話众眾响響应應级級县縣镇鎮乡鄉厅廳园園营營桥橋云雲栖棲岭嶺"
    "东東间間长長书書记記习習觉覺贯貫彻徹标標准準态態样樣环環场場监監资資划劃输輸运運"
    "卫衛农農视視频頻图圖读讀释釋广廣闻聞页頁录錄档檔备備终終统統满滿义義变變与與两兩"
    "个個还還从從优優质質险險价價较較围圍绩績评評调調汇匯压壓层層坚堅创創历歷闭閉职職"
    "归歸纸紙畅暢丰豐鹭鷺阅閱纪紀扬揚紧緊亲親协協负負担擔称稱论論细細节節观觀点點极極"
    "积積际際够夠诚誠语語说說写寫误誤岚嵐芦蘆术術识識将將头頭")
# Characters of the labels and titles that traditional writing shares.
TRADITIONAL_SAME = (
    "一七三上下不中主之九予事二五人仍他付以件企位作供保信元全八公六其具再出分列到制加勾"
    "十危卷及反取另只可合告和商四因在增外大存安定家容密尚工已年府度形律性息情成或投持按"
    "掌接提握收改政效文新方明有服期未本果查案止正求法然版物理用由申的益目直相知研社禁科"
    "秘程稽章第等管系自行被裁要起通逾部重量金集需")
TRADITIONAL = str.maketrans(dict(zip(TRADITIONAL_PAIRS[::2], TRADITIONAL_PAIRS[1::2])))


def to_traditional(text):
    """text as a mirror site prints it: 政府信息公开 → 政府資訊公開, 规范性文件 → 規範性檔案."""
    for simplified, traditional in TRADITIONAL_WORDS:
        text = text.replace(simplified, traditional)
    return text.translate(TRADITIONAL)


def template_texts():
    """Every label, header and section title of both templates (report-format.md §1, §2)."""
    texts = list(SECTION_TITLES) + ["四、因政府信息公开工作被申请行政复议、提起行政诉讼情况",
                                    "五、政府信息公开工作存在的主要问题及改进情况"]
    texts += [REQ_NOTE, RESULT_HEAD, CLOSING_ROW[1], "申请人情况", "自然人", "法人或其他组织",
              "总计", "信息内容", "行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉",
              "采购总金额（万元）", "政府信息公开工作年度报告"]
    texts += list(ORG_LABELS) + list(REVIEW_LABELS) + [label for _, label in OTHER_SERVICE_KINDS]
    for template in ("2019", "2021"):
        for group, items in result_blocks(template):
            texts += [group or ""] + [label for _, label in items]
        for heading, headers, lines in ACTIVE[template]:
            texts += [heading, *headers] + [label for _, label, _ in lines]
    return texts + [label for _, label in OPENING_ROWS]


# ---- typos: labels damaged by hand or by OCR

NUMBERING = re.compile(r"（[一二三四五六七]）|\([一二三四五六七]\) ?|\d\. ?|[一二三四]、")
# Same-sound characters an input method picks by mistake.
HOMOPHONES = {"性": "型", "予": "于", "理": "里", "务": "物", "请": "清", "制": "治",
              "密": "蜜", "议": "义", "审": "申", "取": "去", "确": "却"}
# Column headers as converters and typists leave them.
HEADER_TYPOS = {"行政复议": "行政法复议", "现行有效件数": "现行有效件", "本年新制作数量": "本年新制作",
                "尚未审结": "尚未审", "社会公益组织": "社会公益组", "本年处理决定数量": "本年处理决定数"}
CLAUSE = re.compile(r"(第二十条第)（[一二三四五六七八九]）项")


def split_numbering(text):
    """A label as (its numbering, the rest): （三）不予公开 → （三）, 不予公开."""
    m = NUMBERING.match(text)
    return (m.group(), text[m.end():]) if m else ("", text)


def typo_drop(text, rng):
    """One to three characters dropped from the middle: 2.其他法律行政止公开."""
    numbering, core = split_numbering(text)
    if len(core) < 6:
        return None
    i = rng.randrange(2, len(core) - 3)
    return numbering + core[:i] + core[i + rng.randint(1, min(3, len(core) - i - 2)):]


def typo_homophone(text, rng):
    """A same-sound character in place of the right one: 行政事业型收费."""
    numbering, core = split_numbering(text)
    spots = [i for i, ch in enumerate(core) if ch in HOMOPHONES]
    if not spots:
        return None
    i = rng.choice(spots)
    return numbering + core[:i] + HOMOPHONES[core[i]] + core[i + 1:]


def typo_truncate(text, rng):
    """The end of a long label cut off: 1.本机关不掌握相关."""
    numbering, core = split_numbering(text)
    if len(core) < 8:
        return None
    return numbering + core[:rng.randint(-(-len(core) * 3 // 5), len(core) - 2)]


def typo_numbering(text, rng):
    """1、 instead of 1."""
    return re.sub(r"^(\d)\.", r"\1、", text) if re.match(r"\d\.", text) else None


def typo_old_label(text, rng):
    """The T2019 label 规范性文件 in a T2021 table."""
    return "规范性文件" if text == "行政规范性文件" else None


# Typos of a row's own label: (function, the warning a perfect parser gives).
LABEL_TYPOS = ((typo_drop, "label_repaired"), (typo_homophone, "label_repaired"),
               (typo_truncate, "label_repaired"), (typo_numbering, None),
               (typo_old_label, "label_repaired"))


def label_cells(report):
    """Cells of the three tables as (table, row, cell index, cell, is the row's own label)."""
    out = []
    for name, build in TABLES.items():
        for r, row in enumerate(build(report)[0]):
            labels = [i for i, cell in enumerate(row) if cell.kind == "label"]
            has_values = any(cell.kind == "value" for cell in row)
            out += [(name, r, i, cell, has_values and bool(labels) and i == labels[-1])
                    for i, cell in enumerate(row)]
    return out


def lost_label_rows(report, cells):
    """Table-三 items whose label may be lost (row_inferred): not the first of their group,
    not blank, so their position is certain."""
    rows = TABLES["requests"](report)[0]
    return [(name, r, i) for name, r, i, cell, own in cells
            if name == "requests" and own and re.match(r"\d", cell.text)
            and sum(c.kind == "label" for c in rows[r]) == 1
            and any(c.text for c in rows[r] if c.kind == "value")]


def plan_typos(report, rng):
    """Label edits ((table, row, cell) → text) and the warnings a perfect parser gives for them."""
    cells = label_cells(report)
    edits, codes = {}, set()
    lost = lost_label_rows(report, cells)
    if lost and rng.random() < .6:
        name, r, i = rng.choice(lost)
        edits[name, r, i] = ""
        codes.add("row_inferred")
    taken = {(name, r + d) for name, r, _ in edits for d in (-1, 0, 1)}
    own = [(name, r, i, cell.text) for name, r, i, cell, is_own in cells
           if is_own and (name, r) not in taken]
    for typo, code in rng.sample(LABEL_TYPOS, rng.randint(2, len(LABEL_TYPOS))):
        for name, r, i, text in rng.sample(own, len(own)):
            damaged = (name, r, i) not in edits and typo(text, rng)
            if damaged:
                edits[name, r, i] = damaged
                codes.update([code] if code else [])
                break
    for name, r, i, cell, _ in cells:
        if cell.kind == "head" and cell.text in HEADER_TYPOS and rng.random() < .3:
            edits[name, r, i] = HEADER_TYPOS[cell.text]
        elif cell.kind == "title" and rng.random() < .3:
            edits[name, r, i] = CLAUSE.sub(r"\1", cell.text)
    return edits, [code for code in ("label_repaired", "row_inferred") if code in codes]


# ---- debris: web pages and converters leave text that is no part of the report

BREADCRUMBS = ("首页 > 政务公开 > 政府信息公开年报", "当前位置：首页 >> 信息公开 >> 政府信息公开年度报告",
               "您现在的位置：首页 > 政府信息公开 > 法定主动公开内容 > 年度报告")
PAGE_TOOLS = ("【字体：大 中 小】 【打印本页】 【关闭窗口】", "字号：大 | 中 | 小    打印", "分享到：")


def meta_lines(report, rng):
    """Navigation and the metadata block a government site prints above a report."""
    year = report.year + 1
    return (rng.choice(BREADCRUMBS),
            f"索引号：{rng.randint(10 ** 8, 10 ** 9 - 1)}/{year}-{rng.randint(1, 99999):05d}",
            f"发布机构：{report.agency.name}",
            f"发文日期：{year}-01-{rng.randint(10, 31):02d}",
            "分类：" + rng.choice(("政府信息公开年报", "年度报告", "政务公开")),
            rng.choice(PAGE_TOOLS))


def converter_head(rows, nlabel):
    """Column headers a converter makes up: 项目 | 数据1 | 数据2 …"""
    ncols = len(place(rows)[0])
    return ([GCell("项目", "head", cs=nlabel)] if nlabel else []) + [
        GCell(f"数据{i}", "head") for i in range(1, ncols - nlabel + 1)]


# Rows of each table's header (table 二: its first clause heading and column headers).
HEAD_ROWS = {"active": 2, "requests": 3, "review": 3}


def table_debris(chunks, name, damage, loose, rng):
    """Page numbers between rows; in table 三 also its header repeated after a page break
    and one header row repeated in the middle."""
    heads = HEAD_ROWS[name] + (name in damage.heads)
    inserts = []

    def somewhere(new):
        inserts.append((rng.randrange(heads, len(chunks)), new))

    def footer():
        page = rng.randint(2, 5)
        return loose(rng.choice(FOOTERS).format(page=page, pages=page + rng.randint(0, 3)))

    if name != "requests":
        if rng.random() < .4:
            somewhere([footer()])
    else:
        if rng.random() < .5:
            somewhere([footer()] + chunks[:heads])
        if rng.random() < .5:
            somewhere([chunks[heads - 2]])
        if not inserts or rng.random() < .5:
            somewhere([footer()])
    for at, new in sorted(inserts, key=lambda insert: -insert[0]):
        chunks[at:at] = new
    return chunks


# ---- wildvalues: values as people type them

def zero_cells(tables):
    """(table, row, column) of the zero cells of the given tables."""
    return [(table, row, col) for table in tables for row, cols in table.items()
            for col, cell in cols.items() if cell.value == 0]


def wild_units(report, rng):
    """Counts with their unit inside the cell: 3件."""
    cells = [(row, col) for row, cols in report.requests.items() for col, cell in cols.items()
             if cell.value]
    for row, col in rng.sample(cells, min(3, len(cells))):
        value = report.requests[row][col].value
        report.requests[row][col] = Written(value, f"{value}件")
    return None


def wild_yuan(report, rng):
    """A money cell written in 元 under a 万元 header: 152790元 is 15.279."""
    if report.template == "2021":
        row = "fees"
    elif "万元" in report.procurement_header:
        row = "procurement"
    else:
        return None
    yuan = rng.randrange(10_000, 3_000_000, 10)
    report.active[row]["amount"] = Written(Decimal(yuan) / 10000, f"{yuan}元")
    return "unit_converted"


def wild_negative(report, rng):
    """A negative count in table 二, kept as written."""
    cells = [(row, col) for row, cols in report.active.items() for col in cols
             if col not in ("change", "amount")]
    row, col = rng.choice(cells)
    value = report.active[row][col].value or rng.randint(1, 9)
    report.active[row][col] = Written(-value, rng.choice(("-", "－")) + str(value))
    return "cell_negative"


def wild_blank_row(report, rng):
    """A table-三 item left blank from end to end (truth: the row, every cell null)."""
    rows = [key for key in leaf_keys(report.template) if "." in key
            and all(cell.value == 0 for cell in report.requests[key].values())]
    if not rows:
        return None
    key = rng.choice(rows)
    report.requests[key] = {col: Written(None, "") for col in REQ_COLS}
    return "row_blank"


def wild_placeholders(report, rng):
    """Zero cells of tables 三 and 四 written as - or /."""
    cells = zero_cells((report.requests, report.review))
    for table, row, col in rng.sample(cells, min(rng.randint(2, 4), len(cells))):
        table[row][col] = Written(None, rng.choice("-/"))
    return "cell_blank" if cells else None


WILD = (wild_units, wild_yuan, wild_negative, wild_blank_row, wild_placeholders)


def plan_wild(report, rng):
    """Rewrite some cells as people type them (the truth follows); the warnings they call for."""
    chosen = [wild for wild in WILD if rng.random() < .7]
    if len(chosen) < 2:
        chosen = rng.sample(WILD, 2)
    codes = {wild(report, rng) for wild in chosen}
    return [code for code in WARNING_CODES + DAMAGE_WARNINGS if code in codes]


# ---- putting it together

def apply_damage(report, kinds, rng):
    """Damage a built report: rewrite cells (wildvalues), plan label typos, debris and what
    glue makes unreadable; the warnings a perfect parser gives join the report's."""
    codes = list(report.warnings)
    if "wildvalues" in kinds:
        codes += plan_wild(report, rng)
    edits = {}
    if "typos" in kinds:
        edits, more = plan_typos(report, rng)
        codes += more
    heads = frozenset()
    if "debris" in kinds:
        report.blocks = tuple(Block("p", line) for line in meta_lines(report, rng)) + report.blocks
        if report.title_style == "none":
            codes.append("agency_from_metadata")
        heads = frozenset(name for name in TABLES if rng.random() < .4) or frozenset(
            [rng.choice(list(TABLES))])
    unreadable = ()
    if "glue" in kinds:
        unreadable, more = plan_glue(report)
        codes += more
    if "traditional" in kinds:
        codes.append("traditional_script")
    report.damage = Damage(kinds, edits, heads, unreadable)
    report.warnings = tuple(dict.fromkeys(codes))


def draw_damage(rng, layout):
    """One or two damage kinds that fit the layout, at most one of them a table form."""
    fitting = [kind for kind in DAMAGES if layout in FORMS.get(kind, LAYOUTS)]
    kinds = rng.sample(fitting, rng.choice((1, 2)))
    if all(kind in FORMS for kind in kinds) and len(kinds) == 2:
        kinds[1] = rng.choice([kind for kind in fitting if kind not in FORMS])
    return tuple(kind for kind in DAMAGES if kind in kinds)


# ------------------------------------------------------------ table printing

def table_rows(report, name):
    """A table's rows as the report prints them: the template's, then the damage's edits."""
    rows, nlabel = TABLES[name](report)
    if report.damage:
        rows = report.damage.edit_rows(name, rows, nlabel)
    return rows, nlabel


def table_chunks(report, name, st, rng, base):
    """A table as chunks, one list of lines per row, printed by the layout's printer (base)
    or by the damage's table form, with debris between rows."""
    rows, nlabel = table_rows(report, name)
    form = report.damage and report.damage.form
    print_rows, loose = PRINTERS[form or base]
    chunks = print_rows(rows, nlabel, name, st, rng)
    if report.damage and "debris" in report.damage.kinds and loose:
        chunks = table_debris(chunks, name, report.damage, loose, rng)
    return chunks


def table_lines(report, name, st, rng, base):
    """A table's lines (see table_chunks)."""
    return [line for chunk in table_chunks(report, name, st, rng, base) for line in chunk]


# A table printer: (chunks of a table's rows, how it prints a loose line such as a page
# number between rows; None when a line cannot stand between its rows).
PRINTERS = {
    "docx": (docx_chunks, lambda text: ["", text, ""]),
    "tabrows": (tab_chunks, lambda text: [text]),
    "markdown": (pipe_chunks, lambda text: ["", text, ""]),
    "html": (html_chunks, None),
    "pdflayout": (pdf_chunks, lambda text: PAGE_BREAK),
    "glue": (glue_chunks, lambda text: [text]),
    "boxdraw": (box_chunks, None),
    "grid": (grid_chunks, None),
    "pipecells": (pipecell_chunks, lambda text: [text]),
    "mdhtml": (mdhtml_chunks, None),
}

RENDERERS = {"docx": render_docx, "tabrows": render_markup, "markdown": render_markup,
             "html": render_html, "pdflayout": render_pdflayout}


def render_once(report, blocks, noise, seed):
    """The report's text with the given blocks; all choices drawn from seed."""
    rng = random.Random(seed)
    pad_rate = rng.choice((0, .2, .5)) if report.layout == "docx" else 0
    st = Styler(rng, noise, max(pad_rate, .35 * ("pad" in noise)))
    text = RENDERERS[report.layout](report, noisy_blocks(blocks, noise, rng), st, rng)
    if report.damage and "traditional" in report.damage.kinds:
        text = to_traditional(text)
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
    """Build, damage and render one report; everything the spec leaves open is drawn from key."""
    report = build_report(spec, random.Random(key))
    if spec.damage:
        apply_damage(report, spec.damage, random.Random(key + ":damage"))
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



def damaged(layout, damage, **fixed):
    """A spec for a damaged fixture (no unlabeled rows: their stray cell is damage of its own)."""
    return Spec(layout, damage=damage, unlabeled=False, **fixed)


# The committed damaged fixtures (data/damaged): every kind at least once, both templates.
DAMAGED_SAMPLES = (
    ("01", "", damaged("docx", ("glue",), year=2023, title="own_line", profile="small")),
    ("02", "", damaged("tabrows", ("glue",), year=2020, title="inline", profile="tiny", subrows=(),
                       yuan=False, pins=(("penalty", "change", -263, "减263"),))),
    ("03", "", damaged("markdown", ("boxdraw",), year=2022, title="inline", profile="none",
                       blanks=False)),
    ("04", "", damaged("docx", ("boxdraw",), year=2019, title="inline", profile="none", subrows=(),
                       yuan=False, blanks=False)),
    ("05", "", damaged("markdown", ("grid",), year=2020, title="spaced", profile="tiny",
                       subrows=("inspection", "confirmation"), yuan=False)),
    ("06", "", damaged("docx", ("pipecells",), year=2024, title="own_line", profile="small")),
    ("07", "", damaged("markdown", ("mdhtml",), year=2021, title="inline", profile="none",
                       blanks=False)),
    ("08", "", damaged("html", ("traditional",), year=2020, title="own_line", profile="small",
                       subrows=(), yuan=False)),
    ("09", "", damaged("tabrows", ("typos",), year=2023, title="inline", profile="small")),
    ("10", "", damaged("docx", ("typos",), year=2019, title="split", profile="busy", subrows=(),
                       yuan=False)),
    ("11", "", damaged("pdflayout", ("debris",), year=2022, title="none", profile="small")),
    ("12", "", damaged("markdown", ("debris",), year=2020, title="inline", profile="small",
                       subrows=(), yuan=False)),
    ("13", "", damaged("tabrows", ("wildvalues",), year=2024, title="inline", profile="small")),
    ("14", "", damaged("docx", ("wildvalues",), year=2020, title="own_line", profile="busy",
                       subrows=(), yuan=False)),
    ("15", "", damaged("markdown", ("glue", "traditional"), year=2022, title="inline",
                       profile="small")),
)


def sample_cases(seed):
    """The fixture set as (number, variant, spec, key)."""
    for number, variant, spec in SAMPLES:
        yield number, variant, spec, f"sample:{seed}:{number}"


def damaged_sample_cases(seed):
    """The damaged fixture set as (number, variant, spec, key)."""
    for number, variant, spec in DAMAGED_SAMPLES:
        yield number, variant, spec, f"damaged:{seed}:{number}"


def random_cases(count, seed, layout, template, noise, damage=()):
    """count drawn reports as (number, variant, spec, key).

    damage: kinds every report gets, or ("any",) for one or two drawn per report.
    """
    rng = random.Random(f"{seed}:layouts")
    digits = max(2, len(str(count)))
    layouts = [name for name in LAYOUTS if all(name in FORMS.get(kind, LAYOUTS) for kind in damage)]
    for i in range(1, count + 1):
        chosen = rng.choice(layouts) if layout == "mixed" else layout
        kinds = draw_damage(rng, chosen) if damage == ("any",) else damage
        spec = Spec(chosen, template=template, noise=noise, damage=kinds,
                    unlabeled=False if kinds else None)
        yield f"{i:0{digits}d}", "", spec, f"{seed}:{i}"


def stem(number, variant, report):
    """File name without extension: NN_<layout>_<template>[_<variant>][_<damage-kinds>]."""
    kinds = "-".join(report.damage.kinds) if report.damage else ""
    return "_".join(filter(None, (number, report.layout, report.template, variant, kinds)))


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
            or sum(v or 0 for v in list(rev[row].values())[:4]) != (rev[row]["total"] or 0)]


def check_cells(doc):
    """Table 二 shape, signs (only 本年增/减 and a damaged count may be negative), nulls and
    the warning list."""
    allowed = active_columns(doc["template"])
    errors = [f"active_disclosure.{row}: not a {doc['template']} row with these columns"
              for row, cols in doc["active_disclosure"].items() if tuple(cols) != allowed.get(row)]
    cells = [(f"{section}.{row}.{col}", value)
             for section in ("active_disclosure", "requests", "review_litigation")
             for row, cols in doc[section].items() for col, value in cols.items()]
    expected = doc["expect_warnings"]
    errors += [f"{name} negative" for name, value in cells if value is not None and value < 0
               and not name.endswith(".change") and "cell_negative" not in expected]
    blanks_expected = bool({"cell_blank", "row_blank"} & set(expected))
    if any(value is None for _, value in cells) != blanks_expected:
        errors.append("cell_blank or row_blank expected exactly when a cell is null")
    return errors + [f"unknown warning {code}" for code in expected
                     if code not in WARNING_CODES + DAMAGE_WARNINGS]


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


def check_glue(report):
    """No glued row may read, uniquely, as other numbers than the truth (no parser escapes that)."""
    if not report.damage or "glue" not in report.damage.kinds:
        return []
    return [f"glue {paths[0].rsplit('.', 1)[0]} reads uniquely as {readings[0]}"
            for paths, texts, truth_values, block in glued_rows(report)
            if len(texts) > 1 and "" not in texts
            for readings in [glue_readings(texts, block)]
            if len(readings) == 1 and readings[0] != truth_values]


def check_traditional():
    """Characters of the template's labels and titles the traditional map does not cover."""
    covered = set(TRADITIONAL_PAIRS[::2]) | set(TRADITIONAL_SAME)
    missing = sorted({ch for text in template_texts() for ch in text
                      if "\u4e00" <= ch <= "\u9fff"} - covered)
    return [f"traditional map misses {''.join(missing)}"] if missing else []


def selftest(seed):
    """Check every sample, 300 drawn reports in all layouts and noises and 300 damaged ones;
    0 when all hold.  Damaged reports drawn at random may exceed the size range."""
    rng = random.Random(f"{seed}:selftest")
    cases = list(sample_cases(seed)) + list(damaged_sample_cases(seed)) + [
        (f"drawn{i}", "", Spec(LAYOUTS[i % len(LAYOUTS)],
                               noise=frozenset(n for n in NOISES if rng.random() < .4)), f"{seed}:st{i}")
        for i in range(300)] + [
        (f"damaged{number}", variant, spec, key)
        for number, variant, spec, key in random_cases(300, f"{seed}:st", "mixed", None,
                                                       frozenset(), ("any",))]
    errors = check_traditional()
    for error in errors:
        print(error, file=sys.stderr)
    failures = bool(errors)
    for number, variant, spec, key in cases:
        report, text = make(spec, key)
        name = stem(number, variant, report)
        errors = check_truth(truth(report)) + check_unlabeled(report) + check_glue(report)
        size = len(text.encode())
        if not SIZE_RANGE[0] <= size <= SIZE_RANGE[1] and not number.startswith("damaged"):
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


def parse_damage(text):
    """--damage: a comma list of DAMAGES with at most one table form, or 'any'."""
    kinds = tuple(kind for kind in text.split(",") if kind)
    if kinds == ("any",):
        return kinds
    unknown = set(kinds) - set(DAMAGES)
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown damage {', '.join(sorted(unknown))}")
    if sum(kind in FORMS for kind in kinds) > 1:
        raise argparse.ArgumentTypeError(f"at most one of {', '.join(FORMS)}")
    return tuple(kind for kind in DAMAGES if kind in kinds)


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
    parser.add_argument("--damage", type=parse_damage, default=(),
                        help=f"comma list of {','.join(DAMAGES)} (one table form at most), "
                             "or any: one or two drawn per report")
    parser.add_argument("--samples", action="store_true",
                        help="write the committed fixture set instead of drawn reports")
    parser.add_argument("--damaged-samples", action="store_true",
                        help="write the committed damaged fixture set instead of drawn reports")
    parser.add_argument("--selftest", action="store_true", help="re-check all rules and exit")
    args = parser.parse_args(argv)
    if args.selftest:
        return selftest(args.seed)
    if not (args.out or args.jsonl):
        parser.error("give --out and/or --jsonl")
    if args.layout != "mixed" and not all(args.layout in FORMS.get(kind, LAYOUTS)
                                          for kind in args.damage):
        parser.error(f"--damage {','.join(args.damage)} does not fit --layout {args.layout}")
    if args.samples:
        cases = sample_cases(args.seed)
    elif args.damaged_samples:
        cases = damaged_sample_cases(args.seed)
    else:
        cases = random_cases(args.count, args.seed, args.layout, args.template, args.noise,
                             args.damage)
    write(cases, args.out, args.jsonl)
    return 0


if __name__ == "__main__":
    sys.exit(main())
