## 考核细则：读取考核细则文件（src/rubric/）

rubric-not-utf8 = 考核细则文件不是 UTF-8 编码，请以 UTF-8 编码另存（TOML 文件一律使用 UTF-8 编码）。

## 同时载入的各考核细则之间
rubric-id-taken = 考核细则编号“{ $id }”已被 { $first } 使用，各考核细则的编号不得重复。
rubric-unit-taken = { $what }“{ $value }”已列入 { $first } 的考核对象名单，每个考核对象只能属于一个考核细则。
rubric-unit-id = 考核对象编号
rubric-unit-name = 考核对象名称

## 键所在的位置（未知的键），缺少键的表（缺少的键）
rubric-unknown-key = { $place }中有无法识别的键“{ $key }”{ $hint }，此处允许的键为：{ $allowed }。
rubric-key-missing = { $place }缺少“{ $key }”，请添加“{ $key } = …”。
rubric-place-rubric = 考核细则
rubric-place-period = 考核周期（[period]）
rubric-place-grade = 等次（[[grade]]）
rubric-place-unit = 考核对象（[[unit]]）
rubric-place-section = 考核内容（[[section]]）
rubric-place-item = 考核项目（[[section.item]]）
rubric-this-grade = 该等次（[[grade]]）
rubric-this-unit = 该考核对象（[[unit]]）
rubric-this-section = 该考核内容（[[section]]）
rubric-this-item = 该考核项目（[[section.item]]）
# 逐项列举的键或应有的内容。

## 值的类型不对
rubric-empty-text = “{ $key }”为空，请填写内容。
rubric-not-text = “{ $key }”应为带引号的文本，不能是{ $type }。
rubric-not-decimal = “{ $key }”不是有效的数值：{ $reason }。
rubric-number-too-large = 数值过大
rubric-number-out-of-range = 数值超出可表示的范围
rubric-number-empty = 内容为空
rubric-number-not-plain = 请写成 27.5、0.25 这样的普通小数（由数字组成，可带正负号和小数部分；不用科学计数法，不加千位分隔符，不用全角数字）
rubric-number-too-many-digits = 位数超过了精确小数所能容纳的 28 位
rubric-number-wrong-type = 填写的是{ $type }，请写成 8、0.5 或 "0.35" 这样的数值
rubric-not-integer = “{ $key }”应为 { $min } 至 { $max } 之间的整数。
rubric-not-date = “{ $key }”应为日期，如 2020-01-01。
rubric-not-table-in-array = 每个“{ $key }”都应为表（[[{ $key }]]），不能是{ $type }。
rubric-not-table-array = “{ $key }”应写成 [[{ $key }]] 表，不能是{ $type }。
rubric-not-table = “{ $key }”应为表，不能是{ $type }。
# TOML 值的类型。
rubric-type = { $type ->
    [string] 文本
    [integer] 整数
    [float] 小数
    [boolean] 布尔值
    [datetime] 日期时间
    [array] 数组
    [table] 表
   *[other] { $type }
}

## 考核细则本身的取值
rubric-id-invalid = 考核细则编号“{ $id }”只能由小写字母 a-z、数字 0-9、“_”和“-”组成。
rubric-ranking-unknown = 排名方式“{ $value }”无法识别，请填写“competition”（名次如 1、2、2、4）或“dense”（名次如 1、2、2、3）。
rubric-not-positive = “{ $key }”应大于 0，现为 { $value }。
rubric-too-many-places = “{ $key } = { $value }”的小数位数超过了 decimals = { $places } 的规定。
rubric-sum-too-large = 过大的数值
rubric-period-reversed = 考核周期的开始日期 { $start } 晚于结束日期 { $end }，请对调“start”和“end”。

## 评分单位、等次、考核对象、考核内容、项目
rubric-scorer-same-name = 评分单位“{ $first }”和“{ $id }”的名称同为“{ $name }”，请分别命名。
rubric-scorers-empty = 评分单位（[scorers]）为空，请至少声明一个，如 office = "行政公署办公室考核组"。
rubric-grade-twice = 等次编号或名称“{ $value }”重复使用，各等次必须能够区分。
rubric-grade-negative = 等次的下限（min）不能为负数。
rubric-grade-above-total = 第一个等次的下限 { $min } 高于满分 total = { $total }，任何考核对象都无法达到。
rubric-grades-not-descending = 各等次的下限应严格递减（最高等次在前），但 { $min } 排在了 { $previous } 之后。
rubric-no-grade = 请至少声明一个等次（[[grade]]）。
rubric-last-grade-not-zero = 最后一个等次的下限应为 0（现为 { $min }），以保证每个总分都能评定等次。
rubric-no-unit = 考核对象名单为空，请至少声明一个考核对象（[[unit]]）。
rubric-section-id-taken = 考核内容编号“{ $id }”已在第 { $first } 行使用，编号不得重复。
rubric-item-taken = { $what }“{ $value }”已在第 { $first } 行使用，各项目必须能够区分。
rubric-item-id = 项目编号
rubric-item-title = 项目名称
rubric-cap-negative = { $key ->
    [max_deduct] 扣分上限
    [max_add] 加分上限
   *[other] { "" }
}“{ $key }”不能为负数。
rubric-start-with-scorers = “start”只适用于没有“scorers”的项目（有评分单位的项目，基础分来自评分单位的评分），请删除两者之一。
rubric-start-unknown = 计分起点“{ $value }”无法识别，请填写“zero”（加分项，从 0 分起算）或“full”（扣分制，从满分起扣）。
rubric-scorer-undeclared = 评分单位“{ $scorer }”{ $hint }未在 [scorers] 中声明。
rubric-weight-not-positive = 评分单位“{ $scorer }”的权重应大于 0。
rubric-weights-empty = “scorers”为空，请至少填写一个评分单位；如该项目仅按日常考核记录计分，请删除此键。
rubric-weights-sum = 各评分单位的权重合计为 { $sum }，应恰好为 1。
rubric-weights-too-much = 过大的数值

## TOML 格式错误：解析器的英文说明按英文目录中 rubric-toml-p-…（问题）和
## rubric-toml-e-…（应有的内容）的原文对应到这里的中文。
rubric-toml-syntax = 不符合 TOML 格式：{ $reason }。
rubric-toml-expected = { $problem }，此处应为：{ $expected }
rubric-toml-expected-nothing = { $problem }，其后不应再有其他字符
rubric-toml-literal = “{ $text }”
rubric-toml-p-duplicate-key = 键重复
rubric-toml-p-recursion-limit = 嵌套层数过多
rubric-toml-p-max-recursion = 嵌套层数过多，无法继续解析
rubric-toml-p-underscore = “_”只能写在两个数字之间
rubric-toml-p-cr = 回车符后必须紧跟换行符
rubric-toml-p-extra-equals = 多了一个“=”
rubric-toml-p-extra-assignment = 键值对之间多了赋值
rubric-toml-p-extra-comma-array = 数组中多了逗号
rubric-toml-p-extra-comma-table = 内联表中多了逗号
rubric-toml-p-signed-radix = 带进制前缀的整数不能带正负号
rubric-toml-p-comment-char = 注释中有不允许的字符
rubric-toml-p-inline-element = 内联表的元素有误
rubric-toml-p-key-value = 键值对有误
rubric-toml-p-unquoted-key = 不带引号的键有误
rubric-toml-p-value = 值有误
rubric-toml-p-key-no-value = 键后面没有值
rubric-toml-p-key-ml-basic = 键不能是多行基本字符串
rubric-toml-p-key-ml-literal = 键不能是多行字面量字符串
rubric-toml-p-array-opening = 缺少数组的开头
rubric-toml-p-missing-assignment = 键值对之间缺少赋值
rubric-toml-p-array-comma = 数组元素之间缺少逗号
rubric-toml-p-table-comma = 键值对之间缺少逗号
rubric-toml-p-comment-start = 缺少注释的开头
rubric-toml-p-escape = 转义符后缺少内容
rubric-toml-p-inline-opening = 缺少内联表的开头
rubric-toml-p-inline-key = 内联表的元素缺少键
rubric-toml-p-opening-quote = 缺少前引号
rubric-toml-p-table-open = 缺少表头的开头
rubric-toml-p-value-for-key = 键缺少值
rubric-toml-p-missing-value = 缺少值
rubric-toml-p-radix-case = 进制前缀必须小写
rubric-toml-p-integer-prefix = 整数的进制前缀多余
rubric-toml-p-sign = 数值的正负号多余
rubric-toml-p-unquoted = 文本值必须加引号
rubric-toml-p-unicode-digits = Unicode 编码的位数不足
rubric-toml-p-unclosed-array-table = 表数组的表头没有闭合
rubric-toml-p-unclosed-array = 数组没有闭合
rubric-toml-p-unclosed-inline = 内联表没有闭合
rubric-toml-p-unclosed-table = 表头没有闭合
rubric-toml-p-equals-in-array = 数组中不应出现“=”
rubric-toml-p-after-comment = 注释与换行之间有多余内容
rubric-toml-p-content = 有多余的内容
rubric-toml-p-key-or-value = 此处不应出现键或值
rubric-toml-p-leading-zero = 数字不能以 0 开头
rubric-toml-p-unexpected-sign = 此处不应出现正负号
rubric-toml-p-empty-key = 不带引号的键不能为空
rubric-toml-p-literal-string = 字面量字符串有误
rubric-toml-p-ml-literal-string = 多行字面量字符串有误
rubric-toml-p-basic-string = 字符串有误
rubric-toml-p-ml-basic-string = 多行字符串有误
rubric-toml-p-string = 字符串有误
rubric-toml-p-boolean = 布尔值有误
rubric-toml-p-date-time = 日期时间有误
rubric-toml-p-float = 小数有误
rubric-toml-p-integer = 整数有误
rubric-toml-p-hex = 十六进制数有误
rubric-toml-p-octal = 八进制数有误
rubric-toml-p-binary = 二进制数有误
rubric-toml-p-extend-array = 不能用带点的键扩展数组
rubric-toml-p-extend-inline = 不能用带点的键扩展内联表
rubric-toml-p-extend = 不能用带点的键扩展已赋值的{ $type ->
    [string] 文本
    [integer] 整数
    [float] 小数
    [boolean] 布尔值
    [datetime] 日期时间
    [array] 数组
    [table] 表
   *[other] { $type }
}
rubric-toml-p-date = 日期有误
rubric-toml-p-time = 时间有误
rubric-toml-p-datetime = 日期时间有误
rubric-toml-p-year = 年份有误
rubric-toml-p-month = 月份有误
rubric-toml-p-day = 日有误
rubric-toml-p-hour = 小时有误
rubric-toml-p-minute = 分钟有误
rubric-toml-p-second = 秒有误
rubric-toml-p-nanosecond = 纳秒有误
rubric-toml-p-offset = 时区偏移有误
rubric-toml-p-year-or-hour = 年份或小时有误
rubric-toml-e-etc = 其他内容
rubric-toml-e-newline = 换行
rubric-toml-e-basic-string = 字符串
rubric-toml-e-characters = 字符
rubric-toml-e-digits = 数字
rubric-toml-e-key = 键
rubric-toml-e-letters = 字母
rubric-toml-e-literal-string = 字面量字符串
rubric-toml-e-ml-basic-string = 多行字符串
rubric-toml-e-no-double-quote = 双引号以外的可见字符
rubric-toml-e-no-single-quote = 单引号以外的字符
rubric-toml-e-no-single-quote-visible = 单引号以外的可见字符
rubric-toml-e-numbers = 数字
rubric-toml-e-printable = 可打印字符
rubric-toml-e-unicode = 十六进制的 Unicode 编码
rubric-toml-e-value = 值
rubric-toml-e-month-day = “-”（MM-DD）
rubric-toml-e-month-or-minute = “-”（YYYY-MM）或“:”（HH:MM）
rubric-toml-e-colon = “:”（HH:MM）
rubric-toml-e-t = 日期与时间之间的“T”
rubric-toml-e-offset = “Z”、+时差或 -时差
rubric-toml-e-year = 四位数的年份（YYYY）
rubric-toml-e-day = 两位数的日（DD）
rubric-toml-e-hour = 两位数的小时（HH）
rubric-toml-e-minute = 两位数的分钟（MM）
rubric-toml-e-month = 两位数的月份（MM）
rubric-toml-e-second = 两位数的秒（SS）
rubric-toml-e-hour-range = 00 至 23 之间的小时
rubric-toml-e-hours-range = 00 至 23 之间的小时
rubric-toml-e-minute-range = 00 至 59 之间的分钟
rubric-toml-e-minutes-range = 00 至 59 之间的分钟
rubric-toml-e-month-range = 01 至 12 之间的月份
rubric-toml-e-second-range = 00 至 60 之间的秒
rubric-toml-e-nanoseconds = 纳秒数溢出


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
rubric-this-group = 该分组
rubric-this-rule = 该扣分标准 [[rule]]
rubric-place-rule = 扣分标准（[[…item.rule]]）
rubric-place-conversion = 折算设置 [conversion]
rubric-conversion-points = 折算分值 points 必须大于 0，现为 { $value }。

# 第三部分：分外加减、指标数据、适用范围、一票否决、等次限额、考核方式。
rubric-na-unknown = na = "{ $value }" 无法识别，请填写 "rescale"（整体折算，默认）、"parent"（不涉及项目的分值分配到同级指标）或 "full"（不涉及的按满分计）。
rubric-label-twice = [{ $key }] 中“{ $first }”和“{ $id }”的名称都是“{ $label }”，请分别命名。
rubric-table-empty = [{ $key }] 为空：请至少列出一项，或删去该表。
rubric-place-measure = [measures] 中的指标数据
rubric-measure-title-twice = 有两项指标数据都叫“{ $title }”，请分别命名。
rubric-place-veto = [veto]
rubric-veto-negative = [veto] 的 { $key } 不能小于 0。
rubric-veto-cap-and-total = [veto] 同时写了 cap（最高分）和 total（按某分计），只能保留一个。
rubric-veto-rank-unknown = rank = "{ $value }" 无法识别，请填写 "keep"（一票否决不改变名次，默认）或 "last"（排名列最后）。
rubric-class-list = { $key } 应为类别编号的列表，例如 ["approval"]。
rubric-class-undeclared = 类别“{ $class }”{ $hint }未在 [classes] 中声明。
rubric-quota-on-last-grade = 最后一个等次接纳其余全部单位，不能设限额（quota）。
rubric-quota-bad = quota = { $value } 不是有效的限额：请填写 0 到 1 之间的比例（0.3 即 30%）或单位个数的整数（如 3）。
rubric-part-kind-unknown = kind = "{ $value }" 无法识别，请填写 "scored"（计分部分，默认）、"bonus"（加分项）或 "penalty"（扣分项）。
rubric-part-max-missing = { $kind ->
    [bonus] 加分项
   *[other] 扣分项
}须写明 max，即对一个单位最多{ $kind ->
    [bonus] 加
   *[other] 扣
}多少分。
rubric-gate-not-bonus = 只有加分项（kind = "bonus"）才能设门槛（gate）。
rubric-gate-strict-alone = gate_strict 须与 gate 一同使用。
rubric-section-max = 一级指标“{ $section }”写的分值为 { $written }，但其下级指标分值合计为 { $sum }：请修改 max 或下级指标的分值，使二者一致。
rubric-not-boolean = { $key } 应为 true 或 false，不能是{ $type }。
rubric-penalty-leaf-key = 扣分项中的指标只按扣分计分，不能有 { $key }。
rubric-floor-positive = floor = { $value }：最低分（倒扣）应为 0 或负数，例如 -2。
rubric-scale-without-measure = { $key } 须与 measure 一同使用：不按指标数据计分的指标没有折算标准。
rubric-measure-and-scorers = 指标只能由评分单位评分或按指标数据计分，不能两者兼有：请保留 scorers 或 measure 之一。
rubric-measure-undeclared = 指标数据“{ $measure }”{ $hint }未在 [measures] 中声明。
rubric-interpolate-unknown = interpolate = "{ $value }" 无法识别，请填写 "linear"（在两点之间按比例折算，默认）或 "step"（按达到的最后一档计分）。
rubric-scale-missing = 按指标数据计分的指标须写明折算标准 scale，例如 [[89, 0], [99, 5]]。
rubric-scale-shape = scale 应为 [数值, 分值] 对的列表，例如 [[89, 0], [99, 5]]。
rubric-scale-not-ascending = 折算标准中的数值 { $value } 应大于前一档的 { $previous }：数值须严格递增。
rubric-scale-base-outside = 折算标准中的分值 { $base } 超出该指标的最低分 { $floor } 至分值 { $max } 的范围。
rubric-scale-too-short = 折算标准至少需要 { $least } 档。
rubric-penalty-add-rule = 扣分项中的指标只能扣分：其扣分标准的类型须为 "deduct"。
rubric-max-total-below = max_total = { $max_total } 低于满分 total = { $total }：最高总分不能低于满分。
rubric-control-character = { $key } 中含有控制字符（“{ $value }”）：名称、标题和编号只能是一行可显示的文字。

# 第三部分：细则工作簿（rubric --format xlsx / rubric import）中的新列、新行与新工作表。
import-part-bad = { $column }“{ $value }”无法识别，请填写“{ $scored }”“{ $bonus }”或“{ $penalty }”；加分项的门槛写在括号中，如“{ $bonus }（80分以上）”或“{ $bonus }（高于80分）”。
import-part-differs = 一级指标“{ $section }”的类别已在 { $first } 填写，与此处不同：同一一级指标的各行类别应一致。
import-class-unknown = 单位类别“{ $name }”不存在{ $hint }，请填写工作表“{ $sheet }”中单位类别的名称或编号。
import-applies-bad = { $column }“{ $value }”无法识别，请写成“{ $to }：类别名称”或“{ $except }：类别名称”，多个类别用“、”分隔。
import-applies-section = 一级指标“{ $section }”适用于全部考核对象，不能限定适用范围：请把适用范围写在其下的指标上。
import-measure-unknown = 指标数据“{ $name }”不存在{ $hint }，请填写工作表“{ $sheet }”中指标数据的名称或编号。
import-scale-bad = { $column }“{ $value }”无法识别，请逐档写成“数值{ $pair }得分”，各档用“；”分隔，如 89{ $pair }0；99{ $pair }5。
import-interpolate-bad = { $column }“{ $value }”无法识别，请填写“{ $linear }”（两档之间按比例折算）或“{ $step }”（按达到的最高一档计分）。
import-na-bad = { $column }“{ $value }”无法识别，请填写“{ $rescale }”（按适用指标折算总分，默认）、“{ $parent }”（不涉及指标的分值分配到同级指标）或“{ $full }”（不涉及的按满分计）。
import-rank-bad = { $column }“{ $value }”无法识别，请填写“{ $keep }”（一票否决不改变名次，默认）或“{ $last }”（排名列最后）。
import-quota-bad = { $column }“{ $value }”无法识别，请填写参评单位的比例（如 30%）或单位个数（如 3）。

# 第三部分：assess rubric 以文字和 Markdown 列出的规则。
rubric-section-part = { $section }：{ $rule }
rubric-part-bonus = 加分项，最多 { $max } 分
rubric-part-bonus-gate = 加分项，最多 { $max } 分，基础分 { $gate } 分以上方计
rubric-part-bonus-above = 加分项，最多 { $max } 分，基础分高于 { $gate } 分方计
rubric-part-penalty = 扣分项，最多扣 { $max } 分
rubric-penalty-line = 按日常考核扣分，最多扣 { $max } 分
rubric-floor = 最低 { $floor } 分
rubric-measure-linear = 按{ $measure }计分：{ $points }，其间按比例折算
rubric-measure-step = 按{ $measure }分档计分：{ $points }
rubric-scale-at-most = { $value } 及以下 { $base } 分
rubric-scale-at-least = { $value } 及以上 { $base } 分
rubric-scale-at = { $value } 时 { $base } 分
rubric-scale-below = 不足 { $value } 得 { $base } 分
rubric-scale-any = 一律 { $base } 分
rubric-applies-to = 仅适用于：{ $classes }
rubric-applies-except = 不适用于：{ $classes }
rubric-with-rule = { $line }  { $rule }
rubric-quotas = 名额：{ $quotas }
rubric-quota-share = { $grade }等次不超过参评单位的{ $percent }%
rubric-quota-count = { $grade }等次不超过{ $count }个
rubric-max-total = 总分最高 { $max } 分
rubric-na-rescale = 不涉及的指标：按适用指标的分值合计折算总分
rubric-na-parent = 不涉及的指标：其分值分配到同级其他指标
rubric-na-full = 不涉及的指标：按满分计
rubric-veto = 一票否决：{ $rules }
rubric-veto-grade = 等次定为{ $grade }
rubric-veto-cap = 总分不高于 { $cap } 分
rubric-veto-total = 总分按 { $total } 分计
rubric-veto-last = 排名列最后
rubric-class = 单位类别“{ $label }”（{ $id }）：{ $units }
rubric-class-none = 单位类别“{ $label }”（{ $id }）：暂无考核对象
rubric-measures = 指标数据：{ $measures }
rubric-measure-unit = { $title }（{ $id }，单位 { $unit }）
rubric-methods = 日常考核方式：{ $methods }
rubric-col-classes = 类别
