## cmd: what the commands print

# A unit's or a scorer's name with its id.
cmd-named = { $name } ({ $id })

## score


## check: one line per file

check-rubric = { $path }: rubric { $id }, { $units ->
    [one] 1 unit
   *[other] { $units } units
}, { $sections ->
    [one] 1 section
   *[other] { $sections } sections
}, { $items ->
    [one] 1 item
   *[other] { $items } items
}{ $groups ->
    [0] {""}
    [one] {", "}1 group
   *[other] {", "}{ $groups } groups
}{ $rules ->
    [0] {""}
    [one] {", "}1 rule
   *[other] {", "}{ $rules } rules
}
check-cap-above-max = { $at }: item { $item } "{ $title }" has { $key } { $cap }, above its { $max } points: the cap never applies (was the max changed and the cap left behind?)
check-table = { $path }: { $rows } { $role } { $rows ->
    [one] row
   *[other] rows
}, { $units ->
    [one] 1 unit
   *[other] { $units } units
}, { $items ->
    [one] 1 item
   *[other] { $items } items
}

## verify: the published results checked one by one

verify-mismatch = { $at }: { $unit } { $what }
verify-explain = to see how it is computed: { $command }
verify-total = total: published { $published }, recomputed { $recomputed }, difference { $difference }
verify-grade = grade: published "{ $published }"{ $note }, recomputed { $label } ({ $id }, total { $total })
verify-grade-vetoed = grade: published "{ $published }"{ $note }, recomputed { $label } ({ $id }, total { $total }, vetoed)
verify-grade-unknown = { " " }(not a grade of this rubric)
verify-rank = rank: published { $published }, recomputed { $recomputed }
verify-unpublished = is on the roster of rubric { $rubric } but not published (recomputed total { $total })
verify-summary = { $checked ->
    [one] 1 unit
   *[other] { $checked } units
} checked, { $mismatches ->
    [one] 1 mismatch
   *[other] { $mismatches } mismatches
}
verify-summary-review = { $checked ->
    [one] 1 unit
   *[other] { $checked } units
} checked: { $review ->
    [one] 1 change
   *[other] { $review } changes
} by the review (the table is the first result; the adjustments explain them){ $mismatches ->
    [0] , nothing else differs
    [one] , and 1 mismatch the review does not explain
   *[other] , and { $mismatches } mismatches the review does not explain
}
verify-mismatch-review = { $at }: { $unit } changed by the review: { $what }

## explain: where a score comes from, step by step

explain-unknown-unit = unknown unit "{ $unit }"{ $hint }: name a unit of a rubric's roster by its id or its name
explain-unknown-item = unknown item "{ $item }" of rubric { $rubric }{ $hint }: name an item by its id or its title
explain-unit = Unit: { $unit }    { $at }
explain-rubric = Rubric: { $id } { $title }, out of { $total ->
    [one] 1 point
   *[other] { $total } points
}
explain-provisional = [PROVISIONAL] Missing annual scores count as 0 (--allow-missing).
explain-item = { $id } { $title } (max { $max ->
    [one] 1 point
   *[other] { $max } points
})
explain-not-applicable = n/a for every scorer, counted in neither the score nor the maximum: { $at }
explain-list-separator = { ", " }
explain-annual = annual score by { $scorer }: { $score }, weight { $weight }    { $at }
explain-annual-missing = annual score by { $scorer }: missing, counted as 0 (--allow-missing), weight { $weight }
explain-base = base = { $terms } = { $base }
explain-base-full = base = { $base } (deductions only: starts at the maximum)
explain-base-zero = base = { $base } (additions only: starts at 0)
explain-daily = daily: { $date } { $method }, { $kind } { $points }{ $rule }    { $at }
explain-daily-note = daily: { $date } { $method }, { $kind } { $points }{ $rule } ({ $note })    { $at }
explain-deducted = deducted { $after }
explain-deducted-capped = deducted { $sum } (cap { $cap }) → { $after }
explain-added = added { $after }
explain-added-capped = added { $sum } (cap { $cap }) → { $after }
explain-score = score = { $base } − { $deducted } + { $added } = { $raw }; kept between { $floor } and { $max } → { $clamped }; rounded half away from zero to { $decimals ->
    [0] a whole number
    [one] 1 decimal place
   *[other] { $decimals } decimal places
} → { $score }
explain-score-zeroed = score = { $score } (此项不得分: see the record above)
explain-score-penalty = penalty = −min({ $max }, { $deducted }); rounded half away from zero to { $decimals ->
    [0] a whole number
    [one] 1 decimal place
   *[other] { $decimals } decimal places
} → { $score }
explain-not-applicable-class = n/a: the rubric does not apply this line to the unit (its classes)    { $at }
explain-not-applicable-measure = n/a: the unit's measured value is n/a    { $at }
explain-counts-full = n/a lines count their max (不涉及的按满分计): counts { $counts }
explain-measure = measured: { $measure } { $value }{ $unit }    { $at }
explain-measure-missing = measured: no value of { $measure }, counted as 0 (--allow-missing)
explain-base-measure-missing = base = { $base }
explain-base-linear = base = { $s1 } + ({ $value } − { $v1 }) × ({ $s2 } − { $s1 }) ÷ ({ $v2 } − { $v1 }) = { $base } (on the scale between { $v1 } and { $v2 })
explain-base-step = base = { $s1 } (steps: { $value }{ $unit } is on the step from { $v1 }{ $unit })
explain-base-end = base = { $s1 } ({ $value }{ $unit } is not between two points of the scale: the base at its end { $v1 }{ $unit })
explain-base-inexact = (the base is a fraction, shown to 6 places; the score is computed from it exactly and rounded once)
explain-daily-zero = scores 0 (此项不得分): { $date } { $method }    { $at }
explain-daily-zero-note = scores 0 (此项不得分): { $date } { $method } ({ $note })    { $at }
explain-review = review: { $change } ({ $why })    { $at }
explain-review-withdraw = review: { $change } ({ $record }; { $why })    { $at }
explain-section = section { $title }: { $score } = { $parts }
explain-section-empty = section { $title }: { $score } (no applicable items)
explain-section-scaled = { $title } subtotal: ({ $parts }) × { $max } ÷ { $parts_max } → { $score } (the points of n/a lines go to the applicable ones)
explain-section-bonus = { $title } (bonus part, at most { $max }): min({ $max }, { $parts }) → { $score }
explain-section-penalty = { $title } (penalty part, at most { $max } taken): { $parts } → { $score }
explain-gate-open = scored part { $scored } ≥ { $gate }: the bonus counts
explain-gate-open-strict = scored part { $scored } > { $gate }: the bonus counts
explain-gate-shut = scored part { $scored } is below { $gate }: the bonus does not count
explain-gate-shut-strict = scored part { $scored } is not above { $gate }: the bonus does not count
explain-group-scaled = { $id } { $title }: ({ $parts }) × { $max } ÷ { $parts_max } → { $score } (the points of n/a lines go to the applicable ones)
explain-scored = scored part = { $parts } = { $total }
explain-scored-scaled = scored part = { $score } × { $scale } ÷ { $max } → { $total } (some lines n/a: rescaled to { $scale } from the applicable maxima)
explain-total-parts = total = { $scored } + { $bonus } + ({ $penalty }) = { $raw }, kept between 0 and { $max_total } → { $total }
explain-total-vetoed = veto: the rubric makes the total { $total } instead of { $before }
explain-grade-demoted = grade: { $label } ({ $id }); the total { $total } reaches "{ $from }" (≥ { $min }), but its { $limit } places are taken: the next grade (quota)
explain-rank-vetoed-last = rank: { $rank } (vetoed: after the { $clear } units without a veto{ $above ->
    [0] )
    [one] ; 1 vetoed unit has a higher total)
   *[other] ; { $above } vetoed units have a higher total)
}
explain-total = total = { $parts } = { $total }
explain-total-scaled = total = round({ $score } × { $scale } ÷ { $max }) = { $total }    (some items n/a: rescaled to { $scale } from the applicable maxima)
explain-grade = grade: { $label } ({ $id }), as { $total } ≥ { $min }
explain-grade-vetoed = grade: { $label } ({ $id }), the lowest, by a veto: { $record }    { $at }
explain-veto-record = { $date } { $method }
explain-veto-record-note = { $date } { $method } ({ $note })
explain-rank = rank: { $rank } ({ $above ->
    [0] no unit of the rubric has
    [one] 1 unit of the rubric has
   *[other] { $above } units of the rubric have
} a higher total)
explain-rank-dense = rank: { $rank } (dense ranking: { $above ->
    [0] no higher total
    [one] 1 distinct higher total
   *[other] { $above } distinct higher totals
} in the rubric)

# Kinds and methods of the daily records.
explain-kind-deduct = deduction
explain-kind-add = addition
explain-kind-veto = veto
explain-kind-zero = scores 0 (此项不得分)
explain-method-daily-record = daily record
explain-method-spot-check = spot check
explain-method-special-inspection = special inspection
explain-method-online-evaluation = online evaluation
explain-method-material-filing = material filing
method-as-written = { $label }

## rubric: the rubrics loaded

rubric-unknown-id = no rubric has the id "{ $id }"{ $hint }: the rubrics loaded are { $ids }
rubric-header = id { $id }, year { $year }, out of { $total ->
    [one] 1 point
   *[other] { $total } points
}, { $decimals ->
    [one] 1 decimal place
   *[other] { $decimals } decimal places
}, { $ranking }, period { $start } to { $end }
rubric-ranking-competition = competition ranking (1, 2, 2, 4)
rubric-ranking-dense = dense ranking (1, 2, 2, 3)
rubric-grade = { $label } ({ $id }) ≥ { $min }
rubric-grades = grades: { $grades }
rubric-scorers = scorers: { $scorers }
rubric-section = { $title } ({ $points ->
    [one] 1 point
   *[other] { $points } points
})
rubric-item = { $id } { $title }  { $points ->
    [one] 1 point
   *[other] { $points } points
}  { $details }
rubric-daily-only-zero = daily records only, starting at 0 (additions)
rubric-daily-only-full = daily records only, starting at the maximum (deductions)
rubric-max-deduct = max deduction { $cap }
rubric-max-add = max addition { $cap }
rubric-criteria = criteria: { $criteria }
rubric-units = Units ({ $count }): { $units }
rubric-units-heading = Units
rubric-list-separator = { ", " }
rubric-clause-separator = { "; " }
rubric-enum-separator = { ", " }
rubric-col-id = id
rubric-col-item = item
rubric-col-points = points
rubric-col-scored-by = scored by
rubric-col-caps = caps
rubric-col-criteria = criteria
rubric-col-unit = unit

## template: blank tables to fill in

# Headers and cells of a template: ids in English, names in Chinese; both read back.
template-name = { $name ->
   *[other] { $id }
}


## rubric new
rubric-new-from = "{ $from }" is neither an embedded rubric's id nor a file: the embedded rubrics are { $ids }, or name a rubric file
rubric-new-year = { $year } is not a year: write a year from 1900 to 9999
rubric-group = { $id } { $title }  { $points }
rubric-unit-aliases = { $name } ({ $id }; also { $aliases })
rubric-rule-deduct = deduct
rubric-rule-add = add
rubric-rule = rule { $id }: { $text } ({ $kind }, { $points } each)
rubric-rule-capped = rule { $id }: { $text } ({ $kind }, { $points } each, at most { $max })
rubric-col-aliases = aliases
rubric-toml-several = several rubrics are loaded ({ $ids }) and TOML holds one per file: pick one with --id, or name an existing folder with --output to get one ID.toml each
explain-rule = { $kind } rule { $id } ({ $text }): { $sum } → counts { $counted }
explain-rule-capped = { $kind } rule { $id } ({ $text }): { $sum } (rule cap { $cap }) → counts { $counted }
explain-group = { $id } { $title }: { $score } = { $parts }
explain-group-na = { $id } { $title }: n/a
explain-daily-rule = {" "}by { $kind } rule { $rule } × { $count }

## template: workbooks of the annual, daily and published templates (--format xlsx), wide tables

template-sheet-annual = annual
template-sheet-daily = daily
template-sheet-published = published
template-sheet-measures = measures
template-measures-title = { $title }: measured values
template-measure-heading = { $title } ({ $unit })
template-measure-input = The unit's { $title } (in { $unit }), e.g. 98.5 or 98.5%; "{ $na }" when it does not apply.
template-measure-error = { $title } is a number (98.5 or 98.5%), or "{ $na }".
template-no-measures = The chosen rubrics have no measures to report (no [measures] in the rubric).
template-help-measures-intro = This table holds the units' measured values (rates, counts); lines scored from them read them on the rubric's scales.
template-help-measures-fill = One row per unit, one column per measure: write the number, a percentage as 98.5 or 98.5%; "{ $na }" where it does not apply. Grey locked cells: no line of the unit is scored from that measure.
template-help-check-measures = Before sending it back, assess check --measures FILE.xlsx finds cells left empty or wrong.
template-help-measures-list = The measures and their scales
template-ref-measure = Measure
template-ref-measure-unit = Unit
template-ref-scale = Scale
template-ref-scale-point = { $value }{ $unit } → { $points }
template-ref-scale-text = { $points } ({ $how })
template-ref-linear = in proportion between two points
template-ref-step = in steps
template-sheet-adjust = review
template-adjust-item-input = Rescore: the line; withdraw: the line the daily record names (empty for a veto naming none).
template-action-input = rescore (a scorer's annual score) or withdraw (a daily record).
template-scorer-input = Rescore: the scorer (may be left empty when the line has one).
template-adjust-score-input = Rescore: the new score (at most the line's max), or "{ $na }".
template-adjust-score-error = The new score is a number from 0, or "{ $na }".
template-help-adjust-intro = This table holds the changes the review made after the results were shown, one per row, read with --adjust; the score sheets and daily records stay as they are, and each change's reason and document stay in the results.
template-help-adjust-rescore = Rescore: the unit, the line, the scorer and the new score ("{ $na }" when it does not apply); a missing score is supplied the same way.
template-help-adjust-withdraw = Withdraw: the unit, the line the record names (empty for a veto naming none), its date and kind; where one day has several such records, their points or rule too.
template-help-adjust-reason = Every row needs its reason; the review's document number goes in the document column.
template-help-check-adjust = Before scoring, assess check --adjust FILE.xlsx (with the score sheets and daily records) checks that every change finds its target.
# Readers skip a sheet named "instructions": keep the name.
template-sheet-instructions = instructions
template-col-no = No.
template-col-total = total
template-col-max = max
# A wide table's item heading: id, title and maximum, which the reader checks.
template-item-heading = { $id } { $title }({ $max })
template-wide-title = { $title }: scoring sheet
template-wide-scorer = Scorer: { $name } ({ $id })
template-date-line = Date:
template-footer-scorer = Scored by:
template-footer-checker = Checked by:
template-footer-date = Date:
template-print-footer = &LScored by:                    Checked by:                    Date:&RPage &P of &N
template-na-word = n/a
template-score-input-title = { $id } (max { $max })
template-score-input = { $title }: a score from 0 to { $max }, decimals allowed; "{ $na }" when the item does not apply to the unit.
template-score-error-title = Not a valid score
template-score-error = { $title } is scored from 0 to { $max }: write a number in that range, or "{ $na }".
template-date-input-title = Date
template-date-input = The day of the finding, inside the assessment period { $start } to { $end }.
template-date-error-title = Outside the period
template-date-error = Write a date from { $start } to { $end } (year-month-day).
template-unit-input = Pick the unit from the list; its name or a short name also reads.
template-item-input = Pick the item from the list; a veto may leave it empty.
template-kind-input = deduct, add, veto or zero (此项不得分: the line scores 0).
template-points-input = The points the finding deducts or adds, above 0; leave empty with a rule (points each times the count) and for a veto.
template-method-input = How it was found: daily_record, spot_check, special_inspection, online_evaluation or material_filing.
template-rule-input = The id of a rule of the record's item (see the instructions sheet); empty for a record without a rule.
template-count-input = With a rule: how many instances (or percentage points), 1 when empty; empty without a rule.
template-list-error-title = Not in the list
template-list-error = Pick a value from the drop-down list.
template-list-warning-title = Not in the list
template-list-warning = This is not in the drop-down list. An id, a name or a short name is fine; otherwise pick from the list.
template-positive-error-title = Must be above 0
template-positive-error = Write a number above 0.
template-total-input = The published total, from 0 to { $max }.
template-total-error = The total is from 0 to { $max }.
template-grade-input = The published grade, from the list.
template-rank-input = The published rank, a whole number from 1 to { $count }.
template-rank-error-title = Not a valid rank
template-rank-error = A rank is a whole number from 1 to { $count }.
template-help-title = { $title }: how to fill in
template-help-line = { $n }. { $text }
template-help-annual-intro = This workbook, made by assess from the rubric, is for a scorer to fill in the annual scores.
template-help-annual-fill = Write each score in a pale yellow cell: a number from 0 to the item's maximum, decimals allowed, or "{ $na }" when the item does not apply to the unit. The cells refuse a number out of range.
template-help-wide-scorer = Each sheet is one scorer's: a row per unit, a column per item with its maximum in the heading. The scorer column says whose scores they are: leave it as it is.
template-help-wide-total = The total column is a formula that adds up the row, for checking only: nothing to type.
template-help-long-rows = Each row is one scorer's score of one unit on one item; an item with several scorers has a row for each.
template-help-note = The note column takes the reason for a deduction or any remark; it is read with the scores.
template-help-locked = Units, items and headings (grey) are locked: do not add or remove columns, edit the headings or merge cells. The sheets are protected without a password; to change one on purpose, unprotect it (Review menu).
template-help-save = Save as .xlsx when done and send it back; this instructions sheet is not read.
template-help-check-annual = Before sending it back, assess check --annual FILE.xlsx lists anything missing or wrong.
template-help-check-daily = assess check --daily FILE.xlsx checks the records at any time.
template-help-daily-intro = This workbook records the findings of the daily assessment (deductions, additions, vetoes); at year end they adjust the units' items.
template-help-daily-fill = One finding per row, in the pale yellow cells. Dates lie inside the assessment period { $start } to { $end }; unit, item, kind, method and rule have drop-down lists.
template-help-daily-kind = The kind is deduct, add or veto; a veto may leave the item and the points empty.
template-help-daily-rule = With a rule, write its id and the count (1 when empty) and leave the points empty: they are the rule's points each times the count. Without a rule, write the points and leave the count empty.
template-help-daily-lists = The lists and every item's rules are below. A unit's id, name or short name and an item's title also read, after a warning when typed.
template-help-items = The items of this workbook and their criteria
template-help-rules = Rules
template-ref-id = id
template-ref-item = indicator
template-ref-criteria = criteria
template-ref-rule-text = text
template-ref-points = points each
template-ref-cap = cap
template-ref-weight = { $name } ×{ $weight }
template-ref-separator = { "; " }
template-annual-only = { $flag } is for annual templates only (template annual)
template-unknown-scorer = no rubric chosen has the scorer "{ $scorer }"{ $hint }: the scorers are { $scorers }
template-scorer-scores-nothing = the scorer "{ $scorer }" scores no item of the rubrics chosen
template-nothing-to-score = no item of the rubrics chosen has a scorer (every item is scored by daily records alone): there is no scoring sheet to write
template-wide-csv-one = a wide CSV table holds one scorer of one rubric, and there are { $count }: pick one with --id and --scorer ({ $choices }), or write a workbook (--format xlsx), one sheet each
rubric-conversion = conversion: { $label }, the total out of { $total } converted to { $points }
verify-section = { $section }: published { $published }, recomputed { $recomputed }

## verify: published tables as printed
## A published table checked on its own (no annual scores, no daily records); the tables of a Word notice.

verify-alone-intro = Only the published table was checked: no annual scores or daily records were given, so no score was recomputed.
verify-alone-rubric = rubric { $rubric } ({ $units ->
    [one] 1 unit
   *[other] { $units } units
} in the table):
verify-alone-rubric-empty = rubric { $rubric }: no unit of it in the table
verify-alone-sums = sums of the parts: { $checked ->
    [one] 1 unit
   *[other] { $checked } units
} checked{ $unchecked }
verify-alone-sums-unchecked = ; { $count } not checked: { $units }
verify-alone-unchecked-rescaled = { $unit } (total marked *, rescaled to the items that apply; the table has no scored part)
verify-alone-unchecked-empty = { $unit } ("{ $section }" empty)
verify-alone-sums-no-columns = sums of the parts: not checked, the table has no column of section scores
verify-alone-sums-missing = sums of the parts: not checked, the table has no column { $sections }
verify-alone-grades = grades: { $checked ->
    [one] 1 unit
   *[other] { $checked } units
} checked against the rubric's grade thresholds
verify-alone-grades-none = grades: not checked, the table has no grade column
verify-alone-ranks = ranks: { $checked ->
    [one] 1 unit
   *[other] { $checked } units
} checked; { $fits ->
    [both] they follow the rubric's { $ranking }; both rankings agree here
    [rubric] they follow the rubric's { $ranking }
    [other] they follow { $other }, but the rubric ranks by { $ranking }
   *[neither] they follow neither competition nor dense ranking
}
verify-alone-ranks-none = ranks: not checked, the table has no rank column
verify-ranking = { $ranking ->
    [dense] dense ranking (1, 2, 2, 3)
   *[competition] competition ranking (1, 2, 2, 4)
}
verify-alone-sum = parts do not add up to the total: { $terms } = { $sum }, published total { $total }
verify-alone-sum-ruled = parts do not add up to the total: { $terms } = { $sum }{ $rule }, so { $expected }, published total { $total }
verify-alone-scored-sum = the scored part is not the sum of the sections: { $terms } = { $sum }, published scored part { $scored }
verify-alone-term = { $section } { $value }
verify-alone-terms-one = { $term }
verify-alone-terms-more = { $terms } + { $term }
verify-alone-rule-ceiling = , at most { $max }
verify-alone-rule-floor = , at least 0
verify-alone-rule-veto-cap = , a vetoed unit's total at most { $cap }
verify-alone-rule-veto-total = , a vetoed unit's total set to { $total }
verify-alone-grade = grade does not follow the total: { $total } is "{ $expected }" ({ $min } and above), published "{ $published }"
verify-alone-grade-vetoed = grade does not follow the veto: a vetoed unit has the lowest grade "{ $expected }", published "{ $published }"
verify-alone-grade-demoted = grade does not follow the quota: { $total } reaches "{ $band }" and a quota moves it below, published "{ $published }"
verify-alone-grade-unknown = grade "{ $published }" is not a grade of rubric { $rubric } ({ $grades })
verify-alone-rank = rank does not follow the totals: published { $published }, by { $ranking } { $expected }
verify-alone-twice = listed twice: the unit is already at { $first }
verify-alone-unpublished = not in the table: the unit is on the roster of rubric { $rubric }
verify-table-not-results = { $table }: not read (not a results table: no unit column)
verify-table-no-total = { $table }: not read (a unit column but no total column: not a results table)
verify-no-results-table = no results table to check: { $tables } have no unit column (单位, 单位名称, 名称, 地市名称, 县（市）, 部门, unit, …)
verify-heading-points = the heading "{ $header }" gives { $written } points, but "{ $section }" of rubric { $rubric } has { $max }: check the rubric used
docx-table = table { $number }
docx-damaged = the Word document cannot be read ({ $detail }): it is damaged or cut short; open it in Word or WPS and save it again, or copy it again
docx-crc = a part of the Word document does not match the checksum the file records for it: the file was changed inside the zip or is damaged; open it in Word or WPS and save it again
docx-part-too-large = the Word document's part { $part } unpacks to { $mib } MiB, more than the { $max } MiB read: a notice is far smaller; check the file
docx-entity = the Word document uses the XML entity "&{ $name };", which no word processor writes: open it in Word or WPS and save it again
docx-text-too-long = a table row holds more than { $mib } MiB of text: the document is not read further
docx-part-missing = the Word document lacks its part { $part }: it is damaged; open it in Word or WPS and save it again
docx-not-word = a zip file, but not a Word document (.docx)
docx-too-deep = tables nest more than { $max } deep: the document is not read further
docx-too-wide = a table row spans more than { $max } columns: the document is not read further
docx-too-long = a table has more than { $max } rows: the document is not read further
docx-too-many-cells = the document's tables hold more than { $max } cells: not read further; a notice holds far fewer, check the file
docx-old-format = a Word 97-2003 (.doc) or WPS (.wps) document is not read: open it in Word or WPS and save it as a Word document (.docx)
