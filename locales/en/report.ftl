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
table-note-scaled = Some items do not apply (n/a); the total is rescaled to { $scale } from the applicable items.
table-note-veto = Veto: the unit gets the lowest grade; its rank still follows its total.

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
xlsx-not-applicable = no (n/a)

xlsx-sheet-provenance = Provenance
xlsx-tool = Tool
xlsx-provisional = Provisional
xlsx-yes = yes
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
xlsx-note-vetoed = Note: a grade marked (veto) is the lowest grade, imposed by a veto; the unit's rank still follows its total.
xlsx-note-converted = Note: { $label } = total × { $points } / { $scale }, rounded half away from zero to { $decimals } { $decimals ->
    [one] decimal place.
   *[other] decimal places.
}
xlsx-note-provisional-units = Note: a total marked † is provisional: some of the unit's annual scores are missing and were counted as 0 (--allow-missing). Missing, by scorer (the files to chase):
xlsx-note-missing = Note: missing from { $scorer }: { $cells }.
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
