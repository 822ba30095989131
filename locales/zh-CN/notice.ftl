## notice: 通报.docx and 通报.md (GB/T 9704), and --notice FILE.toml

## 命令行
cli-publish-notice = 通报设置文件（TOML）：发文机关、发文字号、成文日期、主送和抄送机关、印发机关和日期、是否公开、工作要求和整改期限；不指定时，通报中留出空白由起草人填写。模板见 assess template notice

## 通报设置文件（--notice）的读取
notice-settings-place = 通报设置文件
notice-settings-not-utf8 = 通报设置文件不是 UTF-8 编码，请以 UTF-8 编码另存（TOML 文件一律使用 UTF-8 编码）。
notice-settings-not-date = “{ $key }”应为日期，如 2021-02-20（或“2021年2月20日”），并且是日历上有的一天。
notice-settings-not-texts = “{ $key }”应为带引号的文本或文本的列表，如 { $key } = ["……", "……"]，不能是{ $type }。
notice-settings-empty = “{ $key }”为空：请填写内容，或删去这一行（通报中留出空白）。
notice-settings-control = “{ $key }”中含有控制字符（“{ $value }”）：通报中的每项内容只能是可显示的文字。
notice-settings-number = 发文字号“{ $value }”不合公文格式：应为“机关代字〔年份〕序号号”，年份写全四位并用六角括号〔〕括入，序号不编虚位，如“塔行办发〔2021〕5号”{ $hint }。
notice-settings-before-date = “{ $key }”（{ $value }）早于成文日期（{ $date }）。
notice-template-flag = 通报设置模板与考核细则和表格无关，不使用 { $flag }：请去掉该参数。

## 通报设置模板（assess template notice），每行前加“# ”
notice-template-head =
    通报设置：assess publish --notice 本文件
    各项均可省略：省略的项目在通报中留出空白（如发文字号“〔    〕号”），由起草人填写，程序不代填。
    去掉行首的“# ”即启用该项。日期写作 2021-02-20，通报中按公文格式写作“2021年2月20日”。
notice-template-issuer = 发文机关：版头的发文机关标志（其后加“文件”二字）和落款署名。
notice-template-number = 发文字号：机关代字、年份和序号，年份用六角括号〔〕括入，序号不编虚位（不写作“05号”）。
notice-template-date = 成文日期：落款署名下的日期。
notice-template-to = 主送机关：标题下顶格的一行，多个机关用逗号隔开；省略时按考核细则写各类考核对象（如“各县（市）、地直各部门”）。
notice-template-cc = 抄送机关：版记中的“抄送”一行，可写多个；省略时不列抄送。
notice-template-printed-by = 印发机关：版记中的印发机关；省略时同发文机关。
notice-template-printed-on = 印发日期：版记中的印发日期；省略时同成文日期。
notice-template-public = 是否在成文日期下加附注“（此件公开发布）”：true 或 false。
notice-template-name-failing = 是否在正文中点名最低等次的单位：true 或 false。
notice-template-deadline = 整改台账的报送期限，写在工作要求之后；省略时不写期限。
notice-template-requirements = 工作要求：每项一段；省略时使用程序的标准表述（对照整改台账逐条整改，巩固成绩、补齐短板）。
notice-example-issuer = 塔城地区行政公署办公室
notice-example-number = 塔行办发〔2021〕5号
notice-example-to = 各县（市）人民政府，地直各部门
notice-example-cc = 地区纪委监委
notice-example-requirement-1 = 各单位要对照整改台账逐条整改，实行销号管理。
notice-example-requirement-2 = 各单位要巩固成绩、补齐短板，推动政务公开和“放管服”改革工作再上新台阶。

## 版头、主送、落款和版记；未设置的项目留出空白
notice-masthead = { $issuer }文件
notice-blank-issuer = （发文机关）
notice-blank-number = 〔    〕号
notice-blank-date = {"    "}年{"  "}月{"  "}日
notice-to = { $organs }：
notice-organ-separator = ，
notice-public = （此件公开发布）
notice-cc = 抄送：{ $organs }。
notice-printed-on = { $date }印发
# 通报.md 中版记的印发机关和印发日期之间（两个全角空格）
notice-md-printed = { $printer }{"　　"}{ $printed }

## 正文
notice-intro = 根据{ $rubrics }，对{ $units }{ $year }年度工作情况进行了考核。现将考核结果通报如下。
notice-h-method = { $number }、考核基本情况
notice-method = 考核采取日常考核与年度考核相结合的方式，在各单位自查的基础上进行。{ $daily }{ $annual }考核组综合日常考核和年度考核情况，评定各单位得分和等次。
notice-method-daily = 日常考核通过{ $methods }等方式开展，发现的问题按考核细则核减或核加相应指标分值{ $veto ->
    [yes] ，发现细则规定的严重问题的实行一票否决
   *[no] {""}
}。
notice-method-no-daily = 本年度日常考核未记录需核减或核加分值的问题。
notice-method-annual = 年度考核由{ $scorers }按考核细则分别评分。
notice-method-no-annual = 年度考核按考核细则评分。
notice-grades = 考核结果分为{ $bands }{ $count ->
    [2] 两
    [3] 三
    [4] 四
    [5] 五
    [6] 六
   *[other] { $count }
}个等次。
notice-grades-of = { $name }考核结果分为{ $bands }{ $count ->
    [2] 两
    [3] 三
    [4] 四
    [5] 五
    [6] 六
   *[other] { $count }
}个等次。
notice-band-top = { $label }（{ $min }分及以上）
notice-band = { $label }（{ $min }分及以上、不足{ $upper }分）
notice-band-bottom = { $label }（不足{ $upper }分）
notice-band-only = { $label }
notice-review-text = 考核结果经公示后，考核组对各单位提出的意见进行了复核，调整了{ $units }个单位的{ $lines }项得分（见{ $annex }），以下均为复核后的结果。
notice-h-results = { $number }、考核结果
notice-h-rubric = （{ $number }）{ $name }
notice-results-intro = 共{ $count }个单位参加考核，各单位得分和名次见{ $annex }。
notice-veto-found = { $unit }：{ $date }{ $method }发现，{ $note }。按照考核细则实行一票否决，考核等次定为{ $grade }{ $last ->
    [yes] ，排名列最后
   *[no] {""}
}。
notice-veto-found-said = { $unit }：{ $date }{ $method }发现，{ $note }。考核等次定为{ $grade }{ $last ->
    [yes] ，排名列最后
   *[no] {""}
}。
# A veto record's note that holds this word already says the veto.
notice-veto-word = 一票否决
notice-veto-recorded = { $unit }：{ $date }{ $method }中被记一票否决，考核等次定为{ $grade }{ $last ->
    [yes] ，排名列最后
   *[no] {""}
}。
notice-veto-plain = { $unit }被一票否决，考核等次定为{ $grade }{ $last ->
    [yes] ，排名列最后
   *[no] {""}
}。
# name_failing = false: the lowest grade counted, its units named only in the annex.
notice-grade-line-unnamed = { $grade }等次（{ $count }个），名单见{ $annex }。
notice-veto-unnamed = { $count }个单位被一票否决，考核等次定为{ $grade }（见{ $annex }的注）。
notice-scaled-brief = { $units }有不涉及的考核项目，{ $what }按适用项目得分折算为{ $scale }分制（计算过程见{ $annex }的注）。
notice-conversion-brief = 各单位总分按考核细则折算为“{ $label }”，列于{ $annex }。
notice-h-use = { $number }、结果运用
notice-use = 考核结果纳入绩效目标管理考核{ $converted ->
    [yes] （折算分见附件）
   *[no] {""}
}。
notice-use-lowest-unnamed = 获评{ $grade }等次的单位要认真查找问题、分析原因，限期整改到位。
notice-h-requirements = { $number }、工作要求
notice-requirement-ledger = 各单位要对照反馈的整改台账，逐条研究制定整改措施，明确责任科室、责任人和整改时限，实行销号管理，确保问题整改到位。
notice-requirement-improve = 各单位要以此次考核为契机，巩固成绩、补齐短板，推动政务公开和“放管服”改革工作再上新台阶。
notice-deadline = 请各单位于{ $date }前将整改台账报送{ $office }。

## 附件说明和附件
notice-attachment-lead = 附件：
notice-attachment-number = { $number }.
notice-annex-label = 附件{ $number }
notice-annex-label-only = 附件
notice-annex-title = { $name }{ $year }年度考核结果
notice-notes-head = 注：
notice-note-records = { $records ->
    [0] 本年度无日常考核记录。
   *[other] 日常考核记录{ $records }条（核减{ $deducts }条、核加{ $adds }条、一票否决{ $vetoes }条）已按考核细则计入。
}
notice-note-veto = { $unit }一票否决，等次定为{ $grade }（总分{ $total }分，名次按总分列第{ $rank }名）。
notice-note-veto-last = { $unit }一票否决，等次定为{ $grade }（总分{ $total }分，名次列于未被否决的单位之后，为第{ $rank }名）。
notice-note-adjusted = 经复核调整的单位（{ $count }项，见{ $annex }）。

## 通报 Word 文档的字体（GB/T 9704：标题小标宋，正文仿宋，一级标题黑体，二级标题楷体，页码宋体）；
## 每种字体后为缺少该字体时 Word 和 WPS 查找的名称
notice-face-title = 方正小标宋简体
notice-face-title-alt = FZXiaoBiaoSong-B05S
notice-face-body = 仿宋_GB2312
notice-face-body-alt = 仿宋
notice-face-heading = 黑体
notice-face-heading-alt = SimHei
notice-face-kai = 楷体_GB2312
notice-face-kai-alt = 楷体
notice-face-page = 宋体
notice-face-page-alt = SimSun
notice-face-latin = Times New Roman
