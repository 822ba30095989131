## Command-line help

cli-about = Scores the yearly assessment of government openness and the reform to delegate power, improve regulation and upgrade services: rubric files, annual scores and daily records in; every unit's scores, total, grade and rank out.
cli-help = Print help
cli-version = Print the version
cli-heading-options = Options
cli-heading-arguments = Arguments
cli-heading-commands = Commands
cli-value-command = COMMAND

cli-score-about = Compute every unit's section scores, total, grade and rank
cli-check-about = Validate the rubrics and every input without computing
cli-verify-about = Recompute and compare with published results
cli-explain-about = Show where one unit's (or item's) score comes from, line by line
cli-template-about = Write a blank table to fill in: annual scores, daily records or published results
cli-rubric-about = Print the loaded rubrics: items, maxima, scorers, caps, criteria, grades, roster
cli-completions-about = Print a shell completion script (bash, zsh, fish, elvish, powershell)
cli-man-about = Print the manual page (roff), e.g. assess man > assess.1

cli-arg-lang = Language of messages and labels: zh (Chinese) or en (English); when not given, ASSESS_LANG, then the locale, then Chinese
cli-arg-rubrics = A rubric file (TOML); repeatable. Default: the two embedded rubrics, counties and departments
cli-arg-annual = An annual scores file (CSV or Excel workbook, long or wide); repeatable, e.g. one per scorer; FILE@SCORER names the scorer of its tables that do not name their own
cli-arg-daily = A daily records file (CSV or Excel workbook); repeatable
cli-arg-allow_missing = Count a missing annual score as 0 and mark the result provisional
cli-arg-encoding = Encoding of CSV files: auto (default: tells UTF-8 from GBK/GB18030 by the bytes), utf8, gbk
cli-arg-sheet = Only these worksheets of Excel inputs (repeat the flag, or give a comma list); default: every sheet but empty, hidden and instructions sheets
cli-arg-output = Write to FILE (whole or not at all) instead of standard output
cli-arg-bom = Start CSV output with a UTF-8 BOM, so Excel on Windows shows Chinese correctly
cli-arg-published = The published results (CSV or Excel): unit, total, and optionally grade and rank
cli-arg-unit = The unit, by id or name
cli-arg-item = Only this item, by id or title
cli-arg-id = Only the rubric with this id (e.g. counties)
cli-arg-shell = The shell: bash, zsh, fish, elvish, powershell
cli-arg-kind = Which template: annual (a row per unit, item and scorer), daily (the daily records' header), published (a row per unit)
cli-score-format = Output format: table (default, for a terminal), csv (a row per unit), json (the whole computation), xlsx (an Excel workbook; needs --output)
cli-explain-format = Output format: text (default, for a terminal), json (for scripts, assess.explain.v1)
cli-rubric-format = Output format: text (default, for a terminal), markdown (to publish the standard), toml (the rubric files as loaded, to check an embedded rubric's sha256), xlsx (a rubric workbook to print and draft in; needs --output)

cli-new-about = Start a new year from an earlier rubric: the year, the period and the years in the title move; nothing else changes
cli-new-from = The earlier rubric: an embedded rubric's id (e.g. counties) or a rubric file (TOML)
cli-new-year = The new year, e.g. 2021
cli-new-output = The new rubric file (TOML), written whole or not at all
cli-import-about = Read a rubric workbook (a rubric drafted as a table) back into a rubric file (TOML)
cli-import-workbook = The rubric workbook (.xlsx): sheets 细则, 基本信息, 评分单位, 考核对象, 扣分标准
cli-import-output = The rubric file to write (TOML), whole or not at all
cli-score-depth = Table columns for the indicators down to this level (2 = second level, 3 = third) before each section; default 1, sections only
