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
cli-verify-about = 核对：重新计算并与公布的结果逐一比对
cli-explain-about = 计分过程：逐行说明某个单位（或某个项目）的得分从何而来
cli-template-about = 模板：生成待填写的空表（年度考核得分、日常考核记录或公布结果）
cli-rubric-about = 细则：列出所载考核细则的项目、分值、评分单位、扣加分上限、评分标准、等次和考核对象
cli-completions-about = 输出命令行自动补全脚本（bash、zsh、fish、elvish、powershell）
cli-man-about = 输出手册页（roff 格式），例如 assess man > assess.1

cli-arg-lang = 提示信息和表头的语言：zh（中文）或 en（英文）；未指定时依次看环境变量 ASSESS_LANG 和系统语言设置，默认中文
cli-arg-rubrics = 考核细则文件（TOML），可多次指定；不指定时使用内置的两套细则：各县（市）（counties）和地直各部门（departments）
cli-arg-annual = 年度考核得分文件（CSV 或 Excel 工作簿，逐行表或评分表均可），可多次指定，例如每个评分单位一个文件；写成“文件@评分单位”可为未写明评分单位的表指定评分单位
cli-arg-daily = 日常考核记录文件（CSV 或 Excel 工作簿），可多次指定
cli-arg-allow_missing = 缺少的年度得分按 0 分计算，结果标为“暂定”
cli-arg-encoding = CSV 文件的编码：auto（默认，按内容区分 UTF-8 与 GBK/GB18030）、utf8、gbk
cli-arg-sheet = 只读取 Excel 输入文件中的这些工作表（可多次指定，或用逗号分隔）；默认读取除空表和说明页（说明、填表说明）以外的所有工作表
cli-arg-output = 写入文件 FILE（整体写入，不会只写一半），不指定时输出到屏幕
cli-arg-bom = CSV 输出以 UTF-8 BOM 开头，便于 Windows 上的 Excel 正确显示中文
cli-arg-published = 已公布的结果（CSV 或 Excel）：单位、总分，可选等次、名次
cli-arg-unit = 单位，填编号或名称
cli-arg-item = 只看这一个项目，填编号或名称
cli-arg-id = 只看编号为 ID 的细则（例如 counties）
cli-arg-shell = 命令行类型：bash、zsh、fish、elvish、powershell
cli-arg-kind = 模板种类：annual（年度考核得分，每个单位、项目、评分单位一行）、daily（日常考核记录的表头）、published（公布结果，每个单位一行）
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
