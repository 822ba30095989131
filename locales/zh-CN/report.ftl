## report：计分结果的表格、CSV 和 Excel 工作簿

# 文件在本次计算中的用途（check 的逐文件说明、工作簿“来源”表）。
report-role-rubric = 考核细则
report-role-annual = 年度考核得分
report-role-daily = 日常考核记录
report-role-published = 公布结果

# 结果表（屏幕表格和工作簿）的表头。
report-col-rank = 名次
report-col-unit = 单位
report-col-deducted = 核减
report-col-added = 核加
report-col-total = 总分
report-col-grade = 等次

# 等次一栏显示的内容：中文显示等次名称（$label），英文显示等次编号（$id）。
report-grade-cell = { $id ->
   *[other] { $label }
}

## 屏幕表格（--format table）

table-provisional = 【暂定结果】部分年度考核得分缺失，已按 0 分计算（--allow-missing）。
table-grade-vetoed = { $grade }（一票否决）
table-note-scaled = 含不涉及项目，{ $what }按适用项目得分折算为 { $scale } 分制。
table-note-veto = 一票否决：等次定为最低等次，名次仍按总分排列。
table-grade-demoted = { $grade }（名额调整）
report-col-scored = 基本得分
cell-not-counted = { $score }（不计）
note-gate-at-least = 加分部分“{ $section }”须基本得分（加分项、扣分项以外各部分之和）达到 { $gate } 分方计入总分，未达到的标“不计”。
note-gate-above = 加分部分“{ $section }”须基本得分（加分项、扣分项以外各部分之和）高于 { $gate } 分方计入总分，未达到的标“不计”。
note-veto-unit = { $unit }（原 { $before } 分）
note-veto-cap = 一票否决的单位总分不高于 { $cap } 分：{ $units }。
note-veto-total = 一票否决的单位总分按 { $total } 分计：{ $units }。
note-veto-last = 一票否决：等次定为最低等次，名次列于未被否决的单位之后。
note-quota-share = “{ $grade }”等次不超过参评单位的 { $share }%，即 { $count } 个；总分达到但超出名额的单位列入下一等次，标“名额调整”。
note-quota-count = “{ $grade }”等次不超过 { $count } 个；总分达到但超出名额的单位列入下一等次，标“名额调整”。
measure-between = { $measure }为 { $value }{ $unit }，在 { $v1 }{ $unit }（{ $s1 } 分）与 { $v2 }{ $unit }（{ $s2 } 分）之间按比例折算，得 { $base } 分
measure-at = { $measure }为 { $value }{ $unit }，按计分标尺 { $v1 }{ $unit } 一档计 { $s1 } 分
measure-missing = 缺少{ $measure }数据，暂按 0 分计算

## Excel 工作簿（--format xlsx）

xlsx-cannot-build = 无法生成 Excel 工作簿：{ $reason }

xlsx-sheet-items = 项目得分
xlsx-col-rubric = 考核细则
xlsx-col-unit-id = 单位编号
xlsx-col-section = 考核内容
xlsx-col-groups = 所属分组指标
xlsx-col-item-id = 项目编号
xlsx-col-item = 考核项目
xlsx-col-max = 分值
xlsx-col-base = 基础分
xlsx-col-score = 得分
xlsx-col-applies = 是否涉及
xlsx-applies = 是
xlsx-applies-zeroed = 是（此项不得分）
xlsx-col-measure = 指标数据
xlsx-not-applicable = 否（不涉及）

xlsx-sheet-provenance = 来源
xlsx-tool = 计分工具
xlsx-provisional = 暂定结果
xlsx-no = 否
xlsx-col-role = 用途
xlsx-col-path = 文件
xlsx-col-sha256 = SHA-256 校验值
table-not-applicable = 不涉及
table-note-provisional = 暂定：标注的单位有年度考核得分缺失，已按 0 分计算。缺失情况如下，请向相关评分单位催报：
table-missing-scorer = { "  " }{ $scorer }：{ $cells }
table-missing-unit = { $unit } { $items }
table-list-separator = 、
table-clause-separator = ；
report-col-converted = 折算分（{ $points } 分制）
table-col-previous = 上年总分（名次）
table-col-change = 变化
table-previous = { $total }（{ $rank }）
table-previous-vetoed = { $total }（{ $rank }，一票否决）
xlsx-previous-vetoed = （一票否决）
table-new-unit = 新增
table-col-self = 自评（差额）
table-self = { $total }（{ $difference }）

## rubric --format xlsx：细则工作簿（src/report/rubric_xlsx.rs）
rubric-xlsx-cannot-build = 无法生成细则工作簿：{ $reason }。
# 页脚：&P 为页码，&N 为总页数。
rubric-xlsx-page = 第 &P 页，共 &N 页

## 成绩工作簿（--format xlsx）：各表名称、标题、附注和打印

# 细则标题中称呼细则本身的词，给结果表起名和写标题时从标题末尾去掉；用 | 分隔。
# 两种语言的词都会去掉（标题用的是细则自己的语言）。
xlsx-rubric-words = 考核细则|细则|考核办法
# 每个细则的结果表名称：$name 是区分各细则的部分，如标题末尾括号中的“各县（市）”。
xlsx-sheet-rubric = { $name }考核结果
# 结果表的标题行：$head 是标题去掉括号部分和“考核细则”后的文字，$qualifier 是括号部分（含括号）。
xlsx-results-title = { $year }{ $head }考核结果{ $qualifier }
# 细则标题中没有年度时，写在标题前的年度。
xlsx-results-year = { $year }年度
# 打印时每页页脚（&P 为页码，&N 为总页数）。
xlsx-page-footer = &C第 &P 页，共 &N 页
xlsx-note-adjustments = 注：核减、核加是日常考核对各考核项目核减、核加的分值（已按上限计），已计入各部分得分和总分，不再另行加减。
xlsx-note-rescaled = 注：总分标 * 的单位有不涉及的考核项目，总分按适用项目得分折算为 { $scale } 分制。
xlsx-note-rescaled-scored = 注：总分标 * 的单位有不涉及的考核项目，基本得分按适用项目得分折算为 { $scale } 分制。
xlsx-note-vetoed = 注：等次标“一票否决”的单位被一票否决，等次定为最低等次，名次仍按总分排列。
xlsx-note-converted = 注：{ $label } = 总分 × { $points } ÷ { $scale }，四舍五入保留 { $decimals } 位小数。
xlsx-note-provisional-units = 注：总分标 † 的结果为暂定：该单位有年度考核得分缺失，已按 0 分计算（--allow-missing）。缺失情况如下，请向相关评分单位催报。
xlsx-note-missing = 注：{ $scorer }缺报：{ $cells }。
xlsx-note-lead = 注：{ $text }
xlsx-col-scorer-score = { $scorer }评分
xlsx-col-scorer-weight = { $scorer }权重
xlsx-col-max-deduct = 核减上限
xlsx-col-max-add = 核加上限
xlsx-cell-not-applicable = 不涉及
xlsx-provisional-yes = 是（{ $missing } 项年度考核得分缺失，已按 0 分计算）
xlsx-embedded-path = { $path }（内置细则）
xlsx-col-self = 自评总分
xlsx-col-self-difference = 自评差额
xlsx-col-previous-total = 上年总分
xlsx-col-previous-rank = 上年名次
xlsx-col-change = 总分变化
xlsx-col-rank-change = 名次变化（正数为上升）
## publish：一年的公文材料（考核结果通报、各单位整改台账、分析报告）

publish-done = 已写出 { $path }：{ $notice }、{ $markdown }、{ $analysis }，以及 { $feedback }/ 下 { $units } 个单位的整改台账。
publish-bad-output = “{ $path }”不能用作输出文件夹：请写出一个文件夹的名称，例如 -o 2020年度考核材料。
publish-exists = 输出文件夹“{ $path }”已经存在。请另选一个文件夹，或加 --force 用本次结果整体替换它。
publish-not-a-folder = “{ $path }”已经存在，且不是文件夹；--force 只能替换文件夹，请另选一个名称。
publish-output-holds-input = 输出文件夹“{ $path }”中有本次读入的文件“{ $input }”，替换该文件夹会删除原始数据：请另选一个文件夹。
publish-holds-working-folder = “{ $path }”包含当前工作文件夹，替换它会删除正在使用的文件夹：请另选一个文件夹。
publish-not-ours = “{ $path }”不是 assess publish 写出的文件夹（其中没有 { $marker } 文件），其中可能有您自己的文件，--force 不会替换它：请另选一个文件夹，或先自行删除它。
# 标题中的序号：一、二、三……
publish-ordinal = { $n ->
    [1] 一
    [2] 二
    [3] 三
    [4] 四
    [5] 五
    [6] 六
    [7] 七
    [8] 八
    [9] 九
    [10] 十
   *[other] { $n }
}
# 正文中的等次名称：中文用等次名称（$label），英文用等次编号（$id）。
publish-grade-name = { $id ->
   *[other] { $label }
}
publish-col-self = 自评总分
publish-col-self-diff = 自评差额
publish-col-previous = 上年总分（名次）
publish-col-change = 变化
publish-note-provisional = 暂定：该单位有年度考核得分缺失，已按 0 分计算。
publish-record = { $date } { $method }，{ $kind }{ $points }分{ $rule }
publish-record-note = { $date } { $method }，{ $kind }{ $points }分{ $rule }：{ $note }
publish-record-rule = （{ $rule }，{ $count }次）
publish-record-no-rule = { "" }
# 正文中的日期：2020年9月16日。
publish-date = { $iso ->
   *[other] { $year }年{ $month }月{ $day }日
}

# 考核结果通报（通报.docx、通报.md）
notice-cannot-build = 无法生成通报 Word 文档：{ $reason }
notice-title = 关于{ $subject }考核结果的通报
notice-title-provisional = 关于{ $subject }考核结果的通报（暂定）
notice-salutation = { $classes }：
notice-salutation-all = 各有关单位：
notice-rubric-name = 《{ $title }》
notice-rubric-separator = { "" }
notice-units-of-class = { $class }{ $count }个单位
notice-units = { $count }个单位
notice-provisional = 本通报为暂定结果：有{ $count }项年度考核得分缺失，暂按0分计算，待评分单位补报后更正。
notice-summary = 共{ $count }个单位参加考核，平均{ $average }分，最高{ $max }分，最低{ $min }分。
notice-grade-line = { $grade }等次（{ $count }个）：{ $units }。
notice-grade-none = { $grade }等次：无。
notice-unit = { $unit }
notice-unit-vetoed = { $unit }（一票否决）
notice-scaled = { $unit }的{ $items }不涉及，{ $what }按适用项目得分折算为{ $scale }分制：{ $score } × { $scale } ÷ { $max } = { $total }分。
notice-scaled-total = 总分
notice-scaled-scored = 基本得分
notice-demoted = 按照{ $grade }等次{ $rule }的规定，以下单位总分达到{ $grade }等次但超出名额，依次列入下一等次：{ $units }。
notice-demoted-unit = { $unit }（{ $grade }）
notice-quota-share = 不超过参评单位的{ $share }%（{ $count }个）
notice-quota-count = 不超过{ $count }个
notice-conversion = 按细则规定，各单位总分折算为“{ $label }”：折算分 = 总分 × { $points } ÷ { $scale }，四舍五入保留{ $decimals }位小数，列于表中。
notice-missing = 以下年度考核得分尚未报送，暂按0分计算：
notice-closing-lowest = 获评{ $grade }等次的{ $units }要认真查找问题、分析原因，限期整改到位。

# 各单位整改台账（反馈/单位名称.xlsx）
feedback-no-file-name = 无法为“{ $unit }”的整改台账生成文件名：请在考核细则中为该单位改用较短或较常规的名称（或编号）。
feedback-cannot-build = 无法生成{ $unit }的整改台账：{ $reason }
feedback-sheet-lost = 失分清单
feedback-sheet-records = 日常考核记录
feedback-unit = 单位
feedback-total = 总分
feedback-grade = 等次
feedback-rank = 名次
feedback-rank-of = 第{ $rank }名（共{ $count }个单位）
feedback-self-total = 自评总分
feedback-previous = 上年总分（名次）
feedback-col-number = 序号
feedback-col-indicator = 指标
feedback-col-max = 分值
feedback-col-score = 得分
feedback-col-lost = 失分
feedback-col-self = 自评得分
feedback-col-self-diff = 自评差额
feedback-col-reason = 失分原因
feedback-nothing-lost = 各项指标均得满分，无失分。
feedback-total-row = 合计
feedback-note-provisional = 暂定：有年度考核得分缺失，暂按0分计算，待评分单位补报后更正。
feedback-numbered = { $number }. { $text }
feedback-annual = { $scorer }评{ $score }分（满分{ $max }分{ $weight }）
feedback-weight = ，权重{ $weight }
feedback-no-weight = { "" }
feedback-annual-missing = { $scorer }未报送年度考核得分，暂按0分计算
feedback-with-note = { $text }：{ $note }
feedback-start-full = 本项仅日常考核，从满分{ $max }分起扣
feedback-start-zero = 本项为加分项，从0分起加，最高{ $max }分
feedback-rule-capped = 规则“{ $rule }”合计{ $sum }分，按该规则上限计{ $counted }分
feedback-deduct-capped = 核减合计{ $sum }分，按本项核减上限计{ $counted }分
feedback-add-capped = 核加合计{ $sum }分，按本项核加上限计{ $counted }分
feedback-floor = 扣完为止，本项得0分
feedback-floor-below = 扣分超过分值，按细则倒扣，最低{ $floor }分
feedback-zeroed = 此项不得分（见上列“此项不得分”记录），本项计0分
feedback-bonus = 加分
feedback-penalty = 扣分
feedback-note-veto-total = 一票否决：总分按细则由{ $before }分计为{ $total }分。
feedback-note-demoted = 等次名额：总分达到上一等次，但该等次名额已满，等次定为{ $grade }。
feedback-first-total = 复核前总分
feedback-note-review = 复核调整：{ $line }（{ $why }）。
feedback-review = 复核调整：{ $change }（{ $why }）
feedback-first-score = 复核前得分{ $first }分，复核后{ $score }分
feedback-note-gate = 加分部分“{ $section }”得{ $score }分，但基本得分{ $scored }分，未{ $condition }，不计入总分。
gate-at-least = 达到{ $gate }分
gate-above = 高于{ $gate }分
feedback-criteria = 评分标准：{ $criteria }
feedback-col-date = 日期
feedback-col-kind = 类型
feedback-col-method = 方式
feedback-col-rule = 扣分标准
feedback-col-count = 次数
feedback-col-points = 分值
feedback-col-note = 说明
feedback-no-records = 本年度无日常考核记录。

report-role-self = 自评
report-role-previous = 上年结果
report-role-measures = 指标数据
report-role-adjust = 复核调整
review-note = 复核调整：标注的单位经复核调整了 { $count } 项，逐项如下：
review-line = { $unit } { $change }（{ $why }）
review-change = { $line }：{ $what }
review-score = { $score }分
review-na = 不涉及
review-rescore = { $scorer }评分由{ $from }调整为{ $to }
review-rescore-supplied = { $scorer }补报评分{ $to }
review-withdraw = 撤销 { $date } { $kind } { $points } 分的记录
review-withdraw-mark = 撤销 { $date } “{ $kind }”的记录
review-why = { $reason }
review-why-document = { $reason }；{ $document }
xlsx-sheet-review = 复核调整
review-col-unit = 单位
review-col-line = 项目
review-col-action = 调整方式
review-col-scorer = 评分单位
review-col-date = 记录日期
review-col-kind = 记录类型
review-col-from = 调整前
review-col-to = 调整后
review-col-reason = 理由
review-col-document = 文号
review-col-source = 来源
review-action-rescore = 改分
review-action-withdraw = 撤销记录
review-missing = （缺报）
notice-review-annex-caption = 复核调整情况
notice-review-col-number = 序号
notice-review-col-change = 调整内容
publish-note-adjusted = 经复核调整的单位（{ $count } 项，见附件：复核调整情况）。
