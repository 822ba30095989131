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
cli-verify-about = Recompute and compare with published results; without annual scores or daily records, check the published table on its own
cli-explain-about = Show where one unit's (or item's) score comes from, line by line
cli-template-about = Write a blank table to fill in: annual scores, daily records, published results, measured values or the review's adjustments; or the notice's settings file
cli-rubric-about = Print the loaded rubrics: items, maxima, scorers, caps, criteria, grades, roster
cli-completions-about = Print a shell completion script (bash, zsh, fish, elvish, powershell)
cli-man-about = Print the manual page (roff), e.g. assess man > assess.1

cli-arg-lang = Language of messages and labels: zh (Chinese) or en (English); when not given, ASSESS_LANG, then the locale, then Chinese
cli-arg-rubrics = A rubric file (TOML); repeatable. Default: the two embedded rubrics, counties and departments
cli-arg-annual = An annual scores file (CSV or Excel workbook, long or wide); repeatable, e.g. one per scorer; FILE@SCORER names the scorer of its tables that do not name their own
cli-arg-daily = A daily records file (CSV or Excel workbook); repeatable
cli-arg-measures = A file of measured values (a rate, a count; CSV or Excel workbook, long or wide) from which lines with a measure are scored; repeatable
cli-arg-adjust = A file of the review's adjustments (CSV or Excel workbook): rescores and withdrawn daily records, each with its reason and document; repeatable
cli-arg-allow_missing = Count a missing annual score as 0 and mark the result provisional
cli-arg-encoding = Encoding of CSV files: auto (default: tells UTF-8 from GBK/GB18030 by the bytes), utf8, gbk
cli-arg-sheet = Only these worksheets of Excel inputs (repeat the flag, or give a comma list); default: every sheet but empty, hidden and instructions sheets
cli-arg-output = Write to FILE (whole or not at all) instead of standard output
cli-arg-bom = Start CSV output with a UTF-8 BOM, so Excel on Windows shows Chinese correctly
cli-arg-published = The published results (CSV, every sheet of a workbook, or the tables of a Word notice .docx): unit, total, and optionally grade, rank and section scores
cli-arg-unit = The unit, by id or name
cli-arg-item = Only this item, by id or title
cli-arg-id = Only the rubric with this id (e.g. counties)
cli-arg-shell = The shell: bash, zsh, fish, elvish, powershell
cli-arg-kind = Which template: annual (a row per unit, item and scorer), daily (the daily records' header), published (a row per unit), measures (a row per unit, a column per measure), adjust (the review's changes)
cli-score-format = Output format: table (default, for a terminal), csv (a row per unit), json (the whole computation), xlsx (an Excel workbook; needs --output)
cli-explain-format = Output format: text (default, for a terminal), json (for scripts, assess.explain.v1)
cli-rubric-format = Output format: text (default, for a terminal), markdown (to publish the standard), toml (the rubric files as loaded, to check an embedded rubric's sha256), xlsx (a rubric workbook to print and draft in; needs --output)

cli-new-about = Start a new year from an earlier rubric: the year, the period and the years in the title move; nothing else changes
cli-new-from = The earlier rubric: an embedded rubric's id (e.g. counties) or a rubric file (TOML)
cli-new-year = The new year, e.g. 2021
cli-new-output = The new rubric file (TOML), written whole or not at all
cli-import-about = Read a rubric workbook (a rubric drafted as a table) back into a rubric file (TOML)
cli-import-workbook = The rubric workbook (.xlsx), in the layout that rubric --format xlsx writes
cli-import-output = The rubric file to write (TOML), whole or not at all
cli-score-depth = Table columns for the indicators down to this level (2 = second level, 3 = third) before each section; default 1, sections only
cli-score-previous = An earlier result of this tool (its JSON or CSV output), to compare totals, grades and ranks with last year's
cli-score-claims = The units' self-assessment (unit, item, claimed score); repeatable: the self-assessed total and its difference from the final one are shown

## The manual page (assess man): section titles, then the sections that
## clap does not write. Commands in examples are shown as written.

man-manual = User Commands
man-render-failed = cannot write the manual page: { $reason }
man-name = score the yearly assessment of government openness and reform work
man-section-name = NAME
man-section-synopsis = SYNOPSIS
man-section-description = DESCRIPTION
man-section-options = OPTIONS
man-section-commands = COMMANDS
man-section-formats = FILE FORMATS
man-section-exit = EXIT STATUS
man-section-environment = ENVIRONMENT
man-section-files = FILES
man-section-examples = EXAMPLES
man-section-see-also = SEE ALSO

man-description-what = assess reads a rubric (the scoring standard, in TOML), the annual scores that each scorer gives and the daily records of the year (CSV or Excel), and prints every unit's section scores, total, grade and rank as a table, CSV, JSON or an Excel workbook. The arithmetic is exact decimal arithmetic, rounded halves away from zero to the rubric's decimal places, so that a published table can be recomputed to the last digit.
man-description-rubrics = The two rubrics of the 2020 assessment are built in and used when no --rubric is given: counties, for the county and city governments, and departments, for the prefecture departments.
man-description-errors = Every problem in the inputs is reported in one run, each with its file and line, and with the nearest known name where a unit, item or column is misspelt. While any problem is left, nothing is computed and no output file is written.
man-description-lang = Messages, table headers, help and this page are in Chinese or English: see --lang and ENVIRONMENT. Names, titles and values read from the files are shown as written.

man-formats-intro = In brief; docs/formats.md gives every rule, with examples.
man-format-rubric-title = Rubric (TOML)
man-format-rubric-keys = One file per class of units. Top-level keys: id (lowercase letters, digits, _ and -; unique among the rubrics of a run), title, year, total (the scale: the item maxima must add up to exactly this), decimals (places of every published score, 0 to 6, default 2) and ranking (competition, the default, ranks 1, 2, 2, 4; dense ranks 1, 2, 2, 3). Tables: [period] with start and end (default: the whole year), [scorers] naming each scorer as id = "name", [[grade]] entries with id, label and min (highest first, min strictly descending, the last min 0), and the roster of units as [[unit]] entries with id and name.
man-format-rubric-items = Each [[section]] has an id, a title and its [[section.item]] entries: id, title, max (above 0), scorers (a table of scorer id = weight, the weights above 0 and adding up to exactly 1), the optional caps max_deduct and max_add on the year's deductions and additions on the item, and criteria (the written scoring standard). An item without scorers is scored by daily records alone, from 0 (start = "zero", the default) or down from its max (start = "full").
man-format-rubric-checks = Numbers are read as the exact decimal written (8, 0.35 or "0.35"). Unknown keys, repeated ids or names, weights that do not add up to 1 and maxima that do not add up to the total are errors, each reported at its line and column.
man-format-tables-title = Tables: annual scores, daily records, published results
man-format-tables-columns = Each table starts with a header row. Columns are found by name, in any order, ignoring case and surrounding spaces; each column has the English name given below and a Chinese name, either of which may be used; other columns are ignored. Blank lines are skipped and cells are trimmed; a problem in a row is reported at that row's line.
man-format-tables-encoding = A CSV file may be UTF-8, with or without a byte order mark, or GBK/GB18030 as Excel saves it on Chinese Windows: --encoding auto, the default, tells them apart by the bytes. Any table may be an Excel workbook instead of CSV (.xlsx, .xlsm, .xls, .ods); --sheet chooses the worksheet.
man-format-tables-values = A unit may be named by its id or its name, an item by its id or its title, a scorer by its id or its name. Numbers are plain decimals such as 27.5 or 0.25, with no exponent and no thousands separator.
man-format-annual-title = Annual scores
man-format-annual-columns = Columns: unit, item, scorer (needed when an item has more than one scorer), score and an optional note. One row per unit, item and scorer; the files of several scorers are given with one --annual each.
man-format-annual-rules = A score is a decimal from 0 to the item's max, or n/a for an item that does not apply to the unit, which every scorer of the item must then give. A unit, item and scorer appears at most once across all the files. A missing score is an error, unless --allow-missing counts it as 0 and marks the result provisional.
man-format-daily-title = Daily records
man-format-daily-columns = Columns: date, unit, item (may be empty for a veto), kind, points (empty or 0 for a veto), method and an optional note (what was found, the document number).
man-format-daily-values = A date is written 2020-05-19, 2020/5/19 or in the Chinese year-month-day form, inside the rubric's period. A kind is deduct, add or veto; points are a decimal above 0; a method is daily_record, spot_check, special_inspection, online_evaluation or material_filing. Kinds and methods may also be written by their Chinese names.
man-format-published-title = Published results (for verify)
man-format-published-columns = Columns: unit and total, optionally grade and rank. A total matches when the recomputed total, rounded to the decimal places written in the file, equals it; a grade matches by id or label; a unit of the roster missing from the file is a mismatch too. Without --annual and --daily (nor --measures or --adjust) nothing is recomputed: the table is checked on its own against the rubrics (its parts add up to its totals, its grades follow the thresholds, its ranks follow the totals by competition or dense ranking, every unit of the rosters is listed once), and what cannot be checked is said.
man-format-scoring-title = How a score is computed
man-format-scoring-item = For each unit and item, the base is the weighted sum of the scorers' annual scores (for an item without scorers, 0 or its max). The item score is the base minus the deductions plus the additions (each summed, then capped), kept between 0 and the item's max and rounded to the rubric's decimal places, halves away from zero.
man-format-scoring-total = A section's score is the sum of its item scores and the total is the sum of the section scores. When some items are n/a, the total is rescaled to the rubric's scale (marked * in the table). The grade is the first whose min the total reaches, but a veto gives the lowest grade whatever the total. The rank is 1 plus the number of units of the same rubric with a greater total (with ranking = "dense", 1 plus the number of distinct greater totals).

man-exit-ok = Done. For verify: every published value matches.
man-exit-mismatch = verify found at least one mismatch. Each is printed with the published value's file and line, the recomputed value and an assess explain command that shows why.
man-exit-bad-input = Bad usage or bad input. Every problem is printed on standard error as error: FILE:LINE: what is wrong; nothing is computed and no output file is written.

man-env-assess-lang = The language when --lang is not given: zh (Chinese) or en (English); a locale name such as zh_CN.UTF-8 or en_US.UTF-8 works too. Any other value is an error (exit status 2).
man-env-locale = When neither --lang nor ASSESS_LANG is set, the first of these variables that names Chinese or English (zh_CN.UTF-8, en_US.UTF-8) sets the language; when none does (unset, C, POSIX), the language is Chinese.

man-files-rubrics = The two rubrics built into the program, used when no --rubric is given: counties (the county and city governments) and departments (the prefecture departments). They are part of the program, not read from the disk: assess rubric shows them, and assess rubric --format toml prints the files exactly as built in, to start next year's rubric from or to check their sha256 against the published standard.

man-example-score = Score a year, with one annual scores file per scorer, and show the table:
man-example-score-command = assess score --annual annual-office.csv --annual annual-lead.csv --daily daily.csv
man-example-excel = The same result as an Excel workbook laid out like the published notice:
man-example-excel-command = assess score --annual annual-office.csv --annual annual-lead.csv --daily daily.csv --format xlsx --output result.xlsx
man-example-verify = Recompute a published table and list every difference (exit status 1 when there is one):
man-example-verify-command = assess verify --annual annual-office.csv --annual annual-lead.csv --daily daily.csv --published published.csv
man-example-explain = Show where one unit's score comes from, line by line:
man-example-explain-command = assess explain tacheng --annual annual-office.csv --annual annual-lead.csv --daily daily.csv
man-example-template = Write a blank annual scores table to fill in, which Excel on Windows opens correctly:
man-example-template-command = assess template annual --bom --output annual.csv
man-example-man = Save this page in English and read it with man:
man-example-man-command = assess man --lang en > assess.1 && man ./assess.1

man-see-formats = The files and every rule of the computation, with examples.
man-see-rubrics = The two built-in rubrics and the choices they make.
man-see-audit = For auditors: recomputing and checking a published result.
man-see-office = Excel workbooks in and out, encodings, Windows.
man-see-docs = These documents come with the program: in the release archive and in the source, beside README.md.
cli-verify-format = The report: text (default) or json (for scripts, assess.verify.v1)

## template's arguments
cli-template-kind = Which template: annual (annual scores), daily (daily records), published (published results), measures (measured values), adjust (the review's adjustments), notice (the notice's settings, for publish --notice)
cli-template-id = Only for the rubric with this id (e.g. counties)
cli-template-scorer = Annual: only the items this scorer scores (by id or name); without it, the long table lists every scorer and a wide workbook has one sheet per scorer
cli-template-layout = Annual layout: long (default: a row per unit, item and scorer) or wide (a scoring sheet: a row per unit, a column per item)
cli-template-format = Output format: csv or xlsx (a workbook with data validation; needs --output); default: from the extension of --output, else csv
## publish: the year's paperwork
cli-publish-about = Write the results notice (Word and Markdown), each unit's rectification ledger (Excel) and the analysis report (a web page) into one folder
cli-publish-previous = An earlier result of this tool (JSON or CSV): the notice and the report show the change from last year
cli-publish-claims = The units' self-assessment (unit, item, claimed score); repeatable: the rectification ledgers and the report show the claims
cli-publish-output = The folder DIR to write, whole: a failure leaves nothing behind; an existing DIR needs --force
cli-publish-force = Replace an existing folder DIR, whole, with this result
## rectify: the ledgers that come back
cli-rectify-about = Read the rectification ledgers the units sent back and report who returned one, what is done and what is overdue
cli-rectify-ledgers = The ledgers sent back (the units' workbooks of publish, filled in): files, or folders holding them; each is known by the unit its header names, whatever its file name
cli-rectify-as_of = The day deadlines are checked against, e.g. 2021-03-31; default: today in Beijing time (UTC+8)
cli-rectify-output = Also write the summary as a workbook FILE.xlsx, whole or not at all
