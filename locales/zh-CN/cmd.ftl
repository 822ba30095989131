## cmd：各命令输出的说明文字

# 单位、评分单位等的名称和编号。
cmd-named = { $name }（{ $id }）

## score


## check：每个文件一行

check-rubric = { $path }：考核细则 { $id }，共 { $units } 个考核对象、{ $sections } 项考核内容、{ $items } 个考核项目{ $groups ->
    [0] {""}
   *[other] 、{ $groups } 个分组指标
}{ $rules ->
    [0] {""}
   *[other] 、{ $rules } 条扣分（加分）标准
}
check-cap-above-max = { $at }：项目 { $item }“{ $title }”的 { $key } 为 { $cap }，超过该项目分值 { $max }，这个上限不起作用（分值改过而上限未改？）。
check-table = { $path }：{ $role }，共 { $rows } 行，涉及 { $units } 个单位、{ $items } 个项目

## verify：与公布结果逐一核对

verify-mismatch = { $at }：{ $unit }{ $what }
verify-explain = 查看计算过程：{ $command }
verify-total = 总分不一致：公布 { $published }，重算 { $recomputed }，相差 { $difference }
verify-grade = 等次不一致：公布“{ $published }”{ $note }，重算为 { $label }（{ $id }，总分 { $total }）
verify-grade-vetoed = 等次不一致：公布“{ $published }”{ $note }，重算为 { $label }（{ $id }，总分 { $total }，一票否决）
verify-grade-unknown = （不是本考核细则的等次）
verify-rank = 名次不一致：公布第 { $published } 名，重算为第 { $recomputed } 名
verify-unpublished = 未公布：该单位在考核细则 { $rubric } 的考核对象名单上，重算总分 { $total }
verify-summary = { $mismatches ->
    [0] 共核对 { $checked } 个单位，全部一致。
   *[other] 共核对 { $checked } 个单位，发现 { $mismatches } 处不一致。
}
verify-summary-review = 共核对 { $checked } 个单位：{ $review } 处为复核后变动（公布的是复核前的结果，复核调整说明了差异）{ $mismatches ->
    [0] ，其余全部一致。
   *[other] ，另有 { $mismatches } 处不一致，复核调整不能说明。
}
verify-mismatch-review = { $at }：{ $unit }复核后变动：{ $what }

## explain：逐步说明得分的来历

explain-unknown-unit = 未找到单位“{ $unit }”{ $hint }，请填写考核细则名单上某个单位的编号或名称。
explain-unknown-item = 考核细则 { $rubric } 中没有项目“{ $item }”{ $hint }，请填写项目的编号或名称。
explain-unit = 单位：{ $unit }    { $at }
explain-rubric = 考核细则：{ $id } { $title }，满分 { $total } 分
explain-provisional = 【暂定结果】缺失的年度考核得分按 0 分计算（--allow-missing）。
explain-item = { $id } { $title }（满分 { $max } 分）
explain-not-applicable = 不涉及（各评分单位均填 n/a），不计入得分和满分：{ $at }
explain-list-separator = 、
explain-annual = 年度考核得分：{ $scorer }评 { $score } 分，权重 { $weight }    { $at }
explain-annual-missing = 年度考核得分：{ $scorer }未报送，按 0 分计算（--allow-missing），权重 { $weight }
explain-base = 基础分 = { $terms } = { $base }
explain-base-full = 基础分 = { $base }（扣分制，从满分起扣）
explain-base-zero = 基础分 = { $base }（加分项，从 0 分起加）
explain-daily = 日常考核：{ $date } { $method } { $kind } { $points } 分{ $rule }    { $at }
explain-daily-note = 日常考核：{ $date } { $method } { $kind } { $points } 分{ $rule }（{ $note }）    { $at }
explain-deducted = 核减 { $after }
explain-deducted-capped = 核减 { $sum }（上限 { $cap }）→ { $after }
explain-added = 核加 { $after }
explain-added-capped = 核加 { $sum }（上限 { $cap }）→ { $after }
explain-score = 得分 = { $base } − { $deducted } + { $added } = { $raw }，限定在 { $floor } 至 { $max } 之间 → { $clamped }，{ $decimals ->
    [0] 四舍五入取整
   *[other] 四舍五入保留 { $decimals } 位小数
} → { $score }
explain-score-zeroed = 得分 = { $score }（此项不得分，见上列记录）
explain-score-penalty = 扣分 = −min({ $max }, { $deducted })，{ $decimals ->
    [0] 四舍五入取整
   *[other] 四舍五入保留 { $decimals } 位小数
} → { $score }
explain-not-applicable-class = 不涉及：按考核细则，本项不适用于该单位（类别限定）    { $at }
explain-not-applicable-measure = 不涉及：该单位的指标数据填报为不涉及    { $at }
explain-counts-full = 不涉及的按满分计：计入 { $counts } 分
explain-measure = 指标数据：{ $measure } { $value }{ $unit }    { $at }
explain-measure-missing = 指标数据：{ $measure } 缺失，按 0 分计算（--allow-missing）
explain-base-measure-missing = 基础分 = { $base }
explain-base-linear = 基础分 = { $s1 } + ({ $value } − { $v1 }) × ({ $s2 } − { $s1 }) ÷ ({ $v2 } − { $v1 }) = { $base }（按计分标尺在 { $v1 } 与 { $v2 } 之间折算）
explain-base-step = 基础分 = { $s1 }（阶梯计分：{ $value }{ $unit } 对应 { $v1 }{ $unit } 一档）
explain-base-end = 基础分 = { $s1 }（{ $value }{ $unit } 不在计分标尺两点之间，按端点 { $v1 }{ $unit } 计）
explain-base-inexact = （基础分为分数，此处显示保留 6 位小数；得分按精确值计算，只在最后四舍五入一次）
explain-daily-zero = 此项不得分：{ $date } { $method }    { $at }
explain-daily-zero-note = 此项不得分：{ $date } { $method }（{ $note }）    { $at }
explain-review = 复核调整：{ $change }（{ $why }）    { $at }
explain-review-withdraw = 复核调整：{ $change }（{ $record }；{ $why }）    { $at }
explain-section = { $title }小计：{ $score } = { $parts }
explain-section-empty = { $title }小计：{ $score }（没有适用的项目）
explain-section-scaled = { $title }小计：({ $parts }) × { $max } ÷ { $parts_max } → { $score }（不涉及项目的分值由同级适用项目分摊）
explain-section-bonus = { $title }（加分项，最多 { $max } 分）：min({ $max }, { $parts }) → { $score }
explain-section-penalty = { $title }（扣分项，最多扣 { $max } 分）：{ $parts } → { $score }
explain-gate-open = 基本得分 { $scored } ≥ { $gate }，加分计入总分
explain-gate-open-strict = 基本得分 { $scored } > { $gate }，加分计入总分
explain-gate-shut = 基本得分 { $scored } 未达到 { $gate }，加分不计入总分
explain-gate-shut-strict = 基本得分 { $scored } 未高于 { $gate }，加分不计入总分
explain-group-scaled = { $id } { $title }：({ $parts }) × { $max } ÷ { $parts_max } → { $score }（不涉及项目的分值由同组适用项目分摊）
explain-scored = 基本得分 = { $parts } = { $total }
explain-scored-scaled = 基本得分 = { $score } × { $scale } ÷ { $max } → { $total }（含不涉及项目，按适用项目满分折算为 { $scale } 分制）
explain-total-parts = 总分 = { $scored } + { $bonus } + ({ $penalty }) = { $raw }，限定在 0 至 { $max_total } 之间 → { $total }
explain-total-vetoed = 一票否决：总分按考核细则由 { $before } 计为 { $total }
explain-grade-demoted = 等次：{ $label }（{ $id }），总分 { $total } 达到“{ $from }”（≥ { $min }），但该等次名额 { $limit } 个已满，列入下一等次（名额调整）
explain-rank-vetoed-last = 名次：第 { $rank } 名（一票否决，排在 { $clear } 个未被否决的单位之后{ $above ->
    [0] ）
   *[other] ，被否决的单位中总分高于本单位的有 { $above } 个）
}
explain-total = 总分 = { $parts } = { $total }
explain-total-scaled = 总分 = { $score } × { $scale } ÷ { $max } → { $total }（含不涉及项目，按适用项目满分折算为 { $scale } 分制）
explain-grade = 等次：{ $label }（{ $id }），总分 { $total } ≥ { $min }
explain-grade-vetoed = 等次：{ $label }（{ $id }），一票否决，定为最低等次：{ $record }    { $at }
explain-veto-record = { $date } { $method }
explain-veto-record-note = { $date } { $method }（{ $note }）
explain-rank = { $above ->
    [0] 名次：第 { $rank } 名（本考核细则内没有总分更高的单位）
   *[other] 名次：第 { $rank } 名（本考核细则内总分高于本单位的有 { $above } 个单位）
}
explain-rank-dense = { $above ->
    [0] 名次：第 { $rank } 名（并列不占位排名，本考核细则内没有更高的总分）
   *[other] 名次：第 { $rank } 名（并列不占位排名，本考核细则内比本单位高的总分有 { $above } 个）
}

# 日常考核记录的类型和方式。
explain-kind-deduct = 核减
explain-kind-add = 核加
explain-kind-veto = 一票否决
explain-kind-zero = 此项不得分
explain-method-daily-record = 日常记录
explain-method-spot-check = 随机抽查
explain-method-special-inspection = 专项检查
explain-method-online-evaluation = 网上评测
explain-method-material-filing = 材料报备
method-as-written = { $label }

## rubric：列出考核细则

rubric-unknown-id = 没有编号为“{ $id }”的考核细则{ $hint }；已载入的考核细则：{ $ids }。
rubric-header = 编号 { $id }，{ $year } 年度，满分 { $total } 分，保留 { $decimals } 位小数，{ $ranking }，考核周期 { $start } 至 { $end }
rubric-ranking-competition = 并列占位排名（如 1、2、2、4）
rubric-ranking-dense = 并列不占位排名（如 1、2、2、3）
rubric-grade = { $label }（{ $id }）≥ { $min } 分
rubric-grades = 等次：{ $grades }
rubric-scorers = 评分单位：{ $scorers }
rubric-section = { $title }（{ $points } 分）
rubric-item = { $id } { $title }  { $points } 分  { $details }
rubric-daily-only-zero = 仅日常考核，从 0 分起加（加分项）
rubric-daily-only-full = 仅日常考核，从满分起扣（扣分制）
rubric-max-deduct = 扣分上限 { $cap } 分
rubric-max-add = 加分上限 { $cap } 分
rubric-criteria = 评分标准：{ $criteria }
rubric-units = 考核对象（{ $count } 个）：{ $units }
rubric-units-heading = 考核对象
rubric-list-separator = ，
rubric-clause-separator = ；
rubric-enum-separator = 、
rubric-col-id = 编号
rubric-col-item = 考核项目
rubric-col-points = 分值
rubric-col-scored-by = 评分方式
rubric-col-caps = 扣加分上限
rubric-col-criteria = 评分标准
rubric-col-unit = 单位

## template：待填写的空表

# 模板中的表头和单元格：中文写名称（$name），英文写编号（$id），两者读入时都能识别。
template-name = { $id ->
   *[other] { $name }
}


## rubric new
rubric-new-from = “{ $from }”既不是内置细则的编号，也不是存在的文件：内置细则有 { $ids }，或请填写细则文件的路径。
rubric-new-year = 年度 { $year } 不是有效的年份，请填写 1900 至 9999 之间的年份。
rubric-group = { $id } { $title }  { $points } 分
rubric-unit-aliases = { $name }（{ $id }；简称 { $aliases }）
rubric-rule-deduct = 扣分
rubric-rule-add = 加分
rubric-rule = { $kind }标准 { $id }：{ $text }（每次 { $points } 分）
rubric-rule-capped = { $kind }标准 { $id }：{ $text }（每次 { $points } 分，最多 { $max } 分）
rubric-col-aliases = 简称
rubric-toml-several = 已载入多套考核细则（{ $ids }），TOML 只能一套一个文件：请用 --id 指定一套，或用 --output 指定一个已有的文件夹，每套细则写成“编号.toml”。
explain-rule = { $kind }标准 { $id }（{ $text }）：合计 { $sum } → 计 { $counted }
explain-rule-capped = { $kind }标准 { $id }（{ $text }）：合计 { $sum }（本条上限 { $cap }）→ 计 { $counted }
explain-group = { $id } { $title }：{ $score } = { $parts }
explain-group-na = { $id } { $title }：不涉及
explain-daily-rule = （按{ $kind }标准 { $rule } 计 { $count } 次）

## template：年度评分表、日常考核记录表和公布结果表的工作簿（--format xlsx），宽表

template-sheet-annual = 年度考核得分
template-sheet-daily = 日常考核记录
template-sheet-published = 公布结果
template-sheet-measures = 指标数据
template-measures-title = { $title }指标数据填报表
template-measure-heading = { $title }（{ $unit }）
template-measure-input = 填写本单位的{ $title }（单位：{ $unit }），如 98.5 或 98.5%；不涉及的填“{ $na }”。
template-measure-error = { $title }应填写数字（如 98.5 或 98.5%），或“{ $na }”。
template-no-measures = 所选考核细则没有需要填报的指标数据（细则中没有 [measures]）。
template-help-measures-intro = 本表填报各单位的指标数据（好评率、办结率等），考核时按细则的计分标尺折算有关项目得分。
template-help-measures-fill = 每个单位一行、每项指标一列，填写数值，百分比可写 98.5 或 98.5%；本单位不涉及的填“{ $na }”。灰色锁定的单元格表示按细则该单位没有用到此项指标的考核项目。
template-help-check-measures = 交回前可用 assess check --measures 文件名.xlsx 检查有无漏填、错填。
template-help-measures-list = 各项指标及其计分标尺
template-ref-measure = 指标
template-ref-measure-unit = 单位
template-ref-scale = 计分标尺
template-ref-scale-point = { $value }{ $unit } → { $points } 分
template-ref-scale-text = { $points }（{ $how }）
template-ref-linear = 两点之间按比例折算
template-ref-step = 阶梯计分，按所在档次计
template-sheet-adjust = 复核调整
template-adjust-item-input = 改分：填写末级指标；撤销：填写该条日常考核记录所记的项目（一票否决记录没有项目的留空）。
template-action-input = 改分（调整某评分单位的年度得分）或撤销（撤销一条日常考核记录）。
template-scorer-input = 改分时填写评分单位（该项目只有一个评分单位的可不填）。
template-adjust-score-input = 改分时填写调整后的得分（不超过该项目分值），不涉及的填“{ $na }”。
template-adjust-score-error = 调整后的得分应为不小于 0 的数，或“{ $na }”。
template-help-adjust-intro = 本表记录公示后经复核作出的调整，每行一项，计分时用 --adjust 读取；原评分表和日常考核记录不必改动，调整的理由和文号都保留在结果中。
template-help-adjust-rescore = 改分：填写单位、项目、评分单位和调整后的得分（不涉及的填“{ $na }”），原来缺报的也可以这样补报。
template-help-adjust-withdraw = 撤销：填写单位、该条记录的项目（一票否决记录没有项目的留空）、日期和类型；同一天同类记录不止一条的，再填分值或规则加以区分。
template-help-adjust-reason = 每行都须填写理由；有复核文件的，在“文号”栏填写文号。
template-help-check-adjust = 计分前可用 assess check --adjust 文件名.xlsx（同时给出评分表和日常考核记录）检查每项调整能否对上。
# 读入时跳过名为“填表说明”的工作表，不要改这个名称。
template-sheet-instructions = 填表说明
template-col-no = 序号
template-col-total = 合计
template-col-max = 满分
# 宽表的项目列标题：编号、名称和满分，读入时据此核对项目和满分。
template-item-heading = { $id } { $title }（{ $max }分）
template-wide-title = { $title }评分表
# 读入时据“评分单位：名称”确定评分单位，保留冒号前的文字；写名称（$name），不写编号（$id）。
template-wide-scorer = 评分单位：{ $id ->
   *[other] { $name }
}
template-date-line = 填表日期：　　年　　月　　日
template-footer-scorer = 评分人：
template-footer-checker = 审核人：
template-footer-date = 日期：
template-print-footer = &C第 &P 页，共 &N 页
template-na-word = 不涉及
template-score-input-title = { $id }（满分 { $max } 分）
template-score-input = { $title }：填写 0 至 { $max } 之间的分数，可带小数；本项不适用于该单位的，填“{ $na }”。
template-score-error-title = 分数不符合要求
template-score-error = { $title }满分 { $max } 分，只能填写 0 至 { $max } 之间的数，或“{ $na }”。
template-date-input-title = 日期
template-date-input = 发现问题的日期，须在考核周期 { $start } 至 { $end } 之内。
template-date-error-title = 日期不在考核周期内
template-date-error = 请填写考核周期 { $start } 至 { $end } 之内的日期（年-月-日）。
template-unit-input = 从下拉列表中选择被考核单位，也可填写单位的编号或简称。
template-item-input = 从下拉列表中选择考核项目；一票否决的记录可不填。
template-kind-input = 核减、核加、一票否决或此项不得分。
template-points-input = 本条记录扣减或加上的分值，须大于 0；填了规则的可不填（按每次分值乘以次数计算），一票否决不填。
template-method-input = 考核方式：日常记录、随机抽查、专项检查、网上评测或材料报备。
template-rule-input = 扣分标准的编号（见“填表说明”工作表），须是本条记录所属项目的标准；不按标准计分的不填。
template-count-input = 按标准计分的次数（或百分点数），不填按 1 次计算；不按标准计分的不填。
template-list-error-title = 不在列表中
template-list-error = 请从下拉列表中选择。
template-list-warning-title = 不在列表中
template-list-warning = 所填内容不在下拉列表中。填的是编号、名称或简称的，可以继续；否则请从列表中选择。
template-positive-error-title = 须大于 0
template-positive-error = 请填写大于 0 的数。
template-total-input = 公布的总分，0 至 { $max } 分。
template-total-error = 总分须在 0 至 { $max } 分之间。
template-grade-input = 公布的等次，从下拉列表中选择。
template-rank-input = 公布的名次，1 至 { $count } 之间的整数。
template-rank-error-title = 名次不符合要求
template-rank-error = 名次须是 1 至 { $count } 之间的整数。
template-help-title = { $title }填表说明
template-help-line = { $n }. { $text }
template-help-annual-intro = 本工作簿由 assess 按考核细则生成，供评分单位填报年度考核得分。
template-help-annual-fill = 在浅黄色单元格中填写得分：0 至该项满分之间的数，可带小数；该项不适用于本单位的，填“{ $na }”。单元格已设置数据有效性，超出范围的数无法录入。
template-help-wide-scorer = 每个工作表是一个评分单位的评分表：每个单位一行，每个考核项目一列，列标题注明该项满分。表头上方“评分单位：”一行是读入时确定评分单位的依据，请勿改动。
template-help-wide-total = “合计”列是公式，自动求和，只作核对，无需填写。
template-help-long-rows = 每行是一个评分单位对一个单位一个考核项目的评分；一个项目由几个评分单位共同评分的，各自填写本单位那一行。
template-help-note = “备注”列可填写扣分原因等说明，随得分一并读入。
template-help-locked = 单位、项目和表头等灰色单元格已锁定，请勿增删列、改动表头或合并单元格。工作表保护未设密码，确需调整的，可在“审阅”菜单中撤销工作表保护。
template-help-save = 填好后按 .xlsx 格式保存交回，不要另存为其他格式；本“填表说明”工作表不读入。
template-help-check-annual = 交回前可用 assess check --annual 文件名.xlsx 检查有无漏填、错填。
template-help-check-daily = 可随时用 assess check --daily 文件名.xlsx 检查所填记录。
template-help-daily-intro = 本工作簿用于登记日常考核中发现的问题（核减、核加、一票否决），年底据此调整各单位相应项目的得分。
template-help-daily-fill = 每条记录填一行，填在浅黄色单元格中。日期须在考核周期 { $start } 至 { $end } 之内；单位、项目、类型、方式和规则可从下拉列表中选择。
template-help-daily-kind = 类型为核减（扣分）、核加（加分）或一票否决；一票否决的记录，项目和分值可不填。
template-help-daily-rule = 按扣分标准计分的，在“规则”列填写标准编号、在“次数”列填写次数（不填按 1 次计算），分值可不填，按每次分值乘以次数计算；不按标准计分的，填写分值，次数不填。
template-help-daily-lists = 下拉列表的内容和各项目的扣分标准列在下方。列表之外的单位编号、简称和项目编号也能读入，录入时会提示确认。
template-help-items = 本表考核项目及评分标准
template-help-rules = 扣分标准
template-ref-id = 编号
template-ref-item = 指标
template-ref-criteria = 评分标准
template-ref-rule-text = 标准
template-ref-points = 每次分值
template-ref-cap = 上限
template-ref-weight = { $name } ×{ $weight }
template-ref-separator = ；
template-annual-only = { $flag } 只用于年度考核得分模板（template annual）。
template-unknown-scorer = 所选细则中没有评分单位“{ $scorer }”{ $hint }；评分单位有：{ $scorers }。
template-scorer-scores-nothing = 评分单位“{ $scorer }”在所选细则中没有需要评分的项目。
template-nothing-to-score = 所选细则中没有由评分单位评分的项目（各项目只按日常考核计分），无法生成评分表。
template-wide-csv-one = 宽表 CSV 只能容纳一套细则的一个评分单位，所选范围共有 { $count } 个：请用 --id 和 --scorer 指定其中一个（{ $choices }），或改为生成工作簿（--format xlsx），每个评分单位一个工作表。
rubric-conversion = 折算：{ $label }，总分按 { $total } 分折合为 { $points } 分
verify-section = { $section }得分不一致：公布 { $published }，重算 { $recomputed }

## verify: published tables as printed
## 只有公布表、没有年度考核得分和日常考核记录时，核对公布表本身；Word 通报中的表格。

verify-alone-intro = 只核对了公布表本身：没有提供年度考核得分和日常考核记录，各单位的得分没有重新计算。
verify-alone-rubric = 考核细则 { $rubric }（公布表中 { $units } 个单位）：
verify-alone-rubric-empty = 考核细则 { $rubric }：公布表中没有该细则的单位。
verify-alone-sums = 各部分之和：核对 { $checked } 个单位{ $unchecked }
verify-alone-sums-unchecked = ；未核对 { $count } 个：{ $units }
verify-alone-unchecked-rescaled = { $unit }（总分带 *，按适用项目折算，表中没有基本得分）
verify-alone-unchecked-empty = { $unit }（“{ $section }”未填）
verify-alone-sums-no-columns = 各部分之和：表中没有各考核内容的得分列，未核对
verify-alone-sums-missing = 各部分之和：表中没有 { $sections } 列，未核对
verify-alone-grades = 等次：按考核细则的等次分数线核对 { $checked } 个单位
verify-alone-grades-none = 等次：表中没有等次列，未核对
verify-alone-ranks = 名次：核对 { $checked } 个单位，{ $fits ->
    [both] 符合细则规定的{ $ranking }；本表中两种排名结果相同
    [rubric] 符合细则规定的{ $ranking }
    [other] 符合{ $other }，而细则规定的是{ $ranking }
   *[neither] 既不符合竞争排名，也不符合密集排名
}
verify-alone-ranks-none = 名次：表中没有名次列，未核对
verify-ranking = { $ranking ->
    [dense] 密集排名（1、2、2、3）
   *[competition] 竞争排名（1、2、2、4）
}
verify-alone-sum = 各部分之和与总分不符：{ $terms } = { $sum }，公布总分 { $total }
verify-alone-sum-ruled = 各部分之和与总分不符：{ $terms } = { $sum }{ $rule }，应为 { $expected }，公布总分 { $total }
verify-alone-scored-sum = 基本得分与各考核内容之和不符：{ $terms } = { $sum }，公布基本得分 { $scored }
verify-alone-term = { $section } { $value }
verify-alone-terms-one = { $term }
verify-alone-terms-more = { $terms } + { $term }
verify-alone-rule-ceiling = ，总分上限 { $max } 分
verify-alone-rule-floor = ，总分不低于 0 分
verify-alone-rule-veto-cap = ，一票否决的单位总分不高于 { $cap } 分
verify-alone-rule-veto-total = ，一票否决的单位总分按 { $total } 分计
verify-alone-grade = 等次与总分不符：总分 { $total } 应为“{ $expected }”（{ $min } 分以上），公布“{ $published }”
verify-alone-grade-vetoed = 等次与一票否决不符：一票否决的单位应为最低等次“{ $expected }”，公布“{ $published }”
verify-alone-grade-demoted = 等次与名额调整不符：总分 { $total } 够“{ $band }”，名额调整后应低于此，公布“{ $published }”
verify-alone-grade-unknown = 等次“{ $published }”不是考核细则 { $rubric } 的等次（{ $grades }）
verify-alone-rank = 名次与总分不符：公布第 { $published } 名，按{ $ranking }应为第 { $expected } 名
verify-alone-twice = 重复列出：该单位已见于 { $first }
verify-alone-unpublished = 未列入公布表：该单位在考核细则 { $rubric } 的考核对象名单上
verify-table-not-results = { $table }：未读取（不是结果表：没有单位列）
verify-table-no-total = { $table }：未读取（有单位列，但没有总分列，不是结果表）
verify-no-results-table = 没有可核对的结果表：{ $tables } 中都没有单位列（单位、单位名称、名称、地市名称、县（市）、部门等）。
verify-heading-points = 列名“{ $header }”写的是 { $written } 分，而考核细则 { $rubric } 中“{ $section }”为 { $max } 分，请核对所用的考核细则。
docx-table = 表{ $number }
docx-damaged = 无法读取该 Word 文档（{ $detail }），文件可能已损坏或不完整，请用 Word 或 WPS 打开后重新保存，或重新复制一份。
docx-crc = Word 文档中某一部分与文件记录的校验值不符：文件在压缩包内被改动过或已损坏，请用 Word 或 WPS 打开后重新保存。
docx-part-too-large = Word 文档的组成部分 { $part } 解压后有 { $mib } MiB，超过可读取的 { $max } MiB；通报不会这么大，请检查文件。
docx-entity = 该 Word 文档使用了 XML 实体“&{ $name };”，文字处理软件不会写出这种内容，请用 Word 或 WPS 打开后重新保存。
docx-text-too-long = 表格中一行的文字超过 { $mib } MiB，不再读取该文档。
docx-part-missing = Word 文档缺少组成部分 { $part }，文件已损坏，请用 Word 或 WPS 打开后重新保存。
docx-not-word = 这是一个压缩文件，但不是 Word 文档（.docx）。
docx-too-deep = 表格嵌套超过 { $max } 层，不再读取该文档。
docx-too-wide = 表格一行超过 { $max } 列，不再读取该文档。
docx-too-long = 表格超过 { $max } 行，不再读取该文档。
docx-too-many-cells = 文档中的表格共超过 { $max } 个单元格，不再读取；通报不会有这么多表格内容，请检查文件。
docx-old-format = 不能读取 Word 97-2003 文档（.doc）或 WPS 文字文档（.wps），请用 Word 或 WPS 打开后另存为 Word 文档（.docx）。
