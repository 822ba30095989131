## The analysis report (分析报告.html): an analysis for the leaders, then its charts

analysis-title = Analysis of the assessment results: { $subject }
analysis-period = { $start } to { $end }
analysis-subtitle = Period: { $period }; { $units } units assessed
analysis-provisional = Provisional: { $count } annual scores are missing and counted as 0; this analysis is to be made again once the scorers send them.
analysis-part = { $number }. { $title }
analysis-overview = Overview
analysis-achievements = What went well
analysis-problems = Problems
analysis-advice = Next steps
analysis-figures = Charts and tables
analysis-appendix = Appendix: sources
analysis-sources-note = This report, the notice and the rectification ledgers come from one computation, made by assess { $version } from these files; their SHA-256 tells whether a file has changed since.
analysis-rubric-heading = ({ $number }) { $name }
analysis-figure-heading = ({ $number }) { $title }
analysis-line = { $id } { $title }
analysis-unit-total = { $unit } ({ $total })
analysis-unit-points = { $unit } { $points }
analysis-unit-vetoed = { $unit } (vetoed)
analysis-quoted = "{ $text }"
analysis-and-more = { $count } more

# 1. Overview
analysis-intro-part = { $name }: { $count }
analysis-intro-many = { $units } units were assessed this year ({ $parts }); the daily assessment made { $records } records.
analysis-intro-one = { $units } units were assessed this year; the daily assessment made { $records } records.
analysis-participation = { $count } units, average { $average }; highest { $top } with { $top_total }, lowest { $bottom } with { $bottom_total }.
analysis-grade-count = { $grade } { $count }
analysis-grades = Grades: { $grades }; { $passed } units at { $pass } or above, a pass rate of { $rate }%.
analysis-grades-one = Grades: { $grades }.
analysis-veto-unit = { " " }{ $unit } is vetoed: total { $total }, graded { $grade }.
analysis-section-rate = { $title } { $rate }%
analysis-section-rates = Average score rate of each level 1 indicator (the units' scores over their applicable maxima{ $bonus ->
    [0] { "" }
   *[other] , bonus lines aside
}): { $rates }.
analysis-change-none = None of these units is in last year's result: no comparison.
analysis-change-summary = Against last year: over the { $compared } units with last year's result, the average { $direction ->
    [up] rose from { $before } to { $now }, by { $amount }
    [down] fell from { $before } to { $now }, by { $amount }
   *[same] is { $now }, as last year
}; { $up } totals rose, { $down } fell, { $same } stayed the same.
analysis-change-new = { " " }New this year, not compared: { $units }.

# 2. What went well
analysis-top = The highest totals: { $units }.
analysis-no-risers = No unit's total rose from last year.
analysis-risers = { $count ->
    [one] { $count } unit's total
   *[other] { $count } units' totals
} rose from last year, most of all { $units }.
analysis-riser = { $unit } (+{ $change }{ $ranks ->
    [0] { "" }
    [one] , up { $ranks } place
   *[other] , up { $ranks } places
})
analysis-full-lines = { $count } lines where every unit has full marks: { $lines }.
analysis-line-rate = { $line } ({ $rate }%)
analysis-best-lines = The lines with the best score rates (at or above { $overall }%, the rate of all scored lines together): { $lines }.
analysis-bonus-earned = { $line }: { $count ->
    [one] { $count } unit
   *[other] { $count } units
} earned bonus points, { $points } in all ({ $units }).

# 3. Problems
analysis-problems-common = Shared problems (lines where at least half the units lost points)
analysis-problems-individual = Single problems (lines where fewer units lost points)
analysis-problems-other = Other problems
analysis-no-common = No line where half the units or more lost points.
analysis-no-individual = No line where only a few units lost points.
analysis-nothing-lost = Every unit has full marks on every scored line.
analysis-problem = { $line }: { $losers } of { $applicable } units lost points, { $lost } in all; average score rate { $rate }%.
analysis-problem-reasons = { " " }Main reasons: { $reasons }.
analysis-reason = { $rule } ({ $count })
analysis-no-rule = no rule named
analysis-problems-more = { $count } more in the table of lost points under "Charts and tables".
analysis-penalty = Penalty line { $line }: { $count ->
    [one] { $count } unit
   *[other] { $count } units
} penalised, { $points } points in all ({ $units }).
analysis-bonus-missed = Bonus not earned: { $line }, by { $count ->
    [one] { $count } unit
   *[other] { $count } units
} ({ $units }).
analysis-veto-record = { $unit } is vetoed: { $date }, { $method }, { $note }.
analysis-veto-record-bare = { $unit } is vetoed: { $date }, { $method }.
analysis-veto-plain = { $unit } is vetoed.
analysis-failing = Graded { $grade }: { $count ->
    [one] { $count } unit
   *[other] { $count } units
}, { $units }.

# 4. Next steps
analysis-advice-from-notice = As the notice requires:
analysis-advice-common = Shared problems first. At least half the units lost points on { $lines }, mainly for { $reasons }: every unit is to go through the criteria line by line.
analysis-advice-common-bare = Shared problems first. At least half the units lost points on { $lines }: every unit is to go through the criteria line by line.
analysis-advice-individual = Single problems. A few units lost points on { $lines }: they are to fix them item by item from their rectification ledgers.
analysis-advice-failing = The units at the bottom. { $units } graded { $grade } are to fix their problems by a deadline and report.
analysis-advice-veto = No more vetoes. { $units } vetoed: find the cause and keep it from happening again.
analysis-advice-declined = No slipping back. Of the { $compared } units with last year's result, { $count } fell: find out why.
analysis-advice-bonus = Innovation. { $count ->
    [one] { $count } unit
   *[other] { $count } units
} earned nothing on { $lines }: every unit is to sum up and share its good practice.
analysis-advice-none = Every unit has full marks on every line: keep it so.

# 5. Charts and tables
analysis-results = Results
analysis-grades-chart = Units per grade
analysis-veto-key = vetoed
analysis-distribution = Distribution of totals
analysis-distribution-chart = Totals of { $name } (bins of 5% of the scale; dashed lines are the grades' minimums; colours are the grades)
analysis-distribution-note = Totals: { $totals }
analysis-total-vetoed = { $unit } { $total } (vetoed)
analysis-indicators = Average score rate of each indicator
analysis-indicators-chart = { $name }: average score rate of the level 1 and level 2 indicators
analysis-bonus-no-rate = Bonus lines only add points and lose none: they have no rate here.
analysis-lost = Where most points were lost
analysis-lost-chart = { $name }: the { $count } lines where most points were lost (all units together)
analysis-bonus-not-lost = A bonus not earned is no loss: bonus lines are not ranked here (see "Bonus not earned" under Problems).
analysis-lost-table = { $name }: every line where points were lost
analysis-col-number = No.
analysis-col-units-lost = Units losing points
analysis-losers-of = { $losers }/{ $applicable }
analysis-col-lost = Points lost
analysis-col-rate = Average rate
analysis-col-kind = Kind
analysis-kind-common = shared
analysis-kind-individual = single
analysis-col-reasons = Main reasons
analysis-heatmap = Score rates by unit and indicator
analysis-heatmap-note = Each cell is a score rate in percent; the darker, the lower. — means n/a. Units in rank order; the columns are the level 2 indicators, named under the chart; bonus lines are left out.
analysis-heatmap-chart = { $name }: score rate of each level 2 indicator by unit
analysis-na-short = —
analysis-legend-item = { $id } { $title } ({ $max } points)
analysis-daily = Daily assessment
analysis-no-records = There are no daily records this year.
analysis-tally = { $deducts } deductions ({ $deducted } points), { $adds } additions ({ $added } points){ $vetoes ->
    [0] { "" }
   *[other] , { $vetoes } vetoes
}
analysis-month = { $year }-{ $month }
analysis-by-month = Daily records by month
analysis-by-method = Daily records by method
analysis-daily-table = Daily records by month
analysis-col-month = Month
analysis-col-points = Points
analysis-counted-note = Points as they count in the scores: a unit's add up to its deductions and additions.
analysis-counted-note-capped = Points as they count in the scores (within the rules' and the lines' caps): a unit's add up to its deductions and additions; the { $deducted } points of deductions and { $added } of additions past a cap, which count nothing, are left out.
analysis-profiles = Each unit's profile
analysis-profiles-note = One chart per unit: the score rate of each level 1 indicator (dark) and level 2 indicator (light); the tick is the average of all units; bonus lines aside.
analysis-profile = { $rank }. { $unit } { $total } { $grade }
analysis-profile-vetoed = vetoed, graded { $grade }
analysis-change = Change from last year
analysis-change-chart = { $name }: totals against last year
analysis-no-previous = None of these units is in last year's result.
analysis-previous-year = Last year
analysis-this-year = This year
analysis-new-units = New this year (not in last year's result): { $units }.
