## ledger: the rectification ledger (整改台账) and assess rectify

# The rectification ledger (反馈/UNIT.xlsx)
ledger-title = { $unit }: rectification ledger, { $subject }
ledger-due = Due back by
ledger-col-measure = Measures taken
ledger-col-department = Department responsible
ledger-col-person = Person responsible
ledger-col-deadline = Deadline
ledger-col-status = Progress
ledger-col-evidence = Evidence
ledger-status-done = Done
ledger-status-in-progress = In progress
ledger-status-not-started = Not started
ledger-status-input-title = Progress
ledger-status-input = Choose from the list: { $words }
ledger-status-error-title = Progress
ledger-status-error = Progress is one of: { $words }
ledger-veto = Veto
ledger-veto-record = { $date }, { $method }
ledger-veto-record-note = { $date }, { $method }: { $note }
ledger-note-author = Assessment office
ledger-veto-grade = Vetoed: the grade is { $grade }
ledger-general = General remarks
ledger-general-line = { $scorer }: { $remarks }
ledger-separator = { "; " }
ledger-remark = { $scorer }'s remark: { $note }
ledger-weighted = Weighted: { $formula }
ledger-summary = This ledger has { $rows } rows, of which { $count } are indicators that lost points, { $lost } in all. Fill in every row: the measures taken, the department and person responsible, the deadline (a date), the progress ({ $words }, chosen from the list) and the evidence, and close each one; each indicator's criteria are in the note of its Indicator cell.
ledger-due-line = Return this ledger, filled in and sealed, by { $date }.
ledger-due-line-blank = Return this ledger, filled in and sealed, by ______________.
ledger-filled-by = Filled in by:
ledger-phone = Phone:
ledger-sent-on = Sent on:
ledger-info-sheet = Ledger info
ledger-info-note = What assess rectify recognises this ledger by (rubric, year, unit, and the office's cells as written): do not change it.

# Reading the ledgers sent back (assess rectify)
ledger-why-not-workbook = not an Excel workbook
ledger-why-no-info = it has no hidden sheet of ledger info, which assess publish writes; fill in the ledger itself rather than a copy in a new workbook
ledger-not-a-ledger = not a rectification ledger written by assess publish: { $why }
ledger-passed-over = { $file } is not a rectification ledger ({ $why }); passed over
ledger-twice = this and { $first } are both the ledger of { $unit }: keep one
ledger-other-rubric = this is a ledger of rubric "{ $rubric }", and the rubrics loaded are { $loaded }: name the rubric it was written with by --rubric
ledger-other-year = this is a ledger of { $year }, and rubric "{ $rubric }" is of { $expected }: check that it is the right ledger, or name that year's rubric by --rubric
ledger-sheet-missing = no ledger sheet "{ $sheet }" (the sheets are { $sheets }): it was renamed or deleted; fill in the original ledger again
ledger-unknown-unit = the unit "{ $unit }" of the header is not on the roster of rubric "{ $rubric }"{ $hint }
ledger-unit-changed = the header names "{ $unit }", but this ledger was written for { $written }: the header was changed; fill in the original ledger again
ledger-line-unknown = the ledger's line { $line } is not in rubric "{ $rubric }": the ledger was written with another version of the rubric
ledger-line-other-max = line { $line } has { $max } points in the ledger and { $expected } in rubric "{ $rubric }": the ledger was written with another version of the rubric
ledger-cell-changed = the office's column "{ $column }" may not be changed: it held "{ $was }", it holds "{ $now }"; put the value back, or fill in the original ledger again
ledger-info-damaged = the hidden sheet of ledger info is damaged or was changed, so the ledger cannot be recognised: fill in the original ledger assess publish wrote

# The summary of assess rectify
rectify-bad-date = the date "{ $value }" of --as-of cannot be read: write it as 2021-03-31
rectify-title = Rectification as of { $date }
rectify-col-unit = Unit
rectify-col-returned = Returned
rectify-col-rows = Rows
rectify-col-no-measure = No measures
rectify-col-overdue = Overdue
rectify-col-line = Indicator
rectify-yes = yes
rectify-no = no
rectify-counts = { $units } units, { $returned } ledgers returned, { $complete } of them with every row filled in.
rectify-all-done = Every unit returned its ledger, every row with its measures and progress filled in.
rectify-open-heading = Outstanding ({ $count }):
rectify-not-returned = { $unit }: no ledger returned
rectify-incomplete = { $unit } { $line }: { $what }
rectify-no-measure = no measures written
rectify-no-status = no progress chosen
rectify-bad-status = progress "{ $value }" is not one of { $words }
rectify-and = { ", " }
rectify-overdue-heading = Overdue ({ $count }):
rectify-overdue = { $unit } { $line }: its deadline { $deadline } has passed, progress "{ $status }"
rectify-sheet-summary = Rectification
rectify-sheet-open = Open rows
rectify-cannot-build = cannot build the rectification workbook: { $reason }
