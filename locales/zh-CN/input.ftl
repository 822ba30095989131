## input
## 输入表格：年度考核得分、日常考核记录、公布结果。
## 从输入中引用的值（单位、项目、单元格内容）和列的英文名照原样显示。

## 读取文件

source-cannot-read-file = 无法读取该文件：{ $reason }。
source-cannot-read-rubric = 无法读取该考核细则文件：{ $reason }。
# 无法读取的原因；$detail 为系统给出的原文，仅用于其他情况。
source-io-reason = { $kind ->
        [not-found] 文件不存在，请核对文件名和路径
        [permission] 没有读取权限
        [directory] 这是一个文件夹，不是文件
       *[other] { $detail }
    }

## 表格：编码、表头、各行

table-file-empty = 该文件没有内容，请填写一行表头和若干行数据。
table-sheet-empty = 该工作表没有内容，请填写一行表头和若干行数据。
table-row-width = 本行有 { $cells } 个单元格，而表头有 { $header } 列，请检查是否多了或少了逗号、是否有引号（"）未闭合，或单元格内含有逗号却未加引号。
table-too-many-errors = 本文件已发现 { $count } 处问题，其余内容不再读取，请先更正以上问题。
table-not-utf8-bom = 该文件以 UTF-8 BOM 开头，但本行不是有效的 UTF-8 文本，请将文件重新保存为 UTF-8 编码。
table-not-utf8 = 本行不是有效的 UTF-8 文本（如文件是在中文 Windows 上用 Excel 保存的，请加上 --encoding gbk 再试）。
table-not-utf8-nor-gbk = 本行既不是 UTF-8 文本，也不是 GBK/GB18030 文本，请将文件另存为 UTF-8 编码的 CSV 文件。
table-not-gbk = 本行不是有效的 GBK/GB18030 文本（请改用 --encoding utf8 再试）。
table-line-too-long = 从此处开始的一行超过了 { $mib } MiB，请检查是否有引号（"）未闭合；该文件的其余内容不再读取。
table-stream-gbk = 第 { $line } 行不是有效的 GBK/GB18030 文本
table-column-twice = { $first } 列和 { $second } 列都是“{ $column }”列，请只保留其中一列。
table-column-missing = 表头中没有“{ $column }”列{ $hint }，请添加列名为“{ $column }”或“{ $key }”的一列。
table-column-hint = （“{ $header }”是否就是这一列？）

# 提示信息中列的称呼。
table-column-unit = 单位
table-column-item = 项目
table-column-scorer = 评分单位
table-column-score = 得分
table-column-note = 备注
table-column-explanation = 说明
table-column-date = 日期
table-column-kind = 类型
table-column-points = 分值
table-column-method = 方式
table-column-total = 总分
table-column-grade = 等次
table-column-rank = 名次
table-column-other = { $key }

## 各表中的单位和项目

input-file-twice = 该文件被重复指定，每个输入文件只需指定一次。
input-unit-empty = 单位未填写，请填写单位的编号或名称。
input-unknown-unit = 单位“{ $unit }”不在考核对象名单中{ $hint }，请填写名单中单位的编号或名称。
input-item-empty = 项目未填写，请填写项目的编号或名称。
input-unknown-item = “{ $unit }”适用的考核细则（{ $rubric }）中没有项目“{ $item }”{ $hint }，请填写项目的编号或名称。
# 名称列表：甲、乙、丙。
list = { $items }
list-more = ……（另有 { $count } 项未列出）

## 全年汇总后才能发现的问题

input-score-for-class = “{ $unit }”项目 { $item }“{ $title }”按 { $rule } 的类别规定不适用于该单位，不应有得分：请删去该行或填写“不涉及”。
input-zero-on-na = “{ $unit }”的 { $item }“{ $title }”均不适用于该单位，没有可记“此项不得分”的内容，请删除该条记录。
input-missing-measure = 缺少“{ $unit }”（{ $unit_id }）的指标数据“{ $measure }”（{ $measure_id }）：请在 --measures 文件中补充；如需按 0 计算，请加上 --allow-missing。
input-na-disagree = 评分单位“{ $scorer }”给“{ $unit }”项目 { $item }“{ $title }”评了 { $value } 分，但 { $na } 填报该项目“不涉及”；同一项目应由各评分单位一致填报“不涉及”，或都正常评分。
input-na-missing-scorer = 此处填报“{ $unit }”项目 { $item }“{ $title }”为“不涉及”，但评分单位“{ $scorer }”未填报“不涉及”；同一项目的各评分单位均应填报“不涉及”。
input-daily-on-na = 本条日常考核记录涉及“{ $unit }”的项目 { $item }“{ $title }”，但该项目已在 { $na } 填报为“不涉及”，请删除本条记录或撤销“不涉及”。
input-missing-score = 缺少评分单位“{ $scorer }”（{ $scorer_id }）对“{ $unit }”（{ $unit_id }）项目 { $item }“{ $title }”的年度考核得分，请在 --annual 文件中补充；如需按 0 分计算，请加上 --allow-missing。
input-missing-score-cell = 该单元格为空：缺少评分单位“{ $scorer }”对“{ $unit }”项目 { $item }“{ $title }”的年度考核得分，请补填；如需按 0 分计算，请加上 --allow-missing。
input-missing-score-table = 评分单位“{ $scorer }”的这张表中没有“{ $unit }”项目 { $item }“{ $title }”的得分，请补充该行（或该单元格）；如需按 0 分计算，请加上 --allow-missing。
input-missing-line = 评分单位“{ $scorer }”的这张表中没有项目 { $item }“{ $title }”的得分（缺少该列，或列名写错），请补充；如需按 0 分计算，请加上 --allow-missing。
input-missing-unit = 评分单位“{ $scorer }”的这张表中没有“{ $unit }”的得分（缺少该单位一行，或单位名称写错），请补充；如需按 0 分计算，请加上 --allow-missing。
input-nothing-applies = “{ $unit }”（{ $unit_id }）的全部项目均填报为“不涉及”，没有可以计分的项目，请核实年度考核得分。

## 年度考核得分

annual-no-scorers = 项目 { $item }“{ $title }”没有评分单位，只依据日常考核记录计分，不填年度考核得分，请删除本行。
annual-scorer-empty = 评分单位未填写，但项目 { $item }“{ $title }”有多个评分单位（{ $scorers }），请注明本得分由哪个评分单位评定。
annual-scorer-unknown = 评分单位“{ $scorer }”{ $hint }不是项目 { $item }“{ $title }”的评分单位，该项目的评分单位为：{ $scorers }。
annual-scorer-not-of-item = 评分单位“{ $scorer }”{ $hint }不负责项目 { $item }“{ $title }”的评分，该项目的评分单位为：{ $scorers }。
# 列表中的一个评分单位：名称和编号。
annual-scorer-entry = { $name }（{ $id }）
annual-score-out-of-range = 得分 { $value } 超出 0 至 { $max } 的范围（项目 { $item }“{ $title }”分值为 { $max } 分），请核实。
annual-score-not-number = 得分“{ $value }”无法识别为数字：{ $reason }；如该项目对本单位不适用，请填写“不涉及”。
annual-scorer-column-needed = 表头中没有“评分单位”列，但第 { $line } 行（可能还有其他行）所评项目有多个评分单位，请添加“评分单位”列，并逐行填写评分单位。
annual-second-score = 评分单位“{ $scorer }”对“{ $unit }”项目 { $item }“{ $title }”的年度考核得分重复填报，首次填报见 { $first }，请只保留一条。

## 日常考核记录

daily-unknown-kind = 类型“{ $kind }”无法识别{ $hint }，请填写核减、核加、一票否决或此项不得分（也可写作扣分、加分、不得分，或 deduct、add、veto、zero）。
daily-no-points = “{ $kind }”记录不计分值，但本条填写了“{ $points }”，请将分值留空或填 0。
daily-zero-rule = “此项不得分”记录不填扣分标准，但本条填写了“{ $rule }”，请留空。
daily-zero-count = “此项不得分”记录不填次数，但本条填写了“{ $count }”，请留空。
daily-zero-names-nothing = “此项不得分”记录须在项目列写明不得分的项目、分组或考核内容。
input-unknown-line = “{ $item }”不是细则 { $rubric } 的项目、分组或考核内容（单位“{ $unit }”）{ $hint }
daily-zero-on-penalty = “此项不得分”记录不能指向 { $item }“{ $title }”：它属于扣分项 { $section }，扣分项只记核减。
daily-penalty-deduct-only = { $item }“{ $title }”是扣分项的项目，只能记核减，不能记“{ $kind }”。
measures-twice = “{ $unit }”的指标数据“{ $measure }”（{ $measure_id }）重复填报，首次填报在 { $first }，请只保留一处。
measures-unknown-measure = “{ $measure }”不是细则 { $rubric } 的指标{ $hint }，该细则的指标为：{ $measures }（填写名称或标识均可）。
measures-unknown-column = 列“{ $header }”不是任何细则的指标{ $hint }，每列表头应为指标的名称或标识。
measures-column-not-of-rubric = 列“{ $header }”不是“{ $unit }”所用细则 { $rubric } 的指标，请将该单元格留空。
measures-no-columns = 没有任何一列是指标：每单位一行的表应有单位列和各指标列（表头为指标名称或标识）；逐行表应有单位、指标、数值三列。
measures-not-number = 数值“{ $value }”不是数字（{ $reason }），请填写 98.5、98.5% 这样的数，或填“不涉及”。
adjust-unknown-action = 调整方式“{ $action }”无法识别{ $hint }，请填写改分（调整得分，rescore）或撤销（撤销记录，withdraw）。
adjust-no-reason = 每项复核调整都须写明理由，请在“理由”栏填写。
adjust-withdraw-date = 撤销记录须填写所撤销记录的日期，“{ $date }”不是日期（如 2021-03-02）。
adjust-withdraw-kind = 撤销记录须填写所撤销记录的类型，“{ $kind }”无法识别{ $hint }，请填写核减、核加、一票否决或此项不得分。
adjust-twice = “{ $unit }”项目 { $item } 由{ $scorer }评的得分已在 { $first } 调整过，同一得分只能调整一次。
adjust-withdraw-twice = { $record } 的日常考核记录已在 { $first } 撤销，同一条记录只能撤销一次。
adjust-withdraw-none = 没有与之对应的日常考核记录（“{ $unit }”，{ $date }，{ $kind }，以及所填项目、分值、规则），请核对后重填。
adjust-withdraw-several = 有 { $count } 条日常考核记录与之对应：{ $places }；请再填写分值或规则加以区分。
daily-unknown-method = 方式“{ $method }”无法识别{ $hint }，请填写细则 { $rubric } 的考核方式：{ $labels }（也可写作 { $ids }）。
daily-bad-date = 日期“{ $date }”无法识别，请按 2020-05-19、2020/5/19 或 2020年5月19日 的格式填写。
daily-date-outside = 日期 { $date } 不在考核细则 { $rubric } 的考核期（{ $start } 至 { $end }）内，请核实。
daily-points-not-positive = 分值应大于 0，本条为 { $points }；核减还是核加由“类型”列区分，分值一律填正数。
daily-points-not-number = 分值“{ $points }”无法识别为数字：{ $reason }。
daily-points-overflow = 该项目各条记录的分值合计过大，超出了可以精确计算的范围，请核实分值。

## 公布结果

published-total-not-number = 总分“{ $total }”无法识别为数字：{ $reason }。
published-bad-rank = 名次“{ $rank }”应为从 1 起的整数。
published-twice = “{ $unit }”的公布结果重复出现，首次见 { $first }，每个单位只应有一行，请删除重复的行。

## Excel 工作簿

workbook-no-sheet = 工作簿中没有名为“{ $sheet }”的工作表{ $hint }，现有工作表为：{ $sheets }，请用 --sheet 选择其中一张。
workbook-cell-error = 该单元格是 Excel 错误值 { $error }，请更正公式或直接填写数值。

## 单元格中的数字：接在“无法识别为数字：”之后

num-empty = 内容为空
num-not-decimal = 请填写普通小数，如 27.5 或 0.25（可带正负号和小数部分，不用科学计数法或千位分隔符）
num-too-many-digits = 数字超过 28 位，无法精确表示
num-too-large = 数值超过 1,000,000,000,000（10 的 12 次方），超出任何分数、分值或指标数据的范围

## 计分

score-too-large = “{ $unit }”的分值过大，无法精确计算，请核实日常考核记录中的分值。

## 写出结果：失败的原因
output-reason = { $kind ->
        [no-folder] 所在文件夹不存在
        [permission] 没有写入权限
        [directory] 这是一个文件夹，不是文件
        [full] 磁盘空间已满
       *[other] { $detail }
    }

## 日常考核记录：扣分标准和次数（第二部分）
daily-count-without-rule = 填写了次数“{ $count }”但没有填写扣分标准：次数只用于按扣分标准计分，请填写扣分标准，或删去次数并直接填写分值。
daily-count-not-positive = 次数必须大于 0，现为“{ $count }”。
daily-count-not-number = 次数“{ $count }”不是数字：{ $reason }
daily-item-has-no-rules = 项目 { $item }“{ $title }”没有扣分标准，无法按“{ $rule }”计分：请删去扣分标准和次数，直接填写分值。
daily-unknown-rule = 项目 { $item } 没有扣分标准“{ $rule }”{ $hint }，该项目的扣分标准编号为：{ $rules }。
daily-kind-disagrees = 类型“{ $kind }”与扣分标准 { $rule } 的类型（{ $rule_kind }）不一致：类型可以不填，或填写与扣分标准一致的类型。
daily-points-disagree = 分值 { $points } 与按扣分标准计算的分值不符：{ $count } 次 × 每次 { $per } 分（{ $rule }）= { $product } 分。分值可以不填，或填写 { $product }。
input-names-group = “{ $item }”是分组指标 { $group }“{ $title }”，只有末级指标计分：请改填其下的指标 { $leaves }。
input-unknown-unit-rows = 单位“{ $unit }”不在考核对象名单中{ $hint }，共有 { $rows } 行填写了该名称（此处为第一行），请填写名单中单位的编号或名称。
input-unknown-item-rows = “{ $unit }”适用的考核细则（{ $rubric }）中没有项目“{ $item }”{ $hint }，共有 { $rows } 行填写了该项目（此处为第一行），请填写项目的编号或名称。

## 上年结果（--previous）
previous-unit-twice = 上年结果中考核细则 { $rubric } 的单位“{ $unit }”出现两次（第一次在 { $first }）：每个单位只应有一条结果。
previous-bad-rank = 上年结果中单位“{ $unit }”的名次为 { $rank }，而参加排名的单位共 { $count } 个：名次应在 1 到单位数之间。
previous-json-shape = 上年结果中的“{ $key }”不是列表：该文件不是 assess score --format json 的输出。
previous-not-utf8 = 该文件不是 UTF-8 编码，不是本工具输出的结果：请使用 assess score 输出的 JSON 或 CSV 文件。
previous-bad-json = 该文件不是有效的 JSON：{ $reason }
previous-bad-schema = 该文件不是本工具输出的结果（schema 为“{ $schema }”，应为 assess.score.v1）：请使用 assess score --format json 输出的文件。
previous-json-unit = 考核细则 { $rubric } 中单位“{ $unit }”缺少编号、名称、总分、等次或名次，无法比较。
previous-bad-columns = 该文件不是本工具输出的 CSV 结果，缺少列：{ $missing }。请使用 assess score --format csv 输出的文件。
previous-bad-csv = 无法读取该 CSV 文件，请确认它是 assess score --format csv 输出的文件。
previous-csv-row = 此行的总分或名次不是数字，或缺少单位编号。
previous-gone = 上年结果中的单位“{ $unit }”（{ $id }，考核细则 { $rubric }）已不在今年的考核对象名单中，不作比较。

## 自评（--self）
claims-out-of-range = 自评得分 { $score } 不在 0 至项目 { $item } 的满分 { $max } 之间。
claims-places = 自评得分 { $score } 的小数位数多于细则规定的 { $decimals } 位，请按公布的位数填写。
claims-not-number = 自评得分“{ $score }”不是数字：{ $reason }
claims-twice = 单位“{ $unit }”对项目 { $item } 的自评已在 { $first } 填写过，每个项目只填一次。

## rubric import：读取细则工作簿（src/rubric/import.rs）。工作表名、列名是格式规定的名称，以参数传入。

import-sheet-missing = 工作簿中没有工作表“{ $sheet }”{ $hint }，现有工作表为：{ $sheets }。
import-several = 该工作簿含有多套细则的工作表（{ $ids }），每次只能导入一套：请将各套细则的工作表分别另存为单独的工作簿，或导出时用 --id 只导出一套。
import-header-missing = 未找到表头行：该工作表前 30 行中应有一行含“{ $column }”列。
import-column-missing = 表头行缺少“{ $column }”列，请补上。
import-column-unknown = 无法识别的列名“{ $column }”{ $hint }。
import-column-twice = “{ $column }”列重复（首次见 { $first }），请只保留一列。
import-not-number = { $column }“{ $value }”无法识别为数字：{ $reason }。
import-not-integer = { $column }“{ $value }”应为整数。
import-not-date = “{ $value }”无法识别为日期，请按 2020-01-01 的格式填写，或填写日期型单元格。
import-period-end = 考核期只有开始日期“{ $value }”，缺少结束日期：请在开始日期右侧的单元格填写结束日期，或在同一单元格中写成“2020-01-01至2020-12-31”。
import-cell-empty = { $column }为空，请填写。
import-info-missing = 该工作表中没有“{ $key }”一行：请在某行第一格填写“{ $key }”，并在其右侧填写内容。
import-grade-no-min = 等次“{ $grade }”未填写下限，请填写该等次的最低分。
import-no-grades = 此行下方未列出等次：请按从高到低的顺序每行填写一个等次。
import-taken = { $what }“{ $value }”已在 { $first } 使用过，不能重复。
import-unit-taken = “{ $value }”已用于 { $first } 处的考核对象：同一编号、名称或简称只能指称一个单位。
import-no-rows = 工作表“{ $sheet }”中没有内容，请在表头行下方逐行填写。
import-level-missing = 表头行有“{ $deeper }”却没有“{ $column }”，请补上缺少的指标层级列。
import-row-no-title = 此行没有指标：请在指标各列填写其一级指标和指标名称，或清空此行。
import-row-only-section = 此行只有一级指标“{ $section }”：请在“{ $column }”列填写其下的指标。
import-level-gap = 此行填写了{ $deeper }，但“{ $column }”为空：请填写该指标所属的上级指标，或将上级指标单元格合并到其所辖各行。
import-merge-overlap = 合并单元格 { $range } 跨越了两个不同指标的行（{ $first } 与 { $second }）：上级指标的单元格只能合并其所辖指标的行。
import-method-unknown = 计分方式“{ $value }”无法识别，请填写“{ $zero }”（从 0 分起，按日常考核加分）或“{ $full }”（从满分起，按日常考核扣分）。
import-method-with-scorers = 计分方式“{ $value }”只适用于仅凭日常考核记录计分的指标，而此指标已填写评分单位，请清空二者之一。
import-weight-bad = { $scorer }的权重“{ $value }”应为大于 0 的数，如 0.4 或 40%。
import-scorer-unknown = 评分单位“{ $name }”不存在{ $hint }，请填写工作表“{ $sheet }”中评分单位的名称或编号。
import-scorer-twice = 此单元格中“{ $scorer }”出现了两次。
import-weight-missing = { $scorer }未填写权重：有多个评分单位时，请在每个名称后填写其权重，如 0.4 或 40%。
import-weights-sum = 各评分单位的权重合计为 { $sum }，应恰好为 1（100%）。
import-leaf-no-points = 指标“{ $title }”未填写分值，请在此单元格填写该指标的分值。
import-rule-on-group = “{ $item }”是上级指标，扣分标准应归属其下具体计分的指标。
import-rule-leaf-unknown = 没有编号或名称为“{ $item }”的计分指标{ $hint }。
import-rule-kind = 类型“{ $value }”无法识别，请填写“{ $deduct }”或“{ $add }”。
import-points-sum = “{ $title }”标注为 { $written } 分，但其下属指标分值合计为 { $sum } 分，请更正该单元格中的分值或下属指标的分值。
import-ranking-unknown = 排名方式“{ $value }”无法识别，请填写“{ $competition }”（并列后名次空位：1、2、2、4）或“{ $dense }”（1、2、2、3）。
import-what-id = 编号
import-what-title = 指标名称
import-what-name = 名称
import-what-grade = 等次
import-what-rule = 规则编号
## 评分表、工作簿和手工填写的值（sheets）
check-footers = { $path }：表尾 { $rows } 行（合计、签字、注释等）未计入
check-sheet-left-out = { $sheet }：未读取（{ $why ->
        [empty] 空表
        [hidden] 隐藏的工作表
        [chart] 不是普通工作表
        [details] 成绩工作簿的明细表
       *[instructions] 说明页
    }）
annual-scorer-from-title = 表头上方 { $at } 处
annual-scorer-from-title-here = 表头上方
annual-scorer-from-command = 命令行（--annual { $file }@{ $scorer }）
annual-scorers-disagree = 表头上方写明评分单位为“{ $title }”，命令行却指定为“{ $command }”，请只保留一处。
annual-table-scorer-unknown = { $source }指定的评分单位“{ $scorer }”{ $hint }不是考核细则中的评分单位，评分单位为：{ $scorers }。
annual-table-scorer-not-of-item = { $source }指定的评分单位“{ $scorer }”不负责项目 { $item }“{ $title }”的评分，该项目的评分单位为：{ $scorers }。
input-item-number-ambiguous = 该单元格是数字 { $value }，与项目 { $items } 的编号都相符：Excel 把编号当成了数字，请将这些单元格设为文本格式后重新输入编号。
input-sheet-nowhere = 所给的工作簿中都没有名为“{ $sheet }”的工作表（--sheet）。
table-cell-outside = “{ $value }”在表格范围之外（表头只有 { $header } 列），请为该列加上列名，或清除该单元格。
table-column-unknown = 无法识别的列“{ $header }”{ $hint }，请更正列名；如不需要该列，请将列名清除。
table-no-header = 找不到表头：没有哪一行写有“单位”列，请在数据上方加上一行表头。
wide-cell = “{ $header }”列：{ $message }
wide-check-mismatch = { $header } { $value } 与本行不符：本行各项目得分合计为 { $sum }，保留 { $places } 位小数为 { $rounded }{ $note }，请核实。
wide-check-text-cell = { $cell } 为文本“{ $value }”
wide-check-text = （{ $cells }，Excel 的求和不计文本单元格）
wide-check-not-number = { $header }“{ $value }”无法识别为数字：{ $reason }。
wide-column-twice = 列“{ $header }”与前面的列重复，都是项目 { $item }“{ $title }”（首次见 { $first }），请只保留一列。
wide-column-unknown = 列“{ $header }”{ $hint }既不是考核细则 { $rubric } 中的项目，也不是评分表的其他列（单位、评分单位、备注、合计、序号），请更正列名或删除该列。
wide-id-title-disagree = 列“{ $header }”以项目 { $id }“{ $title }”的编号开头，后面却是“{ $rest }”，请在编号后写该项目的名称，或只写编号。
wide-long-column = 列“{ $header }”是逐行填写的得分表才有的列，但表头中没有“项目”列：请添加“项目”列（每行一个得分），或改为每个项目一列。
wide-max-disagrees = 列“{ $header }”注明 { $written } 分，但考核细则 { $rubric } 中项目 { $item }“{ $title }”的分值为 { $max } 分，请核实是否用了其他年度细则的评分表。
wide-no-items = 表头中没有任何项目：评分表应每个项目一列，列名为项目的编号或名称。
wide-no-scorer = { $columns } 有多个评分单位，但表中没有写明评分单位：请添加“评分单位”列，或在表头上方写明“评分单位：名称”，或在命令行中指定（--annual 文件@评分单位）。
wide-row-scorer-unknown = 评分单位“{ $scorer }”{ $hint }不是考核细则 { $rubric } 中的评分单位，评分单位为：{ $scorers }。
wide-unit-other-rubric = “{ $unit }”属于考核细则 { $rubric }，但本表各列是考核细则 { $table } 的项目：一张评分表只能填写同一考核细则的单位。
wide-units-mixed = “{ $unit }”属于考核细则 { $rubric }，但本表第一个单位“{ $first }”（{ $at }）属于考核细则 { $table }：一张评分表只能填写同一考核细则的单位，请把各细则的单位分别放在不同的工作表中。
workbook-bad-reference = 单元格引用“{ $reference }”格式错误，工作簿已损坏，请用 Excel 或 WPS 打开后重新保存。
workbook-too-many-merged = 该工作表合并单元格区域超过 { $max } 个（考核细则或评分表一般只有几十个），请取消标题以外的合并后重新保存。
workbook-cell-damaged = 无法读取该单元格（{ $detail }），请用 Excel 或 WPS 打开工作簿后重新保存。
workbook-damaged = 无法读取该工作簿（{ $detail }），文件可能已损坏或不完整，请用 Excel 或 WPS 打开后重新保存，或重新复制一份。
workbook-encrypted = 该工作簿设有打开密码，请用 Excel 或 WPS 打开，取消密码后重新保存。
workbook-entity = 该工作簿使用了 XML 实体“&{ $name };”，电子表格软件不会写出这种内容，请用 Excel 或 WPS 打开后重新保存。
workbook-formula-no-value = 该单元格是公式，但没有保存计算结果（文件是由不计算公式的程序生成的），请用 Excel 或 WPS 打开后保存一次，使计算结果存入文件。
workbook-formula-no-value-column = 该单元格是公式，但没有保存计算结果（本列共 { $count } 个这样的单元格，此处为第一个；文件是由不计算公式的程序生成的），请用 Excel 或 WPS 打开后保存一次，使计算结果存入文件。
workbook-check-formula-no-value = { $file } 中合计、小计等核对列有 { $count } 个公式没有保存计算结果（第一个在 { $at }），这些核对列不作核对。
workbook-no-shared-string = 引用了第 { $index } 条文本，而工作簿中没有这条文本
workbook-not-a-number = “{ $value }”按数字存储，却不是数字
workbook-not-excel = 这是一个压缩文件，但不是 Excel 工作簿，请提供 .xlsx 文件。
workbook-nothing-to-read = 没有可读取的工作表：现有工作表为 { $sheets }，均为空表、隐藏的工作表或说明页（可用 --sheet 指定）。
workbook-ods = 不能读取 OpenDocument 表格（.ods），请另存为 Excel 工作簿（.xlsx）。
workbook-old-format = 不能读取 Excel 97-2003 工作簿（.xls）或 WPS 表格（.et），请用 Excel 或 WPS 打开后另存为 Excel 工作簿（.xlsx）。
workbook-out-of-order = 单元格“{ $reference }”的顺序错乱，工作簿已损坏，请用 Excel 或 WPS 打开后重新保存。
workbook-part-missing = 工作簿缺少组成部分 { $part }，文件已损坏，请用 Excel 或 WPS 打开后重新保存。
workbook-part-too-large = 工作簿的组成部分 { $part } 解压后有 { $mib } MiB，超过可读取的 { $max } MiB；评分表不会这么大，请检查文件。
workbook-text-too-long = 此处一行的文字超过 { $mib } MiB，该工作表的其余内容不再读取。
workbook-unknown-type = 单元格类型“{ $kind }”无法识别
workbook-xlsb = 不能读取 Excel 二进制工作簿（.xlsb），请另存为 Excel 工作簿（.xlsx）。
workbook-cut-short = 文件内容不完整
workbook-crc = 工作簿中某一部分与文件记录的校验值不符：文件在压缩包内被改动过或已损坏，请用 Excel 或 WPS 打开后重新保存。
workbook-no-markup = 超过 { $mib } MiB 的内容中没有任何标记
published-section-not-number = 考核内容得分“{ $value }”不是数字：{ $reason }
