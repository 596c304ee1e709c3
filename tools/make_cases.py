#!/usr/bin/env python3
"""Write the hand-designed layout fixtures of data/cases/.

Each fixture is one small report in one layout, with values chosen so that
a misread row or column gives a visibly wrong number.  The C unit tests
(test/test_layouts.c) and the regression tests (sql/cases.sql) assert these
values.  Run from the project root: python3 tools/make_cases.py
"""
import os

OUT = "data/cases"
T3_COLS = 7

# table 三 rows as (label, values); the same numbers in every 2021 fixture
T3_2021 = [
    ("一、本年新收政府信息公开申请数量", [5, 1, 0, 0, 1, 0, 7]),
    ("二、上年结转政府信息公开申请数量", [1, 0, 0, 0, 0, 0, 1]),
    ("（一）予以公开", [2, 1, 0, 0, 0, 0, 3]),
    ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", [1, 0, 0, 0, 0, 0, 1]),
    ("1.属于国家秘密", [0] * 7), ("2.其他法律行政法规禁止公开", [0] * 7),
    ("3.危及“三安全一稳定”", [0] * 7), ("4.保护第三方合法权益", [1, 0, 0, 0, 0, 0, 1]),
    ("5.属于三类内部事务信息", [0] * 7), ("6.属于四类过程性信息", [0] * 7),
    ("7.属于行政执法案卷", [0] * 7), ("8.属于行政查询事项", [0] * 7),
    ("1.本机关不掌握相关政府信息", [1, 0, 0, 0, 1, 0, 2]),
    ("2.没有现成信息需要另行制作", [0] * 7), ("3.补正后申请内容仍不明确", [0] * 7),
    ("1.信访举报投诉类申请", [0] * 7), ("2.重复申请", [0] * 7),
    ("3.要求提供公开出版物", [0] * 7), ("4.无正当理由大量反复申请", [0] * 7),
    ("5.要求行政机关确认或重新出具已获取信息", [0] * 7),
    ("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", [0] * 7),
    ("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", [0] * 7),
    ("3.其他", [0] * 7),
    ("（七）总计", [5, 1, 0, 0, 1, 0, 7]),
    ("四、结转下年度继续办理", [1, 0, 0, 0, 0, 0, 1]),
]
GROUP_AT = {4: "（三）不予公开", 12: "（四）无法提供", 15: "（五）不予处理", 20: "（六）其他处理"}
T4 = [1, 0, 0, 1, 2, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0]
NARRATIVE = ("一、总体情况\n2023年，本局认真贯彻《中华人民共和国政府信息公开条例》，"
             "全年收到政府信息公开申请7件，监督电话0571-86001234。\n")
TAIL = "五、存在的主要问题及改进情况\n公开形式有待丰富。\n六、其他需要报告的事项\n本年度未收取信息处理费。\n"
HEADER_2021 = ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]


def write(name, text, newline="\n"):
    with open(os.path.join(OUT, name), "w", encoding="utf-8", newline=newline) as f:
        f.write(text)


def pipe_2021():
    """Markdown pipe tables, headings of uneven depth."""
    t = ["# 江河市青石区生态环境局2023年政府信息公开工作年度报告", "", "## " + NARRATIVE,
         "## 二、主动公开政府信息情况", "", "| 第二十条第（一）项 | | | |", "|---|---|---|---|",
         "| " + " | ".join(HEADER_2021) + " |", "| 规章 | 0 | 0 | 3 |", "| 行政规范性文件 | 2 | 1 | 15 |",
         "| 第二十条第（五）项 | | | |", "| 信息内容 | 本年处理决定数量 | | |", "| 行政许可 | 120 | | |",
         "| 第二十条第（六）项 | | | |", "| 信息内容 | 本年处理决定数量 | | |",
         "| 行政处罚 | 34 | | |", "| 行政强制 | 0 | | |",
         "| 第二十条第（八）项 | | | |", "| 信息内容 | 本年收费金额（单位：万元） | | |",
         "| 行政事业性收费 | 12.5 | | |", "", "### 三、收到和处理政府信息公开申请情况", "",
         "| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | | 申请人情况 | | | | | | |",
         "|---|---|---|---|---|---|---|---|---|",
         "| | | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |"]
    for i, (label, vals) in enumerate(T3_2021):
        group = GROUP_AT.get(i, "三、本年度办理结果" if i == 2 else "")
        t.append("| %s | %s | %s |" % (group, label, " | ".join(map(str, vals))))
    t += ["", "#### 四、政府信息公开行政复议、行政诉讼情况", "",
          "| 行政复议 | | | | | 行政诉讼 | | | | | | | | | |",
          "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | | | | | 复议后起诉 | | | | |",
          "| " + " | ".join(map(str, T4)) + " |", "", TAIL]
    write("pipe_2021.md", "\n".join(t))


def pdf_layout_2021():
    """pdftotext -layout: wrapped labels, a group label between rows, a page footer."""
    L = ["                 江河市桂园街道办事处2023年政府信息公开工作年度报告", "", NARRATIVE,
         "二、主动公开政府信息情况",
         "   第二十条第（一）项",
         "   信息内容          本年制发件数      本年废止件数      现行有效件数",
         "   规章                   0                 0                3",
         "   行政规范性文件         2                 1               15",
         "   第二十条第（五）项",
         "   信息内容          本年处理决定数量",
         "   行政许可                   120",
         "   第二十条第（六）项",
         "   信息内容          本年处理决定数量",
         "   行政处罚                    34",
         "   行政强制                     0",
         "   第二十条第（八）项",
         "   信息内容          本年收费金额（单位：万元）",
         "   行政事业性收费             12.5",
         "三、收到和处理政府信息公开申请情况",
         "                                                       申请人情况",
         "   （本列数据的勾稽关系为：第一项加第二项               法人或其他组织",
         "   之和，等于第三项加第四项之和）            自然人  商业  科研  社会公益  法律服务  其他   总计",
         "                                                     企业  机构  组织      机构"]
    for i, (label, vals) in enumerate(T3_2021):
        nums = "    ".join("%2d" % v for v in vals)
        if i == 3:      # the long （二） label wraps after its numbers
            L.append("         （二）部分公开（区分处理的，只计这一     " + nums)
            L.append("         情形，不计其他情形）")
            continue
        if i == 9:      # the row-group label printed mid-table, then a page break
            L.append("三、本年度办理结果")
            L.append("                                — 3 —")
        if i in (20, 21):   # the long （六） labels wrap over two lines
            half = len(label) // 2
            L.append("   %s%s   %s" % (GROUP_AT.get(i, "") + "  " if i in GROUP_AT else "", label[:half], nums))
            L.append("   " + label[half:])
            continue
        L.append("   %s%-30s %s" % (GROUP_AT.get(i, "") + "  " if i in GROUP_AT else "", label, nums))
    L += ["四、政府信息公开行政复议、行政诉讼情况",
          "               行政复议                                     行政诉讼",
          "                                             未经复议直接起诉               复议后起诉",
          "   结果  结果  其他  尚未  总计   结果  结果  其他  尚未  总计   结果  结果  其他  尚未  总计",
          "   维持  纠正  结果  审结         维持  纠正  结果  审结         维持  纠正  结果  审结",
          "    " + "     ".join(map(str, T4)), "", TAIL]
    write("pdf_layout_2021.txt", "\n".join(L))


def noisy_docx_2021():
    """One cell per line with Word debris: full-width digits, U+3000, NBSP,
    zero-width spaces, CRLF, [bookmark: _GoBack], 2、 for 二、, a split title."""
    fw = lambda n: str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    L = ["江河市桂园街道办事处2023年政府信息", "公开工作年度报告", "", NARRATIVE.replace("2023年", "[bookmark: _GoBack]2023年", 1),
         "2、 主动公开政府信息情况", "", "\t第二十条第（一）项", ""] + ["\t" + h for h in HEADER_2021] + [""]
    for label, vals in (("规章", [0, 0, 3]), ("行政规范性文件", [2, 1, 15])):
        L += ["\t" + label] + ["\t\u3000\u3000" + fw(v) for v in vals] + [""]
    for head, rows in (("（五）", [("行政许可", "120")]), ("（六）", [("行政处罚", "34"), ("行政强制", "0")]),
                       ("（八）", [("行政事业性收费", "12.5")])):
        L += ["\t第二十条第%s项" % head, "", "\t信息内容",
              "\t本年收费金额（单位：万元）" if head == "（八）" else "\t本年处理决定数量", ""]
        for label, v in rows:
            L += ["\t" + label, "\t\u00a0" + v + "\u200b", ""]
    L += ["", "3、 收到和处理政府信息公开申请情况", "",
          "\t（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "\t申请人情况", "",
          "\t", "\t自然人", "\t法人或其他组织", "\t总计", "",
          "\t", "\t", "\t商业", "企业", "\t科研", "机构", "\t社会公益组织", "\t法律服务机构", "\t其他", "\t", ""]
    for i, (label, vals) in enumerate(T3_2021):
        cells = []
        if i == 2:
            cells.append("\t三、本年度办理结果")
        elif i >= 3 and i != 24:
            cells.append("\t")
        if i in GROUP_AT:
            cells.append("\t" + GROUP_AT[i])
        elif i > 3 and i not in (23, 24):
            cells.append("\t")
        cells.append("\t" + label)
        cells += ["\t\u00a0" + fw(v) + "\u00a0" for v in vals]
        L += cells + [""]
    L += ["", "四、政府信息公开行政复议、行政诉讼情况", "", "\t行政复议", "\t行政诉讼", ""]
    L += ["\t结果", "维持", "\t结果", "纠正", "\t其他", "结果", "\t尚未", "审结", "\t总计",
          "\t未经复议直接起诉", "\t复议后起诉", ""] + ["\t"] * 5
    L += ["\t结果维持", "\t结果纠正", "\t其他结果", "\t尚未审结", "\t总计"] * 2 + [""]
    L += ["\t" + fw(v) for v in T4] + ["", "", "5、 存在的主要问题及改进情况", "公开形式有待丰富。", "六、其他需要报告的事项", "无。", ""]
    write("noisy_docx_2021.txt", "\r\n".join(L), newline="")


def html_2019():
    """An HTML page (T2019) with rowspan/colspan, &nbsp; blanks, <br />,
    entities, a unit inside a cell and signed changes."""
    td = lambda s, attrs="": "<td%s><p align=\"center\">%s</p></td>" % (attrs, s)
    rows = []
    rows.append("<tr>%s</tr>" % td("第二十条第（一）项", ' colspan="4"'))
    rows.append("<tr>%s%s%s%s</tr>" % (td("信息内容"), td("本年新<br />制作数量"), td("本年新<br />公开数量"), td("对外公开<br />总数量")))
    rows.append("<tr>%s%s%s%s</tr>" % (td("规章"), td(0), td(0), td(0)))
    rows.append("<tr>%s%s%s%s</tr>" % (td("规范性文件"), td(3), td(3), td(41)))
    rows.append("<tr>%s</tr>" % td("第二十条第（五）项", ' colspan="4"'))
    rows.append("<tr>%s%s%s%s</tr>" % (td("信息内容"), td("上一年项目数量"), td("本年增/减"), td("处理决定数量")))
    rows.append("<tr>%s%s%s%s</tr>" % (td("行政许可"), td(12), td("增2"), td(310)))
    rows.append("<tr>%s%s%s%s</tr>" % (td("其他对外管理服务事项"), td(5), td(0), td(17)))
    rows.append("<tr>%s</tr>" % td("第二十条第（六）项", ' colspan="4"'))
    rows.append("<tr>%s%s%s%s</tr>" % (td("行政处罚"), td(40), td("减4"), td(36)))
    rows.append("<tr>%s%s%s%s</tr>" % (td("行政强制"), td(3), td(0), td(1)))
    rows.append("<tr>%s</tr>" % td("第二十条第（八）项", ' colspan="4"'))
    rows.append("<tr>%s%s%s</tr>" % (td("信息内容"), td("上一年项目数量"), td("本年增/减", ' colspan="2"')))
    rows.append("<tr>%s%s%s</tr>" % (td("行政事业性收费"), td(2), td(0, ' colspan="2"')))
    rows.append("<tr>%s</tr>" % td("第二十条第（九）项", ' colspan="4"'))
    rows.append("<tr>%s%s%s</tr>" % (td("信息内容"), td("采购项目数量"), td("采购总金额", ' colspan="2"')))
    rows.append("<tr>%s%s%s</tr>" % (td("政府集中采购"), td(3), td("251000元", ' colspan="2"')))
    t2 = "<table border=\"1\">%s</table>" % "\n".join(rows)
    t3 = ['<tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>',
          '<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>',
          '<tr><td>商业<br/>企业</td><td>科研<br/>机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>']
    t3_2019 = T3_2021[:20] + [("（六）其他处理", [0] * 7)] + T3_2021[23:]
    for i, (label, vals) in enumerate(t3_2019):
        cells = "".join(td("&nbsp;" if (v == 0 and i in (0, 1) and c in (2, 3)) else v)
                        for c, v in enumerate(vals))
        lead = ""
        if i == 2:
            lead = td("三、本年度办理结果", ' rowspan="19"')
        if i in GROUP_AT and i != 20:
            lead += td(GROUP_AT[i], ' rowspan="%d"' % {4: 8, 12: 3, 15: 5}[i])
        span = ' colspan="3"' if i in (0, 1, 21, 22) else (' colspan="2"' if i in (2, 3, 20) else "")
        label = label.replace("“", "&ldquo;").replace("”", "&rdquo;")
        t3.append("<tr>%s%s%s</tr>" % (lead, td(label, span), cells))
    t4 = ('<tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>'
          '<tr><td rowspan="2">结果维持</td><td rowspan="2">结果纠正</td><td rowspan="2">其他结果</td>'
          '<td rowspan="2">尚未审结</td><td rowspan="2">总计</td><td colspan="5">未经复议直接起诉</td>'
          '<td colspan="5">复议后起诉</td></tr><tr>' + "<td>结果维持</td><td>结果纠正</td><td>其他结果</td>"
          "<td>尚未审结</td><td>总计</td>" * 2 + "</tr><tr>" + "".join(td(v) for v in T4) + "</tr>")
    page = ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>年度报告</title>"
            "<style>td { border: 1px solid }</style></head>\n<body>\n"
            "<h1>江河市青石县人民政府办公室2020年政府信息公开工作年度报告</h1>\n"
            "<p>一、总体情况</p>\n<p>2020年，县政府办公室依法做好政府信息公开工作。</p>\n"
            "<p>二、主动公开政府信息情况</p>\n%s\n<p>三、收到和处理政府信息公开申请情况</p>\n"
            "<table>%s</table>\n<p>四、政府信息公开行政复议、行政诉讼情况</p>\n<table>%s</table>\n"
            "<p>五、存在的主要问题及改进情况</p>\n<p>无。</p>\n<p>六、其他需要报告的事项</p>\n<p>无。</p>\n"
            "</body></html>\n") % (t2, "\n".join(t3), t4)
    write("html_2019.html", page)


def missing_labels_2019():
    """One cell per line (T2019); the items of （三）（四）（五） lost their
    labels and carry one extra leading value.  Only the last seven add up."""
    L = ["江河市青石县教育局", "", "2020年政府信息公开工作年度报告", "", "一、总体情况", "2020年，县教育局依法公开。", "",
         "三、收到和处理政府信息公开申请情况", ""]
    vals = {4: [3, 0, 0, 0, 0, 0, 3], 5: [0] * 7, 12: [2, 1, 0, 0, 0, 0, 3]}
    data = [("一、本年新收政府信息公开申请数量", [9, 1, 0, 0, 0, 0, 10]),
            ("二、上年结转政府信息公开申请数量", [0] * 7),
            ("（一）予以公开", [4, 0, 0, 0, 0, 0, 4]),
            ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", [0] * 7)]
    for i, (label, v) in enumerate(data):
        L += ["\t" + label] + ["\t%d" % x for x in v] + [""]
    for g, n, first in (("（三）不予\n\n公开", 8, 4), ("（四）无法\n\n提供", 3, 12), ("（五）不予\n\n处理", 5, 15)):
        for k in range(n):
            v = vals.get(first + k, [0] * 7)
            extra = 7 if first + k == 4 else 1     # a stray leading value
            L += ["\t", "\t" + g if k == 0 else "\t"] + ["\t%d" % x for x in [extra] + v] + [""]
    L += ["\t", "\t（六）其他处理"] + ["\t0"] * 7 + [""]
    L += ["\t", "\t（七）总计"] + ["\t%d" % x for x in [9, 1, 0, 0, 0, 0, 10]] + [""]
    L += ["\t四、结转下年度继续办理"] + ["\t0"] * 7 + ["", ""]
    write("missing_labels_2019.txt", "\n".join(L))


def legacy_2015():
    """A pre-2019 report (2007 条例): recognised and not mapped."""
    write("legacy_2015.txt", "江河市水利局2015年政府信息公开工作年度报告\n一、概述\n2015年，我局……。\n"
          "二、主动公开政府信息情况\n主动公开政府信息120条。\n三、依申请公开政府信息情况\n收到申请数\t3\n"
          "同意公开答复数\t2\n四、政府信息公开的收费及减免情况\n未收费。\n")


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    for make in (pipe_2021, pdf_layout_2021, noisy_docx_2021, html_2019, missing_labels_2019, legacy_2015):
        make()
