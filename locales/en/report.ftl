## report: the results as a table, CSV and an Excel workbook

# What a file is for in the run (check's lines, the workbook's provenance sheet).
report-role-rubric = rubric
report-role-annual = annual
report-role-daily = daily
report-role-published = published

# Headers of the results table (terminal table and workbook).
report-col-rank = Rank
report-col-unit = Unit
report-col-deducted = Deducted
report-col-added = Added
report-col-total = Total
report-col-grade = Grade

# What the grade column shows: the grade's id ($id) in English, its label ($label) in Chinese.
report-grade-cell = { $label ->
   *[other] { $id }
}

## Terminal table (--format table)

table-provisional = [PROVISIONAL] Some annual scores are missing and were counted as 0 (--allow-missing).
table-grade-vetoed = { $grade } (veto)
table-note-scaled = Some items do not apply (n/a); the { $what } is rescaled to { $scale } from the applicable items.
table-note-veto = Veto: the unit gets the lowest grade; its rank still follows its total.
table-grade-demoted = { $grade } (quota)
report-col-scored = scored part
cell-not-counted = { $score } (not counted)
note-gate-at-least = The bonus part "{ $section }" counts only when the scored part is at least { $gate }; where it is not, it is marked not counted.
note-gate-above = The bonus part "{ $section }" counts only when the scored part is above { $gate }; where it is not, it is marked not counted.
note-veto-unit = { $unit } (was { $before })
note-veto-cap = A vetoed unit's total is at most { $cap }: { $units }.
note-veto-total = A vetoed unit's total counts as { $total }: { $units }.
note-veto-last = Veto: the unit gets the lowest grade and is ranked after every unit without a veto.
note-quota-share = At most { $share }% of the units ({ $count }) may be graded "{ $grade }"; units whose total reaches it beyond that number get the next grade, marked (quota).
note-quota-count = At most { $count ->
    [one] one unit
   *[other] { $count } units
} may be graded "{ $grade }"; units whose total reaches it beyond that number get the next grade, marked (quota).
measure-between = { $measure } is { $value }{ $unit }, between { $v1 }{ $unit } ({ $s1 } points) and { $v2 }{ $unit } ({ $s2 } points) on the scale: { $base } points
measure-at = { $measure } is { $value }{ $unit }, at the scale's point { $v1 }{ $unit }: { $s1 } points
measure-missing = no value of { $measure }: counted as 0 for now

## Excel workbook (--format xlsx)

xlsx-cannot-build = cannot build the workbook: { $reason }

xlsx-sheet-items = Items
xlsx-col-rubric = Rubric
xlsx-col-unit-id = Unit id
xlsx-col-section = Section
xlsx-col-groups = Group
xlsx-col-item-id = Item id
xlsx-col-item = Item
xlsx-col-max = Max
xlsx-col-base = Base
xlsx-col-score = Score
xlsx-col-applies = Applies
xlsx-applies = yes
xlsx-applies-zeroed = yes (scores 0)
xlsx-col-measure = Measured value
xlsx-not-applicable = no (n/a)

xlsx-sheet-provenance = Provenance
xlsx-tool = Tool
xlsx-provisional = Provisional
xlsx-no = no
xlsx-col-role = Role
xlsx-col-path = Path
xlsx-col-sha256 = SHA-256
table-not-applicable = n/a
table-note-provisional = provisional: annual scores of the marked units are missing and were counted as 0. Missing, by scorer (the files to chase):
table-missing-scorer = { "  " }{ $scorer }: { $cells }
table-missing-unit = { $unit } { $items }
table-list-separator = {", "}
table-clause-separator = {"; "}
report-col-converted = Converted (out of { $points })
table-col-previous = Last year (rank)
table-col-change = Change
table-previous = { $total } ({ $rank })
table-previous-vetoed = { $total } ({ $rank }, veto)
xlsx-previous-vetoed = {" "}(veto)
table-new-unit = new
table-col-self = Self-assessed (difference)
table-self = { $total } ({ $difference })

## rubric --format xlsx: the rubric workbook (src/report/rubric_xlsx.rs)
rubric-xlsx-cannot-build = cannot build the rubric workbook: { $reason }
# The page footer; &P is the page number and &N the number of pages.
rubric-xlsx-page = Page &P of &N

## The results workbook (--format xlsx): sheet names, titles, notes and printing

# Words that call a rubric a rubric, dropped from the end of its title to name
# its results sheet and title it; separated by |. The words of both languages
# are dropped (a title is in the rubric's own language).
xlsx-rubric-words = assessment rules|rubric|rules
# A rubric's results sheet: $name is what tells it from the others, such as
# the qualifier in the title's final brackets.
xlsx-sheet-rubric = { $name }
# The title row of a results sheet: $head is the title without its final
# brackets and rubric word, $qualifier the brackets (with the brackets).
xlsx-results-title = Results: { $year }{ $head }{ $qualifier }
# The year, before the title when the title has none.
xlsx-results-year = { $year }{ " " }
# The footer of every printed page (&P the page, &N the pages).
xlsx-page-footer = &CPage &P of &N
xlsx-note-adjustments = Note: Deducted and Added are the daily assessment's deductions and additions on the items (after their caps); they are already included in the section scores and the total, not to be applied again.
xlsx-note-rescaled = Note: a total marked * is rescaled to { $scale } from the applicable items (some items do not apply to the unit).
xlsx-note-rescaled-scored = Note: a total marked * has its scored part rescaled to { $scale } from the applicable items (some items do not apply to the unit).
xlsx-note-vetoed = Note: a grade marked (veto) is the lowest grade, imposed by a veto; the unit's rank still follows its total.
xlsx-note-converted = Note: { $label } = total × { $points } / { $scale }, rounded half away from zero to { $decimals } { $decimals ->
    [one] decimal place.
   *[other] decimal places.
}
xlsx-note-provisional-units = Note: a total marked † is provisional: some of the unit's annual scores are missing and were counted as 0 (--allow-missing). Missing, by scorer (the files to chase):
xlsx-note-missing = Note: missing from { $scorer }: { $cells }.
xlsx-note-lead = Note: { $text }
xlsx-col-scorer-score = { $scorer } score
xlsx-col-scorer-weight = { $scorer } weight
xlsx-col-max-deduct = Deduction cap
xlsx-col-max-add = Addition cap
xlsx-cell-not-applicable = n/a
xlsx-provisional-yes = yes ({ $missing } annual { $missing ->
    [one] score
   *[other] scores
} missing, counted as 0)
xlsx-embedded-path = { $path } (built in)
xlsx-col-self = Self-assessed total
xlsx-col-self-difference = Self-assessed difference
xlsx-col-previous-total = Last year's total
xlsx-col-previous-rank = Last year's rank
xlsx-col-change = Change in total
xlsx-col-rank-change = Change in rank (up is positive)
## publish: the year's paperwork (results notice, feedback lists, analysis report)

publish-done = Wrote { $path }: { $notice }, { $markdown }, { $analysis }, and the rectification ledgers of { $units } units in { $feedback }/.
publish-bad-output = "{ $path }" cannot be an output folder: name a folder, e.g. -o results-2020.
publish-exists = The output folder "{ $path }" already exists. Choose another folder, or add --force to replace it whole with this result.
publish-not-a-folder = "{ $path }" already exists and is not a folder; --force replaces folders only: choose another name.
publish-output-holds-input = The output folder "{ $path }" holds "{ $input }", which this run reads; replacing the folder would delete it: choose another folder.
publish-holds-working-folder = "{ $path }" holds the folder this command runs in; replacing it would delete the place you are working in: choose another folder.
publish-not-ours = "{ $path }" was not written by assess publish (it has no { $marker } file), so --force will not replace it: it may hold files of your own. Choose another folder, or remove it yourself first.
# Numbers in headings.
publish-ordinal = { $n }
# A grade in running text: its id in English, its label in Chinese.
publish-grade-name = { $label ->
   *[other] { $id }
}
publish-col-self = Self-assessed
publish-col-self-diff = Self − final
publish-col-previous = Last year (rank)
publish-col-change = Change
publish-note-provisional = provisional: some annual score of the unit is missing and counted as 0.
publish-record = { $date } { $method }: { $kind } { $points ->
    [one] { $points } point
   *[other] { $points } points
}{ $rule }
publish-record-note = { $date } { $method }: { $kind } { $points ->
    [one] { $points } point
   *[other] { $points } points
}{ $rule }: { $note }
publish-record-rule = { " " }(rule: { $rule }, { $count } ×)
publish-record-no-rule = { "" }
# A date in running text.
publish-date = { $year ->
   *[other] { $month ->
       *[other] { $day ->
           *[other] { $iso }
        }
    }
}

# The results notice (通报.docx, 通报.md)
notice-cannot-build = cannot build the notice as a Word document: { $reason }
notice-title = Notice of the assessment results: { $subject }
notice-title-provisional = Notice of the assessment results (provisional): { $subject }
notice-salutation = To { $classes }:
notice-salutation-all = To all units concerned:
notice-rubric-name = "{ $title }"
notice-rubric-separator = { " and " }
notice-units-of-class = { $count } units ({ $class })
notice-units = { $count } units
notice-provisional = These results are provisional: { $count } annual scores are missing and counted as 0 until the scorers send them.
notice-summary = { $count } units were assessed: average { $average }, highest { $max }, lowest { $min }.
notice-grade-line = Grade { $grade } ({ $count }): { $units }.
notice-grade-none = Grade { $grade }: none.
notice-unit = { $unit }
notice-unit-vetoed = { $unit } (veto)
notice-scaled = { $items } do not apply to { $unit }; its { $what } is rescaled to { $scale } points: { $score } × { $scale } ÷ { $max } = { $total }.
notice-scaled-total = total
notice-scaled-scored = scored part
notice-demoted = As the grade { $grade } may hold { $rule }, these units, whose totals reach it beyond that number, get the next grade: { $units }.
notice-demoted-unit = { $unit } ({ $grade })
notice-quota-share = at most { $share }% of the units ({ $count })
notice-quota-count = at most { $count } units
notice-conversion = As the rubric says, each total is converted into "{ $label }": total × { $points } ÷ { $scale }, rounded half away from zero to { $decimals } decimals, shown in the table.
notice-missing = These annual scores have not been sent and count as 0 for now:
notice-closing-lowest = { $units }, graded { $grade }, are to find the causes and put them right within the time set.

# Each unit's feedback list (反馈/UNIT.xlsx)
feedback-no-file-name = no file name could be made for the rectification ledger of "{ $unit }": give the unit a shorter or plainer name (or id) in the rubric
feedback-cannot-build = cannot build the rectification ledger of { $unit }: { $reason }
feedback-sheet-lost = Points lost
feedback-sheet-records = Daily records
feedback-unit = Unit
feedback-total = Total
feedback-grade = Grade
feedback-rank = Rank
feedback-rank-of = { $rank } of { $count }
feedback-self-total = Self-assessed total
feedback-previous = Last year (rank)
feedback-col-number = No.
feedback-col-indicator = Indicator
feedback-col-max = Max
feedback-col-score = Score
feedback-col-lost = Lost
feedback-col-self = Self-assessed
feedback-col-self-diff = Self − final
feedback-col-reason = Why points were lost
feedback-nothing-lost = Full marks on every indicator: no points lost.
feedback-total-row = Total
feedback-note-provisional = Provisional: some annual score is missing and counts as 0 until the scorer sends it.
feedback-numbered = { $number }. { $text }
feedback-annual = { $scorer } gave { $score } of { $max }{ $weight }
feedback-weight = { " " }(weight { $weight })
feedback-no-weight = { "" }
feedback-annual-missing = { $scorer } has not sent its annual score; it counts as 0 for now
feedback-with-note = { $text }: { $note }
feedback-start-full = Scored by daily records alone, deducted from the full { $max }
feedback-start-zero = A bonus item, added from 0 up to { $max }
feedback-rule-capped = Rule "{ $rule }": { $sum } in all, counted at its cap of { $counted }
feedback-deduct-capped = Deductions of { $sum } in all, counted at the item's cap of { $counted }
feedback-add-capped = Additions of { $sum } in all, counted at the item's cap of { $counted }
feedback-floor = Deducted down to 0
feedback-floor-below = deductions beyond the line's points go below 0, down to { $floor } at most (倒扣)
feedback-zeroed = scores 0 (此项不得分; see the zero record above)
feedback-bonus = Bonus
feedback-penalty = Penalty
feedback-note-veto-total = Veto: the total counts as { $total } instead of { $before }, as the rubric says.
feedback-note-demoted = Quota: the total reaches the grade above, whose places are taken; the grade is { $grade }.
feedback-first-total = Total before the review
feedback-note-review = Review: { $line } ({ $why }).
feedback-review = review: { $change } ({ $why })
feedback-first-score = { $first } before the review, { $score } after
feedback-note-gate = The bonus part "{ $section }" scored { $score }, but it counts only when the scored part is { $condition }, and it is { $scored }: it does not count.
gate-at-least = at least { $gate }
gate-above = above { $gate }
feedback-criteria = Criteria: { $criteria }
feedback-col-date = Date
feedback-col-kind = Kind
feedback-col-method = Method
feedback-col-rule = Rule
feedback-col-count = Count
feedback-col-points = Points
feedback-col-note = Note
feedback-no-records = No daily records this year.

report-role-self = self-assessment
report-role-previous = earlier result
report-role-measures = measures
report-role-adjust = review
review-note = Review: { $count ->
    [one] 1 change
   *[other] { $count } changes
} to the marked units, each below:
review-line = { $unit } { $change } ({ $why })
review-change = { $line }: { $what }
review-score = { $score }
review-na = n/a
review-rescore = { $scorer }'s score from { $from } to { $to }
review-rescore-supplied = { $scorer }'s missing score supplied: { $to }
review-withdraw = the { $kind } of { $points } on { $date } withdrawn
review-withdraw-mark = the { $kind } record of { $date } withdrawn
review-why = { $reason }
review-why-document = { $reason }; { $document }
xlsx-sheet-review = Review
review-col-unit = Unit
review-col-line = Line
review-col-action = Action
review-col-scorer = Scorer
review-col-date = Record date
review-col-kind = Record kind
review-col-from = Before
review-col-to = After
review-col-reason = Reason
review-col-document = Document
review-col-source = Source
review-action-rescore = rescore
review-action-withdraw = withdraw
review-missing = (missing)
notice-review-annex-caption = The review's changes
notice-review-col-number = No.
notice-review-col-change = Change
publish-note-adjusted = changed by the review ({ $count } changes; see the annex).
