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
table-note-scaled = 含不涉及项目，总分按适用项目得分折算为 { $scale } 分制。
table-note-veto = 一票否决：等次定为最低等次，名次仍按总分排列。

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
xlsx-not-applicable = 否（不涉及）

xlsx-sheet-provenance = 来源
xlsx-tool = 计分工具
xlsx-provisional = 暂定结果
xlsx-yes = 是
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
xlsx-note-vetoed = 注：等次标“一票否决”的单位被一票否决，等次定为最低等次，名次仍按总分排列。
xlsx-note-converted = 注：{ $label } = 总分 × { $points } ÷ { $scale }，四舍五入保留 { $decimals } 位小数。
xlsx-note-provisional-units = 注：总分标 † 的结果为暂定：该单位有年度考核得分缺失，已按 0 分计算（--allow-missing）。缺失情况如下，请向相关评分单位催报。
xlsx-note-missing = 注：{ $scorer }缺报：{ $cells }。
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
