"""Every text a clerk reads from ``zl progress`` and the workbooks' judged results, in one table.

Kept together, not scattered through the code, so that they can move to gettext catalogs as they
are: each entry is a template for :meth:`str.format`, its fields named.  The command line's own
``Error:`` lines stay in English, as elsewhere in zl.
"""

from __future__ import annotations

#: The result of a judged target, as the summary, the terminal and 汇总.xlsx name it.
STATUS_WORDS = {"met": "达标", "unmet": "未达标", "unreported": "未填报", "invalid": "无效"}

#: What each result means, for the legend under the terminal summary.
STATUS_MEANINGS = {
    "met": "完成值满足指标的要求",
    "unmet": "完成值未满足要求",
    "unreported": "完成值未填，或填了 —、无（无可报），或指标不在所给的台账中",
    "invalid": "完成值读不出一个数，见上面的提示",
}

#: 完成状态 counted in the summary (the drop-down's four, then anything else typed, then none).
STATE_OTHER, STATE_NONE = "其他", "未填"

MESSAGES = {
    # where a value was read: file, sheet and cell
    "where": "{file}「{sheet}」表 {cell}",
    # a value read with a reading the clerk should see
    "read_as": "{where}：指标 {id} 的完成值「{typed}」按 {reading} 判定（{why}）",
    "invalid": "{where}：指标 {id} 的完成值「{typed}」读不出数：{why}",
    "state_unknown": "{where}：完成状态「{typed}」不是 {choices} 之一",
    "given_twice": "{path} 与 {first} 是同一个文件，只读取一次",
    # why a reading was taken
    "why_at_least": "“{word}”表示不少于此数",
    "why_more_than": "“{word}”表示多于此数",
    "why_at_most": "“{word}”表示不超过此数",
    "why_less_than": "“{word}”表示少于此数",
    "why_about": "“{word}”表示约数，按此数判定",
    "why_numeral": "中文数字",
    "why_remark": "括号中的“{remark}”是说明",
    "why_scale": "所填为 {typed_scale}，指标以 {unit} 计",
    "why_doubtful": "与目标 {goal} 相差约 10^{power} 倍，请核对单位是否填错",
    "why_joiner": "；",
    # why nothing could be read
    "not_a_number": "不是数字",
    "other_unit": "单位“{unit}”与指标的单位“{expected}”不同",
    "percent_cell": "单元格是百分比格式（{shown}），但指标以“{expected}”计",
    "too_big": "超出可读的范围（绝对值不超过 10^15 {unit}）",
    "too_long": "数字位数过多",
    "no_value_of_formula": "公式 {formula} 没有保存计算结果：请在 Excel 或 WPS 中打开并保存",
    "a_date": "是日期，不是数字",
    "a_truth_value": "是 TRUE/FALSE，不是数字",
    "plain_numbers": "（无单位）",
}

#: The terminal summary's words.
SUMMARY = {
    "title": "{plan} · {files} 个台账文件",
    "lead_unit": "牵头单位",
    "no_lead": "未明确牵头单位",
    "all": "合计",
    "items": "任务",
    "items_with_state": "已填状态",
    "targets": "指标",
    "by_status": "指标完成情况",
    "not_met": "未达标和无效的指标",
    "id": "指标编号",
    "lead_units": "牵头单位",
    "target": "指标",
    "wanted": "要求",
    "actual": "完成值",
    "status": "结果",
    "cell": "单元格",
    "unreported": "未填报（{count}项）：{ids}",
    "verdict": "{targets} 项指标中 {met} 项达标",
    "states": "完成状态：{counts}",
    "legend": "图例：",
    "count": "{count} {word}",
    "actual_line": "完成值 {actual}",
}

#: The workbook ``zl progress -o`` writes.
SUMMARY_BOOK = {
    "units_sheet": "汇总",
    "chart_sheet": "图表",
    "chart_title": "各牵头单位指标完成情况",
    "chart_y": "指标数",
    "total": "合计",
    "rate": "达标率（%）",
}
