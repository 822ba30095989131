## input
## Input tables: annual scores, daily records, published results.
## Values quoted from the input (units, items, cells) and column keys are
## shown as written.

## Reading a file

source-cannot-read-file = cannot read the file: { $reason }
source-cannot-read-rubric = cannot read the rubric: { $reason }
# Why a file cannot be read; $detail is the system's own text, for other failures.
source-io-reason = { $kind ->
        [not-found] no such file or directory
        [permission] permission denied
        [directory] it is a folder, not a file
       *[other] { $detail }
    }

## The table: encodings, header, rows

table-file-empty = the file is empty: it needs a header row and data rows
table-sheet-empty = the sheet is empty: it needs a header row and data rows
table-row-width = this row has { $cells ->
        [one] 1 cell
       *[other] { $cells } cells
    } but the header has { $header }: check for a missing or extra comma, a quote (") left open, or a cell holding a comma that needs quotes
table-too-many-errors = { $count } problems in this file: the rest of it is not read; mend these first
table-not-utf8-bom = this line is not valid UTF-8, although it starts with a UTF-8 BOM
table-not-utf8 = this line is not valid UTF-8 (try --encoding gbk if it was saved by Excel on Chinese Windows)
table-not-utf8-nor-gbk = this line is neither UTF-8 nor GBK/GB18030: save it as UTF-8 CSV
table-not-gbk = this line is not valid GBK/GB18030 (try --encoding utf8)
table-line-too-long = a row here runs past { $mib } MiB: check for a quote (") left open; the file is not read further
table-stream-gbk = line { $line } is not valid GBK/GB18030
table-column-twice = columns { $first } and { $second } are both the column { $column }: keep one
table-column-missing = the header has no column { $column }{ $hint }: name a column `{ $key }`
table-column-hint = { " " }(is "{ $header }" meant to be it?)

# How messages name a column.
table-column-unit = unit
table-column-item = item
table-column-scorer = scorer
table-column-score = score
table-column-note = note
table-column-explanation = note
table-column-date = date
table-column-kind = kind
table-column-points = points
table-column-method = method
table-column-total = total
table-column-grade = grade
table-column-rank = rank
table-column-other = { $key }

## Units and items named in any table

input-file-twice = this file is given twice: give each input file once
input-unit-empty = the unit is empty: name a unit by its id or its name
input-unknown-unit = unknown unit "{ $unit }"{ $hint }: name a unit of a rubric's roster by its id or its name
input-item-empty = the item is empty: name an item by its id or its title
input-unknown-item = unknown item "{ $item }" for { $unit } (rubric { $rubric }){ $hint }: name an item by its id or its title
# A list of names: a, b, c.
list = { $items }
list-more = {" "}… and { $count } more

## What only the whole year tells

input-score-for-class = a score of "{ $unit }" for { $item } "{ $title }", which does not apply to this unit by the class rule at { $rule }: leave it out, or write n/a
input-zero-on-na = a zero record on { $item } "{ $title }" of "{ $unit }", none of which applies to it: there is nothing to zero; remove the record
input-missing-measure = no value of the measure "{ $measure }" ({ $measure_id }) for "{ $unit }" ({ $unit_id }): add it to a --measures file; to count it as 0, add --allow-missing
input-na-disagree = { $scorer } scores { $unit } item { $item } "{ $title }" { $value } but { $na } says n/a: every scorer of the item must say n/a, or none
input-na-missing-scorer = { $unit } item { $item } "{ $title }" is n/a here, but scorer { $scorer } gave no n/a for it: every scorer of the item must say n/a
input-daily-on-na = a daily record touches { $unit } item { $item } "{ $title }", which is n/a for it at { $na }: remove the record or the n/a
input-missing-score = no annual score of { $scorer } ({ $scorer_id }) for { $unit } ({ $unit_id }) on item { $item } "{ $title }": add it to an --annual file, or pass --allow-missing to count it as 0
input-missing-score-cell = this cell is empty: the annual score of { $scorer } for "{ $unit }" on item { $item } "{ $title }" is missing; fill it in, or add --allow-missing to count it as 0
input-missing-score-table = this table of { $scorer } has no score for "{ $unit }" on item { $item } "{ $title }": add the row (or cell); or add --allow-missing to count it as 0
input-missing-line = this table of { $scorer } has no score for item { $item } "{ $title }" (its column is missing or misnamed): add it, or add --allow-missing to count it as 0
input-missing-unit = this table of { $scorer } has no score for "{ $unit }" (its row is missing or misnamed): add it, or add --allow-missing to count it as 0
input-nothing-applies = no item applies to { $unit } ({ $unit_id }): every item is n/a, so it cannot be scored

## Annual scores

annual-no-scorers = item { $item } "{ $title }" has no scorers: it is scored by daily records alone, so it takes no annual score
annual-scorer-empty = the scorer is empty, but item { $item } "{ $title }" has several ({ $scorers }): name the one this score is from
annual-scorer-unknown = scorer "{ $scorer }" is not a scorer of item { $item } "{ $title }"{ $hint }; its scorers are: { $scorers }
annual-scorer-not-of-item = scorer "{ $scorer }" does not score item { $item } "{ $title }"{ $hint }; its scorers are: { $scorers }
# One scorer in a list: its id and its name.
annual-scorer-entry = { $id } ({ $name })
annual-score-out-of-range = score { $value } is outside 0..{ $max } (item { $item } "{ $title }" is worth { $max } points)
annual-score-not-number = score "{ $value }" is not a number: { $reason }, or n/a when the item does not apply
annual-scorer-column-needed = the header has no column scorer, but line { $line } (and maybe others) scores an item with several scorers: add the column and name each row's scorer
annual-second-score = a second annual score of { $scorer } for { $unit } on item { $item } "{ $title }": the first is at { $first }; keep one

## Daily records

daily-unknown-kind = unknown kind "{ $kind }"{ $hint }: write one of deduct, add, veto, zero
daily-no-points = a record of kind { $kind } carries no points, but this one has "{ $points }": leave points empty or 0
daily-zero-rule = a zero record (此项不得分) has no rule, but this one names "{ $rule }": leave the rule empty
daily-zero-count = a zero record (此项不得分) has no count, but this one has "{ $count }": leave the count empty
daily-zero-names-nothing = a zero record (此项不得分) must name what scores 0: write an item, a group or a section in the item column
input-unknown-line = "{ $item }" is no item, group or section of rubric { $rubric } (unit "{ $unit }"){ $hint }
daily-zero-on-penalty = a zero record cannot name { $item } "{ $title }": it is of the penalty part { $section }, which only deduction records name
daily-penalty-deduct-only = { $item } "{ $title }" is a line of a penalty part (扣分项): only deduction records name it, not { $kind }
measures-twice = a second value of "{ $measure }" ({ $measure_id }) for "{ $unit }"; the first is at { $first }: keep one
measures-unknown-measure = "{ $measure }" is no measure of rubric { $rubric }{ $hint }: its measures are { $measures } (by id or title)
measures-unknown-column = column "{ $header }" is no measure of any rubric{ $hint }: head each column with a measure's id or title
measures-column-not-of-rubric = column "{ $header }" is no measure of rubric { $rubric }, which "{ $unit }" is assessed by: leave the cell empty
measures-no-columns = no column names a measure: a wide table has a unit column and one column per measure, headed by its id or title; a long one the columns unit, measure and value
measures-not-number = the value "{ $value }" is no number ({ $reason }): write a decimal such as 98.5 or 98.5%, or n/a (不涉及)
adjust-unknown-action = unknown action "{ $action }"{ $hint }: write rescore (改分, 调整得分) or withdraw (撤销, 撤销记录)
adjust-no-reason = every adjustment needs its reason: fill in the reason column
adjust-withdraw-date = a withdrawal names the record's date; "{ $date }" is no date (write e.g. 2021-03-02)
adjust-withdraw-kind = a withdrawal names the record's kind; "{ $kind }" is none{ $hint }: write deduct, add, veto or zero
adjust-twice = the score of "{ $unit }" on { $item } by { $scorer } is adjusted already at { $first }: adjust a score once
adjust-withdraw-twice = the daily record at { $record } is withdrawn already at { $first }: withdraw a record once
adjust-withdraw-none = no daily record matches ("{ $unit }", { $date }, { $kind }, and the item, points and rule written): check the row
adjust-withdraw-several = { $count } daily records match: { $places }; tell them apart by their points or rule
daily-unknown-method = unknown method "{ $method }"{ $hint }: write one of { $ids } of rubric { $rubric }, or its name ({ $labels })
daily-bad-date = date "{ $date }" is not a date: write 2020-05-19 or 2020/5/19
daily-date-outside = date { $date } is outside the assessment period { $start } to { $end } of rubric { $rubric }
daily-points-not-positive = points must be greater than 0, not { $points }: the kind says whether they deduct or add
daily-points-not-number = points "{ $points }" is not a number: { $reason }
daily-points-overflow = the points of this item's records add up to more than a decimal can hold

## Published results

published-total-not-number = total "{ $total }" is not a number: { $reason }
published-bad-rank = rank "{ $rank }" is not a whole number from 1 up
published-twice = { $unit } is published twice: first at { $first }; keep one row per unit

## Workbooks

workbook-no-sheet = no sheet named "{ $sheet }"{ $hint }; the sheets are: { $sheets } (choose one with --sheet)
workbook-cell-error = the cell holds the Excel error { $error }: correct the formula or type the value

## Numbers in cells: what is wrong, placed after "is not a number:"

num-empty = it is empty
num-not-decimal = write a plain decimal such as 27.5 or 0.25 (digits with an optional sign and fraction; no exponent, no thousands separators)
num-too-many-digits = it has more digits than the 28 an exact decimal can hold
num-too-large = it is beyond 1,000,000,000,000 (ten to the twelfth), more than any score, points or measured value

## Scoring

score-too-large = the points of { $unit } are too large to compute exactly

## Writing the output: why it failed
output-reason = { $kind ->
        [no-folder] its folder does not exist
        [permission] permission denied
        [directory] it is a folder, not a file
        [full] the disk is full
       *[other] { $detail }
    }

## Daily records: rules and counts (part two)
daily-count-without-rule = a count ("{ $count }") is written but no rule: a count only works with a rule; name the rule, or remove the count and write the points
daily-count-not-positive = the count must be greater than 0, not "{ $count }"
daily-count-not-number = the count "{ $count }" is not a number: { $reason }
daily-item-has-no-rules = item { $item } "{ $title }" has no rules, so "{ $rule }" cannot apply: remove the rule and the count and write the points
daily-unknown-rule = item { $item } has no rule "{ $rule }"{ $hint }; its rules are { $rules }
daily-kind-disagrees = kind "{ $kind }" does not agree with rule { $rule }, which is a { $rule_kind } rule: leave the kind empty or write the rule's
daily-points-disagree = points { $points } do not agree with the rule: { $count } × { $per } ({ $rule }) = { $product }; leave the points empty or write { $product }
input-names-group = "{ $item }" is group { $group } "{ $title }", and only its leaves are scored: name one of { $leaves }
input-unknown-unit-rows = unknown unit "{ $unit }"{ $hint }, used by { $rows } rows (this is the first): name a unit of a rubric's roster by its id or its name
input-unknown-item-rows = unknown item "{ $item }" for { $unit } (rubric { $rubric }){ $hint }, used by { $rows } rows (this is the first): name an item by its id or its title

## Last year's result (--previous)
previous-unit-twice = unit "{ $unit }" of rubric { $rubric } is in the earlier result twice (first at { $first }): an earlier result has one entry per unit
previous-bad-rank = unit "{ $unit }" has rank { $rank } in the earlier result, where { $count } units are ranked: a rank lies between 1 and the number of units
previous-json-shape = "{ $key }" of the earlier result is not a list: the file is not a result of assess score --format json
previous-not-utf8 = this file is not UTF-8, so it is no result of this tool: give the JSON or CSV that assess score wrote
previous-bad-json = this file is not valid JSON: { $reason }
previous-bad-schema = this file is no result of this tool (schema "{ $schema }", not assess.score.v1): give the file that assess score --format json wrote
previous-json-unit = unit "{ $unit }" of rubric { $rubric } lacks its id, name, total, grade or rank, so it cannot be compared
previous-bad-columns = this file is no CSV result of this tool: it lacks the columns { $missing }. Give the file that assess score --format csv wrote
previous-bad-csv = this CSV file cannot be read: give the file that assess score --format csv wrote
previous-csv-row = this row's total or rank is not a number, or its unit id is empty
previous-gone = unit "{ $unit }" ({ $id }, rubric { $rubric }) of the earlier result is no longer on any roster and is not compared

## Self-assessment (--self)
claims-out-of-range = the claimed score { $score } is not between 0 and item { $item }'s max { $max }
claims-places = the claimed score { $score } has more decimal places than the rubric's { $decimals }: write it as published
claims-not-number = the claimed score "{ $score }" is not a number: { $reason }
claims-twice = unit "{ $unit }" already claims item { $item } at { $first }: claim each item once

## rubric import: reading a rubric workbook (src/rubric/import.rs). Sheet and
## column names are the format's identifiers and come in as arguments.

import-sheet-missing = the workbook has no sheet { $sheet }{ $hint }; its sheets are: { $sheets }
import-several = the workbook holds the sheets of several rubrics ({ $ids }), and import reads one: save each rubric's sheets in a workbook of their own, or export one rubric with --id
import-header-missing = no header row: one of the sheet's first 30 rows must hold the column { $column }
import-column-missing = the header row has no column { $column }: add it
import-column-unknown = unknown column { $column }{ $hint }
import-column-twice = column { $column } is written twice (first at { $first }): keep one
import-not-number = { $column } "{ $value }" is not a number: { $reason }
import-not-integer = { $column } "{ $value }" is not a whole number
import-not-date = "{ $value }" is not a date: write it as 2020-01-01, or as a date cell
import-period-end = the period has a start ("{ $value }") but no end: write the end date in the cell after the start, or both in one cell as 2020-01-01 ~ 2020-12-31
import-cell-empty = { $column } is empty: fill it in
import-info-missing = the sheet has no row { $key }: write { $key } in the first cell of a row and its value beside it
import-grade-no-min = grade "{ $grade }" has no lower bound: write the lowest total it takes
import-no-grades = no grade is listed below this row: write one grade per row, highest first
import-taken = { $what } "{ $value }" is already used at { $first }: each must be told apart
import-unit-taken = "{ $value }" already names a unit at { $first }: every id, name and alias names one unit only
import-no-rows = sheet { $sheet } lists nothing: write its rows below the header row
import-level-missing = the header row has { $deeper } but no { $column }: add the missing level column
import-row-no-title = this row names no indicator: write its section and its title in the level columns, or clear the row
import-row-only-section = this row holds only the section "{ $section }": write the indicator under it in column { $column }
import-level-gap = { $column } is empty in a row that has { $deeper }: write the group the indicator belongs to, or merge the group's cell over its rows
import-merge-overlap = the merged cell { $range } covers the rows of two different indicators ({ $first } and { $second }): merge a group's cell over its own rows only
import-method-unknown = scoring method "{ $value }" is not known: write { $zero } (from 0, daily additions raise it) or { $full } (from full marks, daily deductions lower it)
import-method-with-scorers = scoring method "{ $value }" is for an indicator scored by daily records alone, but this one names its scorers: clear one of the two cells
import-weight-bad = the weight "{ $value }" of { $scorer } must be a number above 0, such as 0.4 or 40%
import-scorer-unknown = unknown scorer "{ $name }"{ $hint }: name a scorer of sheet { $sheet } by its name or its id
import-scorer-twice = { $scorer } is named twice in this cell
import-weight-missing = { $scorer } has no weight: with several scorers, write each one's weight after its name, such as 0.4 or 40%
import-weights-sum = the weights add up to { $sum }, not to exactly 1 (100%)
import-leaf-no-points = the indicator "{ $title }" has no points: write its maximum in this cell
import-rule-on-group = "{ $item }" is a group: a rule belongs to one of the indicators scored under it
import-rule-leaf-unknown = no scored indicator has the id or title "{ $item }"{ $hint }
import-rule-kind = rule type "{ $value }" is not known: write { $deduct } or { $add }
import-points-sum = "{ $title }" is written with { $written } points, but its indicators add up to { $sum }: correct the points in its cell or those of its indicators
import-ranking-unknown = ranking "{ $value }" is not known: write { $competition } (ties take places: 1, 2, 2, 4) or { $dense } (1, 2, 2, 3)
import-what-id = id
import-what-title = title
import-what-name = name
import-what-grade = grade
import-what-rule = rule id
## Score sheets, workbooks and typed values (sheets)
check-footers = { $path }: { $rows ->
        [one] 1 footer row
       *[other] { $rows } footer rows
    } (totals, signatures, notes) left out
check-sheet-left-out = { $sheet }: not read ({ $why ->
        [empty] empty
        [hidden] a hidden sheet
        [chart] not a worksheet
        [details] the detail sheet of a results workbook
       *[instructions] instructions
    })
annual-scorer-from-title = the title block at { $at }
annual-scorer-from-title-here = the title block
annual-scorer-from-command = the command line (--annual { $file }@{ $scorer })
annual-scorers-disagree = the title block names scorer "{ $title }" but the command line says "{ $command }": keep one
annual-table-scorer-unknown = scorer "{ $scorer }"{ $hint }, named by { $source }, is not a scorer of the rubric; its scorers are: { $scorers }
annual-table-scorer-not-of-item = scorer "{ $scorer }", named by { $source }, does not score item { $item } "{ $title }"; its scorers are: { $scorers }
input-item-number-ambiguous = the cell holds the number { $value }, which matches items { $items }: Excel turned an id into a number; format the cells as text and type the id again
input-sheet-nowhere = no workbook given has a sheet named "{ $sheet }" (--sheet)
table-cell-outside = "{ $value }" stands outside the table, whose header has { $header } columns: give its column a heading, or clear the cell
table-column-unknown = unknown column "{ $header }"{ $hint }: correct its heading, or clear it if the column is not needed
table-no-header = no header row: no row names the unit column (unit): add a header row above the data
wide-cell = column "{ $header }": { $message }
wide-check-mismatch = { $header } { $value } does not agree with the row: its item cells add up to { $sum }, which is { $rounded } at { $places ->
        [one] 1 decimal place
       *[other] { $places } decimal places
    }{ $note }
wide-check-text-cell = { $cell } holds the text "{ $value }"
wide-check-text = {" "}({ $cells }: a spreadsheet's sum leaves text out)
wide-check-not-number = { $header } "{ $value }" is not a number: { $reason }
wide-column-twice = column "{ $header }" is item { $item } "{ $title }" again, first at { $first }: keep one
wide-column-unknown = column "{ $header }"{ $hint } is neither an item of rubric { $rubric } nor a column of a score sheet (unit, scorer, note, total, No.): correct its heading, or remove the column
wide-id-title-disagree = column "{ $header }" begins with the id of item { $id } "{ $title }" but goes on with "{ $rest }": write that item's title after its id, or the id alone
wide-long-column = column "{ $header }" holds the scores of a long table, but the header has no item column: add one (a row per score), or give each item a column of its own
wide-max-disagrees = column "{ $header }" says { $written } points, but item { $item } "{ $title }" is worth { $max } in rubric { $rubric }: is the sheet made for another year's rubric?
wide-no-items = the header names no item: a score sheet has a column per item, headed by its id or its title
wide-no-scorer = no scorer is named for { $columns }, items with several scorers: add a scorer column, write the scorer above the header ("scorer: NAME"), or give it on the command line (--annual FILE@SCORER)
wide-row-scorer-unknown = scorer "{ $scorer }"{ $hint } is not a scorer of rubric { $rubric }; its scorers are: { $scorers }
wide-unit-other-rubric = { $unit } is a unit of rubric { $rubric }, but this table's columns are items of rubric { $table }: a score sheet holds the units of one rubric
wide-units-mixed = { $unit } is a unit of rubric { $rubric }, but the table's first unit, { $first } at { $at }, is of rubric { $table }: a score sheet holds the units of one rubric; put each rubric's units on a sheet of its own
workbook-bad-reference = the cell reference "{ $reference }" is malformed: the workbook is damaged; open it in Excel or WPS and save it again
workbook-too-many-merged = the sheet merges more than { $max } ranges of cells; a rubric or score sheet merges a few dozen: unmerge what is not a heading and save again
workbook-cell-damaged = the cell cannot be read ({ $detail }): open the workbook in Excel or WPS and save it again
workbook-damaged = the workbook cannot be read ({ $detail }): it is damaged or cut short; open it in Excel or WPS and save it again, or copy it again
workbook-encrypted = the workbook is protected by a password: open it in Excel or WPS, remove the password and save it again
workbook-entity = the workbook uses the XML entity "&{ $name };", which no spreadsheet program writes: open it in Excel or WPS and save it again
workbook-formula-no-value = the cell holds a formula whose value was never saved (the file was written by a program that does not calculate): open it in Excel or WPS and save it, so that the value is stored
workbook-formula-no-value-column = the cell holds a formula whose value was never saved, as do { $count } cells of this column in all (this is the first; the file was written by a program that does not calculate): open it in Excel or WPS and save it, so that the values are stored
workbook-check-formula-no-value = { $file }: { $count } check cells (合计, 小计) are formulas without a saved value (the first at { $at }); those checks are not made
workbook-no-shared-string = it refers to text number { $index }, which the workbook does not hold
workbook-not-a-number = "{ $value }" is stored as a number but is not one
workbook-not-excel = a zip file, but not an Excel workbook: give the .xlsx file
workbook-nothing-to-read = no sheet to read: the sheets are { $sheets }, each empty, hidden or instructions (name one with --sheet)
workbook-ods = an OpenDocument spreadsheet (.ods) is not read: save it as an Excel workbook (.xlsx)
workbook-old-format = an Excel 97-2003 (.xls) or WPS (.et) workbook is not read: open it in Excel or WPS and save it as an Excel workbook (.xlsx)
workbook-out-of-order = the cell "{ $reference }" comes out of order: the workbook is damaged; open it in Excel or WPS and save it again
workbook-part-missing = the workbook lacks its part { $part }: it is damaged; open it in Excel or WPS and save it again
workbook-part-too-large = the workbook's part { $part } unpacks to { $mib } MiB, more than the { $max } MiB read: a table of scores is far smaller; check the file
workbook-text-too-long = a row here holds more than { $mib } MiB of text: the sheet is not read further
workbook-unknown-type = the cell type "{ $kind }" is unknown
workbook-xlsb = an Excel binary workbook (.xlsb) is not read: save it as an Excel workbook (.xlsx)
workbook-cut-short = it ends too soon
workbook-crc = a part of the workbook does not match the checksum the file records for it: the file was changed inside the zip or is damaged; open it in Excel or WPS and save it again
workbook-no-markup = more than { $mib } MiB without markup
published-section-not-number = the section score "{ $value }" is not a number: { $reason }
