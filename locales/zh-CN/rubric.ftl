## rubric

## 指标层级、扣分标准、简称（第二部分）
rubric-group-leaf-key = 含有下级指标的指标是分组，不能写“{ $key }”：请把它写到下级指标（末级指标）上。
rubric-group-empty = 分组没有下级指标：请至少写一个 [[…item]]，或删去 item。
rubric-group-max = 分组“{ $group }”写的分值为 { $written }，但其下级指标分值合计为 { $sum }：请修改 max 或下级指标的分值，使二者一致。
rubric-rule-kind = 扣分标准的类型“{ $value }”无法识别：请填写 "deduct"（扣分）或 "add"（加分）。
rubric-rule-points = 扣分标准每次的分值必须大于 0，现为 { $value }。
rubric-rule-max = 扣分标准的上限必须大于 0，现为 { $value }；不设上限请删去 max。
rubric-rule-twice = 同一指标中扣分标准编号“{ $id }”已在第 { $first } 行使用，请另起编号。
rubric-aliases-list = aliases 应写成简称列表，例如 aliases = ["和布克赛尔县", "和丰县"]。
rubric-alias-twice = 简称“{ $alias }”重复填写。
rubric-period-outside-year = 考核周期 { $start } 至 { $end } 与 { $year } 年没有重合：请改正 [period] 或 year。
rubric-subtotal = { $section } { $sum } 分
rubric-maxima-sum = 各末级指标分值合计为 { $sum }（{ $sections }），与满分 total = { $total } 不符：请调整指标分值或 total，使二者相等。
rubric-alias-taken = 简称“{ $alias }”已是“{ $unit }”（{ $at }）的编号、名称或简称：简称必须唯一，请删去或改写。
