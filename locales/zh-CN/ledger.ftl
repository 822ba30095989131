## ledger: the rectification ledger (整改台账) and assess rectify

# 整改台账（反馈/单位名称.xlsx）
ledger-title = { $unit } { $subject }考核整改台账
ledger-due = 报送期限
ledger-col-measure = 整改措施
ledger-col-department = 责任科室
ledger-col-person = 责任人
ledger-col-deadline = 整改时限
ledger-col-status = 整改情况
ledger-col-evidence = 佐证材料
ledger-status-done = 已完成
ledger-status-in-progress = 正在整改
ledger-status-not-started = 未整改
ledger-status-input-title = 整改情况
ledger-status-input = 请从下拉列表中选择：{ $words }
ledger-status-error-title = 整改情况
ledger-status-error = 整改情况只能是以下之一：{ $words }
ledger-veto = 一票否决
ledger-veto-record = { $date } { $method }
ledger-veto-record-note = { $date } { $method }：{ $note }
ledger-note-author = 考核办
ledger-veto-grade = 一票否决，等次定为{ $grade }
ledger-general = 综合意见
ledger-general-line = { $scorer }：{ $remarks }
ledger-separator = ；
ledger-remark = { $scorer }备注：{ $note }
ledger-weighted = 加权得分：{ $formula }
ledger-summary = 本台账共{ $rows }行，其中失分指标{ $count }项，合计失分{ $lost }分。请逐行填写整改措施、责任科室、责任人、整改时限（日期）、整改情况（{ $words }，从下拉列表中选择）和佐证材料，逐条整改、销号管理；各指标的评分标准见“指标”单元格的批注。
ledger-due-line = 请于{ $date }前将本台账填写完整，加盖单位公章后报送。
ledger-due-line-blank = 请于　　　　年　　月　　日前将本台账填写完整，加盖单位公章后报送。
ledger-filled-by = 填报人：
ledger-phone = 联系电话：
ledger-sent-on = 报送日期：
ledger-info-sheet = 台账信息
ledger-info-note = 本表供 assess rectify 识别这份台账（细则、年度、单位，以及考核办所填各格的原值），请勿改动。

# 读入报回的整改台账（assess rectify）
ledger-why-not-workbook = 不是 Excel 工作簿
ledger-why-no-info = 没有 assess publish 写入的隐藏工作表“台账信息”；请在原台账中填写，不要复制到新的工作簿
ledger-not-a-ledger = 这不是 assess publish 写出的整改台账：{ $why }。
ledger-passed-over = { $file } 不是整改台账（{ $why }），已跳过。
ledger-twice = 这份台账与 { $first } 都是{ $unit }的整改台账，请只保留一份。
ledger-other-rubric = 这是细则“{ $rubric }”的整改台账，而本次载入的细则为 { $loaded }：请用 --rubric 指定写出这份台账时所用的细则。
ledger-other-year = 这是 { $year } 年度的整改台账，而细则“{ $rubric }”是 { $expected } 年度的：请检查是否收错了台账，或用 --rubric 指定该年度的细则。
ledger-sheet-missing = 找不到整改台账工作表“{ $sheet }”（现有工作表：{ $sheets }）：工作表被改名或删除了，请用原台账重新填写。
ledger-unknown-unit = 表头中的单位“{ $unit }”不在细则“{ $rubric }”的考核对象名单中{ $hint }。
ledger-unit-changed = 表头中的单位为“{ $unit }”，但这份台账是写给{ $written }的：表头被改动了，请用原台账重新填写。
ledger-line-unknown = 台账中的指标 { $line } 不在细则“{ $rubric }”中：这份台账是按另一版细则写出的。
ledger-line-other-max = 指标 { $line } 在台账中的分值为 { $max }，而细则“{ $rubric }”中为 { $expected }：这份台账是按另一版细则写出的。
ledger-cell-changed = “{ $column }”一栏由考核办填写，不得改动：原为“{ $was }”，现为“{ $now }”。请恢复原值，或用原台账重新填写。
ledger-info-damaged = 隐藏工作表“台账信息”已损坏或被改动，无法识别这份台账：请用 assess publish 写出的原台账重新填写。

# assess rectify 的汇总
rectify-bad-date = --as-of 的日期“{ $value }”无法识别，请写成 2021-03-31 这样的日期。
rectify-title = 整改情况汇总（截至{ $date }）
rectify-col-unit = 单位
rectify-col-returned = 是否报送
rectify-col-rows = 行数
rectify-col-no-measure = 未填整改措施
rectify-col-overdue = 逾期
rectify-col-line = 指标
rectify-yes = 是
rectify-no = 否
rectify-counts = 共{ $units }个单位，已报送{ $returned }个，其中{ $complete }个各行均已填写完整。
rectify-all-done = 各单位均已报送整改台账，每行均已填写整改措施并选择了整改情况。
rectify-open-heading = 未完成（{ $count }项）：
rectify-not-returned = { $unit }：未报送整改台账
rectify-incomplete = { $unit } { $line }：{ $what }
rectify-no-measure = 未填整改措施
rectify-no-status = 未选择整改情况
rectify-bad-status = 整改情况“{ $value }”不是{ $words }之一
rectify-and = ，
rectify-overdue-heading = 逾期（{ $count }项）：
rectify-overdue = { $unit } { $line }：整改时限{ $deadline }已过，整改情况为“{ $status }”
rectify-sheet-summary = 整改情况汇总
rectify-sheet-open = 未办结事项
rectify-cannot-build = 无法生成整改情况汇总工作簿：{ $reason }
