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
table-cannot-read-row = 无法读取本行：{ $detail }。
table-stream-gbk = 第 { $line } 行不是有效的 GBK/GB18030 文本
table-stream-long-line = 第 { $line } 行超过了 { $mib } MiB
table-column-twice = 第 { $first } 列和第 { $second } 列都是“{ $column }”列，请只保留其中一列。
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
input-list-one = { $item }
input-list-more = { $first }、{ $rest }

## 全年汇总后才能发现的问题

input-na-disagree = 评分单位“{ $scorer }”给“{ $unit }”项目 { $item }“{ $title }”评了 { $value } 分，但 { $na } 填报该项目“不涉及”；同一项目应由各评分单位一致填报“不涉及”，或都正常评分。
input-na-missing-scorer = 此处填报“{ $unit }”项目 { $item }“{ $title }”为“不涉及”，但评分单位“{ $scorer }”未填报“不涉及”；同一项目的各评分单位均应填报“不涉及”。
input-daily-on-na = 本条日常考核记录涉及“{ $unit }”的项目 { $item }“{ $title }”，但该项目已在 { $na } 填报为“不涉及”，请删除本条记录或撤销“不涉及”。
input-missing-score = 缺少评分单位“{ $scorer }”（{ $scorer_id }）对“{ $unit }”（{ $unit_id }）项目 { $item }“{ $title }”的年度考核得分，请在 --annual 文件中补充；如需按 0 分计算，请加上 --allow-missing。
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

daily-unknown-kind = 类型“{ $kind }”无法识别{ $hint }，请填写核减、核加或一票否决（也可写作扣分、加分，或 deduct、add、veto）。
daily-unknown-method = 方式“{ $method }”无法识别{ $hint }，请填写日常记录、随机抽查、专项检查、网上评测或材料报备（也可写作 daily_record、spot_check、special_inspection、online_evaluation、material_filing）。
daily-bad-date = 日期“{ $date }”无法识别，请按 2020-05-19、2020/5/19 或 2020年5月19日 的格式填写。
daily-date-outside = 日期 { $date } 不在考核细则 { $rubric } 的考核期（{ $start } 至 { $end }）内，请核实。
daily-veto-points = 一票否决不计分值，但本条填写了“{ $points }”，请将分值留空或填 0。
daily-points-not-positive = 分值应大于 0，本条为 { $points }；核减还是核加由“类型”列区分，分值一律填正数。
daily-points-not-number = 分值“{ $points }”无法识别为数字：{ $reason }。
daily-points-overflow = 该项目各条记录的分值合计过大，超出了可以精确计算的范围，请核实分值。

## 公布结果

published-total-not-number = 总分“{ $total }”无法识别为数字：{ $reason }。
published-bad-rank = 名次“{ $rank }”应为从 1 起的整数。
published-twice = “{ $unit }”的公布结果重复出现，首次见 { $first }，每个单位只应有一行，请删除重复的行。

## Excel 工作簿

workbook-cannot-read = 无法读取该工作簿（{ $detail }），文件可能已损坏，请用 Excel 打开后重新保存。
workbook-no-sheet = 工作簿中没有名为“{ $sheet }”的工作表{ $hint }，现有工作表为：{ $sheets }，请用 --sheet 选择其中一张。
workbook-no-sheets = 该工作簿中没有任何工作表。
workbook-cannot-read-sheet = 无法读取该工作表（{ $detail }）。
workbook-cell-not-number = 该单元格的值为 { $value }，不是数字，请填写数值。
workbook-cell-error = 该单元格是 Excel 错误值 { $error }，请更正公式或直接填写数值。

## 单元格中的数字：接在“无法识别为数字：”之后

num-empty = 内容为空
num-not-decimal = 请填写普通小数，如 27.5 或 0.25（可带正负号和小数部分，不用科学计数法或千位分隔符）
num-too-many-digits = 数字超过 28 位，无法精确表示

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

## 评分表、工作簿和手工填写的值（sheets）
check-footers = { $path }：表尾 { $rows } 行（合计、签字、注释等）未计入
check-sheet-left-out = { $sheet }：未读取（{ $why ->
        [empty] 空表
        [hidden] 隐藏的工作表
        [chart] 不是普通工作表
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
wide-check-mismatch = { $header } { $value } 与本行不符：本行各项目得分合计为 { $sum }，保留 { $places } 位小数为 { $rounded }，请核实。
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
workbook-cell-damaged = 无法读取该单元格（{ $detail }），请用 Excel 或 WPS 打开工作簿后重新保存。
workbook-damaged = 无法读取该工作簿（{ $detail }），文件可能已损坏或不完整，请用 Excel 或 WPS 打开后重新保存，或重新复制一份。
workbook-encrypted = 该工作簿设有打开密码，请用 Excel 或 WPS 打开，取消密码后重新保存。
workbook-entity = 该工作簿使用了 XML 实体“&{ $name };”，电子表格软件不会写出这种内容，请用 Excel 或 WPS 打开后重新保存。
workbook-formula-no-value = 该单元格是公式，但没有保存计算结果（文件是由不计算公式的程序生成的），请用 Excel 或 WPS 打开后保存一次，使计算结果存入文件。
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
workbook-no-markup = 超过 { $mib } MiB 的内容中没有任何标记
