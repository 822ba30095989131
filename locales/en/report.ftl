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
xlsx-heading = { $title } ({ $year })
xlsx-col-notes = Notes
xlsx-note-provisional = Provisional: some annual scores are missing and were counted as 0 (--allow-missing).
xlsx-note-scaled = Rescaled: some items do not apply (n/a); the total is rescaled to { $scale } from the applicable items.
xlsx-note-veto = Veto: the unit gets the lowest grade; its rank still follows its total.
xlsx-mark-veto = veto
xlsx-mark-scaled = rescaled
xlsx-mark-separator = { ", " }

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
