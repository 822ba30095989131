## cmd: what the commands print

# A unit's or a scorer's name with its id.
cmd-named = { $name } ({ $id })

## score

score-xlsx-needs-output = --format xlsx writes a workbook: name it with --output FILE.xlsx

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
explain-score = score = { $base } − { $deducted } + { $added } = { $raw }; kept between 0 and { $max } → { $clamped }; rounded half away from zero to { $decimals ->
    [0] a whole number
    [one] 1 decimal place
   *[other] { $decimals } decimal places
} → { $score }
explain-section = section { $title }: { $score } = { $parts }
explain-section-empty = section { $title }: { $score } (no applicable items)
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
explain-method-daily-record = daily record
explain-method-spot-check = spot check
explain-method-special-inspection = special inspection
explain-method-online-evaluation = online evaluation
explain-method-material-filing = material filing

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
