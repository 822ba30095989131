## 命令行帮助

cli-about = 政务公开和“放管服”改革工作考核计分工具：读入考核细则、年度考核得分和日常考核记录，算出各单位的得分、总分、等次和名次。
cli-help = 显示帮助
cli-version = 显示版本号
cli-heading-options = 选项
cli-heading-arguments = 参数
cli-heading-commands = 命令
cli-value-command = 命令

cli-score-about = 计分：算出每个单位的各部分得分、总分、等次和名次
cli-check-about = 校验：检查考核细则和全部输入文件，不计分
cli-verify-about = 核对：重新计算并与公布的结果逐一比对；不给评分表和日常记录时，只核对公布表本身
cli-explain-about = 计分过程：逐行说明某个单位（或某个项目）的得分从何而来
cli-template-about = 模板：生成待填写的空表（年度考核得分、日常考核记录、公布结果、指标数据或复核调整）或通报设置文件
cli-rubric-about = 细则：列出所载考核细则的项目、分值、评分单位、扣加分上限、评分标准、等次和考核对象
cli-completions-about = 输出命令行自动补全脚本（bash、zsh、fish、elvish、powershell）
cli-man-about = 输出手册页（roff 格式），例如 assess man > assess.1

cli-arg-lang = 提示信息和表头的语言：zh（中文）或 en（英文）；未指定时依次看环境变量 ASSESS_LANG 和系统语言设置，默认中文
cli-arg-rubrics = 考核细则文件（TOML），可多次指定；不指定时使用内置的两套细则：各县（市）（counties）和地直各部门（departments）
cli-arg-annual = 年度考核得分文件（CSV 或 Excel 工作簿，逐行表或评分表均可），可多次指定，例如每个评分单位一个文件；写成“文件@评分单位”可为未写明评分单位的表指定评分单位
cli-arg-daily = 日常考核记录文件（CSV 或 Excel 工作簿），可多次指定
cli-arg-measures = 指标数据文件（好评率、办结率等，CSV 或 Excel 工作簿，逐行表或每单位一行均可），按细则的计分标尺折算有关项目得分；可多次指定
cli-arg-adjust = 复核调整文件（CSV 或 Excel 工作簿）：改分、撤销日常考核记录，每项写明理由和文号；可多次指定
cli-arg-allow_missing = 缺少的年度得分按 0 分计算，结果标为“暂定”
cli-arg-encoding = CSV 文件的编码：auto（默认，按内容区分 UTF-8 与 GBK/GB18030）、utf8、gbk
cli-arg-sheet = 只读取 Excel 输入文件中的这些工作表（可多次指定，或用逗号分隔）；默认读取除空表和说明页（说明、填表说明）以外的所有工作表
cli-arg-output = 写入文件 FILE（整体写入，不会只写一半），不指定时输出到屏幕
cli-arg-bom = CSV 输出以 UTF-8 BOM 开头，便于 Windows 上的 Excel 正确显示中文
cli-arg-published = 已公布的结果（CSV、Excel 工作簿的各页，或 Word 通报 .docx 中的表格）：单位、总分，可选等次、名次、各考核内容得分
cli-arg-unit = 单位，填编号或名称
cli-arg-item = 只看这一个项目，填编号或名称
cli-arg-id = 只看编号为 ID 的细则（例如 counties）
cli-arg-shell = 命令行类型：bash、zsh、fish、elvish、powershell
cli-arg-kind = 模板种类：annual（年度考核得分，每个单位、项目、评分单位一行）、daily（日常考核记录的表头）、published（公布结果，每个单位一行）、measures（指标数据，每个单位一行、每项指标一列）、adjust（复核调整，每项调整一行）
cli-score-format = 输出格式：table（默认，屏幕表格）、csv（每个单位一行）、json（完整计分过程）、xlsx（Excel 工作簿，需配合 --output）
cli-explain-format = 输出格式：text（默认，屏幕阅读）、json（供脚本使用，assess.explain.v1）
cli-rubric-format = 输出格式：text（默认，屏幕阅读）、markdown（用于印发细则）、toml（按原样输出细则文件，可核对内置细则的 sha256）、xlsx（细则工作簿，供打印和起草，需配合 --output）

cli-new-about = 以往年细则为底稿生成新一年度的细则：只改年度、考核周期和标题中的年份，其余原样保留
cli-new-from = 往年细则：内置细则的编号（如 counties）或细则文件（TOML）
cli-new-year = 新的考核年度，例如 2021
cli-new-output = 新细则文件（TOML），整体写入，不会只写一半
cli-import-about = 读入细则工作簿（按表格起草的考核细则），生成细则文件（TOML）
cli-import-workbook = 细则工作簿（.xlsx）：细则、基本信息、评分单位、考核对象、扣分标准各工作表
cli-import-output = 要写出的细则文件（TOML），整体写入，不会只写一半
cli-score-depth = 表格中在各考核内容前列出的指标层级：2 为二级指标，3 为三级指标；默认 1，只列考核内容
cli-score-previous = 上年的考核结果（本工具输出的 JSON 或 CSV 文件），用于与上年比较总分、等次和名次
cli-score-claims = 各单位的自评表（单位、项目、自评得分），可多次指定；结果中列出自评总分及与最终得分的差额

## 手册页（assess man）：各节标题，以及 clap 不生成的各节。示例中的命令按原样显示。

man-manual = 用户命令
man-render-failed = 无法生成手册页：{ $reason }
man-name = 政务公开和“放管服”改革工作考核计分工具
man-section-name = 名称
man-section-synopsis = 概要
man-section-description = 说明
man-section-options = 选项
man-section-commands = 命令
man-section-formats = 文件格式
man-section-exit = 退出状态
man-section-environment = 环境变量
man-section-files = 文件
man-section-examples = 示例
man-section-see-also = 参阅

man-description-what = assess 读入考核细则（TOML 格式）、各评分单位报送的年度考核得分和全年的日常考核记录（CSV 或 Excel），算出每个单位的各部分得分、总分、等次和名次，可输出为屏幕表格、CSV、JSON 或 Excel 工作簿。计算全程采用精确的十进制运算，按细则规定的小数位数四舍五入，公布的结果可以逐位复核。
man-description-rubrics = 程序内置 2020 年度的两套考核细则，未指定 --rubric 时使用：counties（各县（市））和 departments（地直各部门）。
man-description-errors = 输入文件中的问题一次全部列出，每条注明文件和行号；单位、项目或列名写错时，给出最接近的正确名称。只要还有问题未解决，就不进行计算，也不写出任何输出文件。
man-description-lang = 提示信息、表头、帮助和本手册页可用中文或英文显示，见 --lang 选项和“环境变量”一节。从文件中读到的名称、标题和数值按原样显示。

man-formats-intro = 以下为简要说明，全部规则和示例见 docs/formats.md。
man-format-rubric-title = 考核细则（TOML）
man-format-rubric-keys = 每类考核对象一个文件。顶层的键：id（编号，由小写字母、数字、_ 和 - 组成，同时载入的细则之间不得重复）、title（标题）、year（年度）、total（总分，各项目满分之和必须恰好等于此数）、decimals（公布分数保留的小数位数，0 至 6，默认 2）、ranking（排名方式：默认 competition，名次如 1、2、2、4；dense 时名次如 1、2、2、3）。表：[period] 考核期间，含 start 和 end（默认为全年）；[scorers] 评分单位，每行写作 编号 = "名称"；[[grade]] 等次，含 id、label（等次名称）和 min（分数下限），从高到低排列，下限严格递减，最后一个为 0；[[unit]] 考核对象名单，含 id 和 name。
man-format-rubric-items = 每个 [[section]]（考核内容，即一级指标）含 id、title 和若干 [[section.item]]（考核项目）：id、title、max（满分，大于 0）、scorers（评分单位编号 = 权重，权重均大于 0 且合计恰为 1）、可选的 max_deduct 和 max_add（全年核减、核加分值的上限），以及 criteria（评分标准原文）。没有 scorers 的项目只按日常考核记录计分：从 0 分起加（start = "zero"，默认，即加分项），或从满分起扣（start = "full"，即扣分制，扣完为止）。
man-format-rubric-checks = 数值按所写的十进制数精确读取（写 8、0.35 或 "0.35" 均可）。未知的键、重复的编号或名称、权重合计不为 1、各项满分之和不等于总分等，均报错，并注明所在的行和列。
man-format-tables-title = 表格：年度考核得分、日常考核记录、公布结果
man-format-tables-columns = 每张表第一行为表头。按列名找列，不计顺序，不分大小写，忽略首尾空格；每列都有中文列名（见下）和英文列名，任选其一即可；多余的列不读。空行跳过，单元格首尾空格去掉；某一行有问题时，报告该行的行号。
man-format-tables-encoding = CSV 文件可以是 UTF-8（带或不带 BOM），也可以是中文版 Windows 上 Excel 保存的 GBK/GB18030 编码：--encoding auto（默认）按内容自动区分。任何一张表都可以用 Excel 工作簿（.xlsx、.xlsm、.xls、.ods）代替 CSV，用 --sheet 指定工作表。
man-format-tables-values = 单位可填编号或名称，项目可填编号或标题，评分单位可填编号或名称。数字写成普通小数，如 27.5、0.25，不用科学计数法，不加千位分隔符。
man-format-annual-title = 年度考核得分
man-format-annual-columns = 列：单位、项目、评分单位（某项目有多个评分单位时必填）、得分，以及可选的备注。每个单位、项目、评分单位占一行；各评分单位的文件分别用一个 --annual 给出。
man-format-annual-rules = 得分为 0 至该项目满分之间的数；项目不适用于该单位时填“不涉及”（也可写“不适用”或 n/a），此时该项目的每个评分单位都须这样填。同一单位、项目、评分单位在全部文件中只能出现一次。缺少得分即报错；指定 --allow-missing 时按 0 分计算，并将结果标为“暂定”。
man-format-daily-title = 日常考核记录
man-format-daily-columns = 列：日期、单位、项目（一票否决时可空）、类型、分值（一票否决时为空或 0）、方式，以及可选的说明（发现的问题、文件文号等）。
man-format-daily-values = 日期写作 2020-05-19、2020/5/19 或 2020年5月19日，须在细则的考核期间之内。类型为 核减（扣分）、核加（加分）或 一票否决；分值为大于 0 的数；方式为 日常记录、随机抽查、专项检查、网上评测 或 材料报备。类型和方式也可写英文名称。
man-format-published-title = 公布结果（供 verify 核对）
man-format-published-columns = 列：单位、总分（或“得分”），可选等次、名次（或“排名”）。重新计算的总分按公布值所写的小数位数四舍五入后与之相等，即为一致；等次按编号或名称比对；名单中的单位未出现在公布结果中，也算不一致。不给 --annual、--daily（及 --measures、--adjust）时不重新计算，只按细则核对公布表本身：各部分之和与总分、等次与分数线、名次与总分（竞争排名或密集排名），以及名单中的单位是否都已列出且只列一次，并说明哪些无法核对。
man-format-scoring-title = 计分方法
man-format-scoring-item = 对每个单位的每个项目：基础分为各评分单位年度得分的加权和（没有评分单位的项目为 0 分或满分）；项目得分为基础分减核减、加核加（核减、核加各自累计后受上限约束），不低于 0 分、不高于满分，按细则的小数位数四舍五入。
man-format-scoring-total = 各部分得分为所含项目得分之和，总分为各部分得分之和。有“不涉及”项目时，总分按细则总分折算（表格中以 * 标注）。等次取总分达到其下限的第一个等次；有一票否决记录的单位，不论总分多少，均定为最低等次。名次为同一细则中总分高于本单位的单位个数加 1（ranking = "dense" 时，为高于本单位的不同总分的个数加 1）。

man-exit-ok = 完成；对 verify 命令而言，表示公布结果全部一致。
man-exit-mismatch = verify 命令发现至少一处不一致。每处都列出公布值所在的文件和行号、重新计算的值，以及可查看原因的 assess explain 命令。
man-exit-bad-input = 用法错误或输入有误。每个问题在标准错误输出上各占一行，形如“错误：文件:行号：问题说明”；不进行计算，也不写出任何输出文件。

man-env-assess-lang = 未指定 --lang 时使用的语言：zh（中文）或 en（英文），也可写 zh_CN.UTF-8、en_US.UTF-8 这样的区域名称。其他取值报错（退出状态 2）。
man-env-locale = 既未指定 --lang、也未设置 ASSESS_LANG 时，按此顺序取第一个指明中文或英文的变量（如 zh_CN.UTF-8、en_US.UTF-8）确定语言；都没有指明（未设置，或为 C、POSIX）时使用中文。

man-files-rubrics = 程序内置的两套考核细则，未指定 --rubric 时使用：counties（各县（市））和 departments（地直各部门）。细则编译在程序之中，不从磁盘读取：assess rubric 可列出其内容，assess rubric --format toml 可按原样输出细则文件，用作下一年度细则的底稿，或核对其 sha256 与印发的标准是否一致。

man-example-score = 计算一个年度的考核结果（每个评分单位一个年度得分文件），在屏幕上显示表格：
man-example-score-command = assess score --annual annual-office.csv --annual annual-lead.csv --daily daily.csv
man-example-excel = 将同样的结果输出为 Excel 工作簿，版式与公布通知中的表格一致：
man-example-excel-command = assess score --annual annual-office.csv --annual annual-lead.csv --daily daily.csv --format xlsx --output 考核结果.xlsx
man-example-verify = 重新计算已公布的结果，列出全部差异（有差异时退出状态为 1）：
man-example-verify-command = assess verify --annual annual-office.csv --annual annual-lead.csv --daily daily.csv --published published.csv
man-example-explain = 逐行查看某个单位的得分从何而来：
man-example-explain-command = assess explain 塔城市 --annual annual-office.csv --annual annual-lead.csv --daily daily.csv
man-example-template = 生成待填写的年度考核得分空表，Windows 上的 Excel 可直接正确打开：
man-example-template-command = assess template annual --bom --output 年度考核得分.csv
man-example-man = 保存本手册页，再用 man 阅读：
man-example-man-command = assess man > assess.1 && man ./assess.1

man-see-formats = 各类文件的格式和全部计分规则，附示例。
man-see-rubrics = 两套内置考核细则及其取舍说明。
man-see-audit = 供审核人员使用：重新计算并核对公布结果。
man-see-office = Excel 工作簿的读入与输出、文件编码、在 Windows 上使用。
man-see-docs = 这些文档随程序提供：在发布的压缩包和源码中，与 README.md 放在一起。
cli-verify-format = 核对报告的格式：text（默认）或 json（供脚本使用，assess.verify.v1）

## template 的参数
cli-template-kind = 模板种类：annual（年度考核得分）、daily（日常考核记录）、published（公布结果）、measures（指标数据）、adjust（复核调整）、notice（通报设置，供 publish --notice 使用）
cli-template-id = 只为编号为 ID 的细则生成模板（例如 counties）
cli-template-scorer = 年度模板只列该评分单位评分的项目（填写编号或名称）；不指定时，长表列出全部评分单位，宽表工作簿每个评分单位一个工作表
cli-template-layout = 年度模板的版式：long（默认，每个单位、项目、评分单位一行）或 wide（评分表：每个单位一行，每个项目一列）
cli-template-format = 输出格式：csv 或 xlsx（带数据有效性的工作簿，须用 --output 指定文件）；默认按 --output 的扩展名，否则为 csv
## publish：一年的公文材料
cli-publish-about = 发布：把考核结果通报（Word 和 Markdown）、各单位整改台账（Excel）和分析报告（网页）写入一个文件夹
cli-publish-previous = 上年的考核结果（本工具输出的 JSON 或 CSV 文件），通报和分析报告中列出与上年的比较
cli-publish-claims = 各单位的自评表（单位、项目、自评得分），可多次指定；整改台账和分析报告中列出自评得分
cli-publish-output = 写入的文件夹 DIR：整体写出，失败时不留下任何文件；已存在时须加 --force
cli-publish-force = 文件夹 DIR 已存在时，用本次结果整体替换它
## rectify：收回整改台账
cli-rectify-about = 整改：读入各单位报回的整改台账，汇总报送、整改和逾期情况
cli-rectify-ledgers = 报回的整改台账（填写后的 反馈/单位名称.xlsx）：文件，或存放台账的文件夹；按表头中的单位识别，文件名不限
cli-rectify-as_of = 按此日期判断整改时限是否已过，例如 2021-03-31；默认为北京时间的今天
cli-rectify-output = 另将汇总写入 Excel 工作簿 FILE.xlsx（整改情况汇总），整体写入，不会只写一半
