/*-------------------------------------------------------------------------
 * catalog.c
 *	  The rows and columns of the national templates, with their contract
 *	  keys and labels (report-format.md §2, output.md).
 *
 * src/core/catalog.c
 *-------------------------------------------------------------------------
 */
#include <string.h>

#include "gir_core.h"

#define APPLICANT_COLS \
	7, {GIR_C_NATURAL_PERSON, GIR_C_BUSINESS, GIR_C_RESEARCH, GIR_C_NONPROFIT, \
		GIR_C_LEGAL_SERVICE, GIR_C_OTHER_ORG, GIR_C_TOTAL}
#define OUTCOME_COLS \
	5, {GIR_C_UPHELD, GIR_C_CORRECTED, GIR_C_OTHER, GIR_C_PENDING, GIR_C_TOTAL}
#define T3_ROW(id, key, zh, en) \
	{id, GIR_SEC_REQUESTS, key, zh, en, GIR_TPLMASK_BOTH, APPLICANT_COLS, APPLICANT_COLS}
#define T3_ROW_2019(id, key, zh, en) \
	{id, GIR_SEC_REQUESTS, key, zh, en, GIR_TPLMASK_2019, APPLICANT_COLS, 0, {0}}
#define T3_ROW_2021(id, key, zh, en) \
	{id, GIR_SEC_REQUESTS, key, zh, en, GIR_TPLMASK_2021, 0, {0}, APPLICANT_COLS}
#define T4_ROW(id, key, zh, en) \
	{id, GIR_SEC_REVIEW, key, zh, en, GIR_TPLMASK_BOTH, OUTCOME_COLS, OUTCOME_COLS}

#define DOC_2019	3, {GIR_C_MADE, GIR_C_PUBLISHED, GIR_C_TOTAL_PUBLISHED}
#define DOC_2021	3, {GIR_C_ISSUED, GIR_C_REPEALED, GIR_C_IN_FORCE}
#define ITEMS_2019	3, {GIR_C_PREV_ITEMS, GIR_C_CHANGE, GIR_C_DECISIONS}
#define DECISIONS_2021	1, {GIR_C_DECISIONS}
#define NONE		0, {0}
#define OS_ROW(id, key, zh, en) \
	{id, GIR_SEC_ACTIVE, key, zh, en, GIR_TPLMASK_2019, ITEMS_2019, NONE}

static const GirRowDef row_defs[GIR_NROWS] = {
	{GIR_R_RULES, GIR_SEC_ACTIVE, "rules", "规章", "Rules",
	GIR_TPLMASK_BOTH, DOC_2019, DOC_2021},
	{GIR_R_NORMATIVE_DOCS, GIR_SEC_ACTIVE, "normative_docs", "行政规范性文件",
		"Normative documents", GIR_TPLMASK_BOTH, DOC_2019, DOC_2021},
	{GIR_R_LICENSING, GIR_SEC_ACTIVE, "licensing", "行政许可", "Licensing",
	GIR_TPLMASK_BOTH, ITEMS_2019, DECISIONS_2021},
	OS_ROW(GIR_R_OTHER_SERVICES, "other_services", "其他对外管理服务事项",
		   "Other external management services"),
	OS_ROW(GIR_R_OS_INSPECTION, "other_services.inspection", "行政检查",
		   "Inspection"),
	OS_ROW(GIR_R_OS_CONFIRMATION, "other_services.confirmation", "行政确认",
		   "Confirmation"),
	OS_ROW(GIR_R_OS_REWARD, "other_services.reward", "行政奖励", "Reward"),
	OS_ROW(GIR_R_OS_ADJUDICATION, "other_services.adjudication", "行政裁决",
		   "Adjudication"),
	OS_ROW(GIR_R_OS_BENEFIT, "other_services.benefit", "行政给付", "Benefit"),
	{GIR_R_PENALTY, GIR_SEC_ACTIVE, "penalty", "行政处罚", "Penalty",
	GIR_TPLMASK_BOTH, ITEMS_2019, DECISIONS_2021},
	{GIR_R_COERCION, GIR_SEC_ACTIVE, "coercion", "行政强制", "Coercion",
	GIR_TPLMASK_BOTH, ITEMS_2019, DECISIONS_2021},
	{GIR_R_FEES, GIR_SEC_ACTIVE, "fees", "行政事业性收费",
		"Administrative fees", GIR_TPLMASK_BOTH,
	2, {GIR_C_PREV_ITEMS, GIR_C_CHANGE}, 1, {GIR_C_AMOUNT}},
	{GIR_R_PROCUREMENT, GIR_SEC_ACTIVE, "procurement", "政府集中采购",
		"Central government procurement", GIR_TPLMASK_2019,
	2, {GIR_C_PROJECTS, GIR_C_AMOUNT}, NONE},

	T3_ROW(GIR_R_NEW_RECEIVED, "new_received",
		   "一、本年新收政府信息公开申请数量", "New applications received"),
	T3_ROW(GIR_R_CARRIED_OVER, "carried_over",
		   "二、上年结转政府信息公开申请数量", "Carried over from last year"),
	T3_ROW(GIR_R_GRANTED, "granted", "（一）予以公开", "Granted"),
	T3_ROW(GIR_R_PARTIALLY_GRANTED, "partially_granted",
		   "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
		   "Partially granted"),
	T3_ROW(GIR_R_DENIED_STATE_SECRET, "denied.state_secret",
		   "（三）不予公开 1.属于国家秘密", "Denied: state secret"),
	T3_ROW(GIR_R_DENIED_PROHIBITED_BY_LAW, "denied.prohibited_by_law",
		   "（三）不予公开 2.其他法律行政法规禁止公开",
		   "Denied: prohibited by other laws"),
	T3_ROW(GIR_R_DENIED_SECURITY_STABILITY, "denied.security_stability",
		   "（三）不予公开 3.危及“三安全一稳定”",
		   "Denied: endangers security or stability"),
	T3_ROW(GIR_R_DENIED_THIRD_PARTY_RIGHTS, "denied.third_party_rights",
		   "（三）不予公开 4.保护第三方合法权益",
		   "Denied: third-party rights"),
	T3_ROW(GIR_R_DENIED_INTERNAL_AFFAIRS, "denied.internal_affairs",
		   "（三）不予公开 5.属于三类内部事务信息",
		   "Denied: internal affairs"),
	T3_ROW(GIR_R_DENIED_PROCESS_INFORMATION, "denied.process_information",
		   "（三）不予公开 6.属于四类过程性信息",
		   "Denied: process information"),
	T3_ROW(GIR_R_DENIED_ENFORCEMENT_FILES, "denied.enforcement_files",
		   "（三）不予公开 7.属于行政执法案卷",
		   "Denied: law-enforcement files"),
	T3_ROW(GIR_R_DENIED_ADMINISTRATIVE_QUERY, "denied.administrative_query",
		   "（三）不予公开 8.属于行政查询事项",
		   "Denied: administrative query"),
	T3_ROW(GIR_R_UNABLE_NOT_HELD, "unable.not_held",
		   "（四）无法提供 1.本机关不掌握相关政府信息",
		   "Unable: information not held"),
	T3_ROW(GIR_R_UNABLE_NEEDS_CREATION, "unable.needs_creation",
		   "（四）无法提供 2.没有现成信息需要另行制作",
		   "Unable: would need to be created"),
	T3_ROW(GIR_R_UNABLE_STILL_UNCLEAR, "unable.still_unclear",
		   "（四）无法提供 3.补正后申请内容仍不明确",
		   "Unable: still unclear after correction"),
	T3_ROW(GIR_R_NP_COMPLAINT, "not_processed.complaint",
		   "（五）不予处理 1.信访举报投诉类申请",
		   "Not processed: petition or complaint"),
	T3_ROW(GIR_R_NP_DUPLICATE, "not_processed.duplicate",
		   "（五）不予处理 2.重复申请", "Not processed: duplicate"),
	T3_ROW(GIR_R_NP_PUBLICATION, "not_processed.publication",
		   "（五）不予处理 3.要求提供公开出版物",
		   "Not processed: asks for publications"),
	T3_ROW(GIR_R_NP_EXCESSIVE, "not_processed.excessive",
		   "（五）不予处理 4.无正当理由大量反复申请",
		   "Not processed: excessive repeated requests"),
	T3_ROW(GIR_R_NP_CONFIRM_OR_REISSUE, "not_processed.confirm_or_reissue",
		   "（五）不予处理 5.要求行政机关确认或重新出具已获取信息",
		   "Not processed: confirm or reissue"),
	T3_ROW_2019(GIR_R_OTHER, "other", "（六）其他处理", "Other handling"),
	T3_ROW_2021(GIR_R_OTHER_NO_CORRECTION, "other.no_correction",
				"（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
				"Other: applicant did not correct in time"),
	T3_ROW_2021(GIR_R_OTHER_UNPAID_FEE, "other.unpaid_fee",
				"（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
				"Other: fee not paid"),
	T3_ROW_2021(GIR_R_OTHER_OTHER, "other.other", "（六）其他处理 3.其他",
				"Other: other"),
	T3_ROW(GIR_R_TOTAL_PROCESSED, "total_processed", "（七）总计",
		   "Total processed"),
	T3_ROW(GIR_R_CARRIED_FORWARD, "carried_forward",
		   "四、结转下年度继续办理", "Carried forward to next year"),

	T4_ROW(GIR_R_REVIEW, "review", "行政复议", "Administrative review"),
	T4_ROW(GIR_R_SUIT_DIRECT, "suit_direct", "行政诉讼 未经复议直接起诉",
		   "Lawsuit without prior review"),
	T4_ROW(GIR_R_SUIT_AFTER_REVIEW, "suit_after_review",
		   "行政诉讼 复议后起诉", "Lawsuit after review"),
};

static const GirColDef col_defs[GIR_NCOLS] = {
	{GIR_C_ISSUED, "issued", "本年制发件数", "Issued this year", false, false},
	{GIR_C_REPEALED, "repealed", "本年废止件数", "Repealed this year", false, false},
	{GIR_C_IN_FORCE, "in_force", "现行有效件数", "In force", false, false},
	{GIR_C_DECISIONS, "decisions", "本年处理决定数量", "Decisions this year", false, false},
	{GIR_C_AMOUNT, "amount", "金额（万元）", "Amount (10k yuan)", true, false},
	{GIR_C_MADE, "made", "本年新制作数量", "Made this year", false, false},
	{GIR_C_PUBLISHED, "published", "本年新公开数量", "Published this year", false, false},
	{GIR_C_TOTAL_PUBLISHED, "total_published", "对外公开总数量", "Total published", false, false},
	{GIR_C_PREV_ITEMS, "prev_items", "上一年项目数量", "Items last year", false, false},
	{GIR_C_CHANGE, "change", "本年增/减", "Change this year", false, true},
	{GIR_C_PROJECTS, "projects", "采购项目数量", "Procurement projects", false, false},
	{GIR_C_NATURAL_PERSON, "natural_person", "自然人", "Natural persons", false, false},
	{GIR_C_BUSINESS, "business", "商业企业", "Businesses", false, false},
	{GIR_C_RESEARCH, "research", "科研机构", "Research institutions", false, false},
	{GIR_C_NONPROFIT, "nonprofit", "社会公益组织", "Non-profit organisations", false, false},
	{GIR_C_LEGAL_SERVICE, "legal_service", "法律服务机构", "Legal service providers", false, false},
	{GIR_C_OTHER_ORG, "other_org", "其他", "Other organisations", false, false},
	{GIR_C_TOTAL, "total", "总计", "Total", false, false},
	{GIR_C_UPHELD, "upheld", "结果维持", "Upheld", false, false},
	{GIR_C_CORRECTED, "corrected", "结果纠正", "Corrected", false, false},
	{GIR_C_OTHER, "other", "其他结果", "Other result", false, false},
	{GIR_C_PENDING, "pending", "尚未审结", "Pending", false, false},
};

const GirRowDef *
gir_row_def(GirRowId row)
{
	return &row_defs[row];
}

const GirColDef *
gir_col_def(GirColId col)
{
	return &col_defs[col];
}

int
gir_row_columns(GirRowId row, GirTemplate tpl, const GirColId **cols)
{
	const GirRowDef *def = &row_defs[row];

	if (tpl == GIR_TPL_2019 || (tpl == GIR_TPL_UNKNOWN && def->ncols2021 == 0))
	{
		*cols = def->cols2019;
		return def->ncols2019;
	}
	*cols = def->cols2021;
	return def->ncols2021;
}

int
gir_row_by_key(GirSection section, const char *key)
{
	int			i;

	for (i = 0; i < GIR_NROWS; i++)
		if (row_defs[i].section == section && strcmp(row_defs[i].key, key) == 0)
			return i;
	return -1;
}

int
gir_col_by_key(const char *key)
{
	int			i;

	for (i = 0; i < GIR_NCOLS; i++)
		if (strcmp(col_defs[i].key, key) == 0)
			return i;
	return -1;
}

const char *
gir_section_key(GirSection section)
{
	static const char *const keys[GIR_NSECTIONS] = {
		"active_disclosure", "requests", "review_litigation"
	};

	return keys[section];
}

const char *
gir_template_name(GirTemplate tpl)
{
	return tpl == GIR_TPL_2019 ? "2019" : tpl == GIR_TPL_2021 ? "2021" : NULL;
}

const char *
gir_status_name(GirStatus status)
{
	return status == GIR_STATUS_OK ? "ok" :
		status == GIR_STATUS_PARTIAL ? "partial" : "empty";
}
