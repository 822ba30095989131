## cmd：各命令输出的说明文字

# 单位、评分单位等的名称和编号。
cmd-named = { $name }（{ $id }）

## score

score-xlsx-needs-output = --format xlsx 生成的是 Excel 工作簿，请用 --output 指定文件名，例如 --output 结果.xlsx。

## check：每个文件一行

check-rubric = { $path }：考核细则 { $id }，共 { $units } 个考核对象、{ $sections } 项考核内容、{ $items } 个考核项目{ $groups ->
    [0] {""}
   *[other] 、{ $groups } 个分组指标
}{ $rules ->
    [0] {""}
   *[other] 、{ $rules } 条扣分（加分）标准
}
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
explain-score = 得分 = { $base } − { $deducted } + { $added } = { $raw }，限定在 0 至 { $max } 之间 → { $clamped }，{ $decimals ->
    [0] 四舍五入取整
   *[other] 四舍五入保留 { $decimals } 位小数
} → { $score }
explain-section = { $title }小计：{ $score } = { $parts }
explain-section-empty = { $title }小计：{ $score }（没有适用的项目）
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
explain-method-daily-record = 日常记录
explain-method-spot-check = 随机抽查
explain-method-special-inspection = 专项检查
explain-method-online-evaluation = 网上评测
explain-method-material-filing = 材料报备

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
