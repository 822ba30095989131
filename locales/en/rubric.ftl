## rubric: reading rubric files (src/rubric/)

rubric-not-utf8 = the rubric is not valid UTF-8: save it as UTF-8 (TOML files are always UTF-8)

## Across the rubrics of a run
rubric-id-taken = rubric id "{ $id }" is already used by { $first }: rubric ids must be unique
rubric-unit-taken = unit { $what } "{ $value }" is already on the roster at { $first }: every unit belongs to exactly one rubric
rubric-unit-id = id
rubric-unit-name = name

## Where a key is (unknown keys), and which table lacks one (missing keys)
rubric-unknown-key = unknown key `{ $key }` in { $place }{ $hint }; the keys allowed there are: { $allowed }
rubric-key-missing = { $place } has no `{ $key }`: add `{ $key } = …`
rubric-place-rubric = the rubric
rubric-place-period = [period]
rubric-place-grade = a [[grade]]
rubric-place-unit = a [[unit]]
rubric-place-section = a [[section]]
rubric-place-item = an item ([[section.item]])
rubric-this-grade = this [[grade]]
rubric-this-unit = this [[unit]]
rubric-this-section = this [[section]]
rubric-this-item = this [[section.item]]
# A list of keys or of expected tokens, item by item.

## Values of the wrong kind
rubric-empty-text = `{ $key }` is empty: write a non-empty text
rubric-not-text = `{ $key }` must be a text in quotes, not { $type }
rubric-not-decimal = `{ $key }` is not a decimal number: { $reason }
rubric-number-too-large = it is too large
rubric-number-out-of-range = it is out of range
rubric-number-empty = it is empty
rubric-number-not-plain = write a plain decimal such as 27.5 or 0.25 (digits with an optional sign and fraction; no exponent, no thousands separators, no full-width digits)
rubric-number-too-many-digits = it has more digits than the 28 an exact decimal can hold
rubric-number-wrong-type = it is { $type }; write 8, 0.5 or "0.35"
rubric-not-integer = `{ $key }` must be a whole number from { $min } to { $max }
rubric-not-date = `{ $key }` must be a date such as 2020-01-01
rubric-not-table-in-array = each `{ $key }` must be a table ([[{ $key }]]), not { $type }
rubric-not-table-array = `{ $key }` must be written as [[{ $key }]] tables, not { $type }
rubric-not-table = `{ $key }` must be a table, not { $type }
# The kind of a TOML value, as toml names it, with its article.
rubric-type = { $type ->
    [integer] an integer
    [array] an array
   *[other] a { $type }
}

## The rubric's own values
rubric-id-invalid = rubric id "{ $id }" may hold only a-z, 0-9, `_` and `-`
rubric-ranking-unknown = ranking "{ $value }" is not known: write "competition" (1, 2, 2, 4) or "dense" (1, 2, 2, 3)
rubric-not-positive = `{ $key }` must be greater than 0, not { $value }
rubric-too-many-places = `{ $key }` = { $value } has more decimal places than decimals = { $places } allows
rubric-sum-too-large = too large
rubric-period-reversed = the period starts on { $start }, after it ends on { $end }: swap `start` and `end`

## Scorers, grades, units, sections, items
rubric-scorer-same-name = scorers `{ $first }` and `{ $id }` have the same name "{ $name }": give each its own
rubric-scorers-empty = [scorers] is empty: declare at least one, as `office = "Office assessment team"`
rubric-grade-twice = grade id or label "{ $value }" is used twice: grades must be told apart
rubric-grade-negative = a grade's `min` cannot be negative
rubric-grade-above-total = the first grade's min { $min } is above total = { $total }: no unit could reach it
rubric-grades-not-descending = grade mins must be strictly descending (highest grade first), but { $min } follows { $previous }
rubric-no-grade = declare at least one [[grade]]
rubric-last-grade-not-zero = the last grade's min must be 0 so every total gets a grade, not { $min }
rubric-no-unit = the roster is empty: declare at least one [[unit]]
rubric-section-id-taken = section id "{ $id }" is already used on line { $first }
rubric-item-taken = item { $what } "{ $value }" is already used on line { $first }: items must be told apart
rubric-item-id = id
rubric-item-title = title
rubric-cap-negative = `{ $key }` cannot be negative
rubric-start-with-scorers = `start` applies only to an item without `scorers` (its base comes from its scorers): remove one of them
rubric-start-unknown = start "{ $value }" is not known: write "zero" (from 0, for additions) or "full" (from max, for deductions)
rubric-scorer-undeclared = scorer `{ $scorer }` is not declared in [scorers]{ $hint }
rubric-weight-not-positive = the weight of `{ $scorer }` must be greater than 0
rubric-weights-empty = `scorers` is empty: name at least one scorer, or remove the key for an item scored by daily records alone
rubric-weights-sum = the weights add up to { $sum }, not to exactly 1
rubric-weights-too-much = too much

## TOML syntax errors. The parser's own English words are matched against
## the texts of rubric-toml-p-… (what is wrong) and rubric-toml-e-… (what was
## expected), so each English text must stay exactly as the parser writes it.
rubric-toml-syntax = this is not valid TOML: { $reason }
rubric-toml-expected = { $problem }, expected { $expected }
rubric-toml-expected-nothing = { $problem }, expected nothing
rubric-toml-literal = `{ $text }`
rubric-toml-p-duplicate-key = duplicate key
rubric-toml-p-recursion-limit = recursion limit
rubric-toml-p-max-recursion = cannot recurse further; max recursion depth met
rubric-toml-p-underscore = `_` may only go between digits
rubric-toml-p-cr = carriage return must be followed by newline
rubric-toml-p-extra-equals = extra `=`
rubric-toml-p-extra-assignment = extra assignment between key-value pairs
rubric-toml-p-extra-comma-array = extra comma in array
rubric-toml-p-extra-comma-table = extra comma in inline table
rubric-toml-p-signed-radix = integers with a radix cannot be signed
rubric-toml-p-comment-char = invalid comment character
rubric-toml-p-inline-element = invalid inline table element
rubric-toml-p-key-value = invalid key-value pair
rubric-toml-p-unquoted-key = invalid unquoted key
rubric-toml-p-value = invalid value
rubric-toml-p-key-no-value = key with no value
rubric-toml-p-key-ml-basic = keys cannot be multi-line basic strings
rubric-toml-p-key-ml-literal = keys cannot be multi-line literal strings
rubric-toml-p-array-opening = missing array opening
rubric-toml-p-missing-assignment = missing assignment between key-value pairs
rubric-toml-p-array-comma = missing comma between array elements
rubric-toml-p-table-comma = missing comma between key-value pairs
rubric-toml-p-comment-start = missing comment start
rubric-toml-p-escape = missing escaped value
rubric-toml-p-inline-opening = missing inline table opening
rubric-toml-p-inline-key = missing key for inline table element
rubric-toml-p-opening-quote = missing opening quote
rubric-toml-p-table-open = missing table open
rubric-toml-p-value-for-key = missing value for key
rubric-toml-p-missing-value = missing value
rubric-toml-p-radix-case = radix must be lowercase
rubric-toml-p-integer-prefix = redundant integer number prefix
rubric-toml-p-sign = redundant numeric sign
rubric-toml-p-unquoted = string values must be quoted
rubric-toml-p-unicode-digits = too few unicode value digits
rubric-toml-p-unclosed-array-table = unclosed array table
rubric-toml-p-unclosed-array = unclosed array
rubric-toml-p-unclosed-inline = unclosed inline table
rubric-toml-p-unclosed-table = unclosed table
rubric-toml-p-equals-in-array = unexpected `=` in array
rubric-toml-p-after-comment = unexpected content between comment and newline
rubric-toml-p-content = unexpected content
rubric-toml-p-key-or-value = unexpected key or value
rubric-toml-p-leading-zero = unexpected leading zero
rubric-toml-p-unexpected-sign = unexpected sign
rubric-toml-p-empty-key = unquoted keys cannot be empty
rubric-toml-p-literal-string = invalid literal string
rubric-toml-p-ml-literal-string = invalid multi-line literal string
rubric-toml-p-basic-string = invalid basic string
rubric-toml-p-ml-basic-string = invalid multi-line basic string
rubric-toml-p-string = invalid string
rubric-toml-p-boolean = invalid boolean
rubric-toml-p-date-time = invalid date-time
rubric-toml-p-float = invalid float
rubric-toml-p-integer = invalid integer number
rubric-toml-p-hex = invalid hexadecimal number
rubric-toml-p-octal = invalid octal number
rubric-toml-p-binary = invalid binary number
rubric-toml-p-extend-array = cannot extend value of type array with a dotted key
rubric-toml-p-extend-inline = cannot extend value of type inline table with a dotted key
rubric-toml-p-extend = cannot extend value of type { $type } with a dotted key
rubric-toml-p-date = invalid date
rubric-toml-p-time = invalid time
rubric-toml-p-datetime = invalid datetime
rubric-toml-p-year = invalid year
rubric-toml-p-month = invalid month
rubric-toml-p-day = invalid day
rubric-toml-p-hour = invalid hour
rubric-toml-p-minute = invalid minute
rubric-toml-p-second = invalid second
rubric-toml-p-nanosecond = invalid nanosecond
rubric-toml-p-offset = invalid offset
rubric-toml-p-year-or-hour = invalid year or hour
rubric-toml-e-etc = etc
rubric-toml-e-newline = newline
rubric-toml-e-basic-string = basic string
rubric-toml-e-characters = characters
rubric-toml-e-digits = digits
rubric-toml-e-key = key
rubric-toml-e-letters = letters
rubric-toml-e-literal-string = literal string
rubric-toml-e-ml-basic-string = multi-line basic string
rubric-toml-e-no-double-quote = non-double-quote visible characters
rubric-toml-e-no-single-quote = non-single-quote characters
rubric-toml-e-no-single-quote-visible = non-single-quote visible characters
rubric-toml-e-numbers = numbers
rubric-toml-e-printable = printable characters
rubric-toml-e-unicode = unicode hexadecimal value
rubric-toml-e-value = value
rubric-toml-e-month-day = `-` (MM-DD)
rubric-toml-e-month-or-minute = `-` (YYYY-MM) or `:` (HH:MM)
rubric-toml-e-colon = `:` (HH:MM)
rubric-toml-e-t = `T` between date and time
rubric-toml-e-offset = `Z`, +OFFSET, -OFFSET
rubric-toml-e-year = a four-digit year (YYYY)
rubric-toml-e-day = a two-digit day (DD)
rubric-toml-e-hour = a two-digit hour (HH)
rubric-toml-e-minute = a two-digit minute (MM)
rubric-toml-e-month = a two-digit month (MM)
rubric-toml-e-second = a two-digit second (SS)
rubric-toml-e-hour-range = hour between 00 and 23
rubric-toml-e-hours-range = hours between 00 and 23
rubric-toml-e-minute-range = minute between 00 and 59
rubric-toml-e-minutes-range = minutes between 00 and 59
rubric-toml-e-month-range = month between 01 and 12
rubric-toml-e-second-range = second between 00 and 60
rubric-toml-e-nanoseconds = nanoseconds overflowed


## Levels, rules, aliases (part two)
rubric-group-leaf-key = an item with items of its own is a group and cannot have `{ $key }`: put it on its leaves
rubric-group-empty = this group has no items: write at least one [[…item]], or remove `item`
rubric-group-max = group "{ $group }" says max = { $written }, but its items add up to { $sum }: change `max` or its items' maxima so they agree
rubric-rule-kind = rule kind "{ $value }" is not known: write "deduct" or "add"
rubric-rule-points = a rule's points per instance must be greater than 0, not { $value }
rubric-rule-max = a rule's `max` must be greater than 0, not { $value }; remove it for no cap
rubric-rule-twice = rule id "{ $id }" is already used in this item on line { $first }: give each rule its own id
rubric-aliases-list = `aliases` must be a list of names, e.g. aliases = ["Hefeng", "Hobuksar"]
rubric-alias-twice = alias "{ $alias }" is written twice
rubric-period-outside-year = the period { $start } to { $end } shares no day with the year { $year }: correct [period] or `year`
rubric-subtotal = { $section } { $sum }
rubric-maxima-sum = the leaf maxima add up to { $sum } ({ $sections }), not to total = { $total }: change an item's `max` or `total` so they agree
rubric-alias-taken = alias "{ $alias }" is already the id, name or alias of { $unit } ({ $at }): an alias must name one unit only
rubric-this-group = this group
rubric-this-rule = this [[rule]]
rubric-place-rule = a rule ([[…item.rule]])
rubric-place-conversion = [conversion]
rubric-conversion-points = the conversion's `points` must be greater than 0, not { $value }

# Part three: points outside the lines, measures, classes, vetoes, quotas, methods.
rubric-na-unknown = na = "{ $value }" is not known: write "rescale" (the whole total rescaled, the default), "parent" (a line's points go to its siblings) or "full" (a line that does not apply counts its max)
rubric-label-twice = [{ $key }] gives "{ $label }" to both `{ $first }` and `{ $id }`: each needs a label of its own
rubric-table-empty = [{ $key }] is empty: list at least one entry, or leave the table out
rubric-place-measure = a measure of [measures]
rubric-measure-title-twice = two measures are titled "{ $title }": each needs a title of its own
rubric-place-veto = [veto]
rubric-veto-negative = `{ $key }` of [veto] must be 0 or more
rubric-veto-cap-and-total = [veto] has both `cap` (at most) and `total` (exactly): keep one
rubric-veto-rank-unknown = rank = "{ $value }" is not known: write "keep" (a veto does not move the rank, the default) or "last" (vetoed units after every other)
rubric-class-list = `{ $key }` must be a list of class ids, such as ["approval"]
rubric-class-undeclared = class `{ $class }` is not declared in [classes]{ $hint }
rubric-quota-on-last-grade = the last grade takes every unit the others do not: it cannot have a quota
rubric-quota-bad = quota = { $value } is not a quota: write a share between 0 and 1 (0.3 is 30% of the units) or a whole number of units (3)
rubric-part-kind-unknown = kind = "{ $value }" is not known: write "scored" (a part of the scale, the default), "bonus" (加分项) or "penalty" (扣分项)
rubric-part-max-missing = a { $kind ->
    [bonus] bonus
   *[other] penalty
} part needs `max`: the most it { $kind ->
    [bonus] adds to
   *[other] takes from
} a unit's total
rubric-gate-not-bonus = only a bonus part (kind = "bonus") has a `gate`
rubric-gate-strict-alone = `gate_strict` goes with a `gate`
rubric-section-max = section "{ $section }" says max = { $written }, but its items add up to { $sum }: change `max` or its items' maxima so they agree
rubric-not-boolean = `{ $key }` must be true or false, not { $type }
rubric-penalty-leaf-key = a line of a penalty part is scored by its deductions alone: it has no `{ $key }`
rubric-floor-positive = floor = { $value }: a floor is 0 or below (倒扣, "-2")
rubric-scale-without-measure = `{ $key }` goes with a `measure`: a line without one has no scale
rubric-measure-and-scorers = a line is scored either by its scorers or from a measure, not both: keep `scorers` or `measure`
rubric-measure-undeclared = measure `{ $measure }` is not declared in [measures]{ $hint }
rubric-interpolate-unknown = interpolate = "{ $value }" is not known: write "linear" (on the line between two points, the default) or "step" (the base of the last point reached)
rubric-scale-missing = a line scored from a measure needs its `scale`, such as [[89, 0], [99, 5]]
rubric-scale-shape = `scale` is a list of [value, base] pairs, such as [[89, 0], [99, 5]]
rubric-scale-not-ascending = the scale's value { $value } does not come after { $previous }: the values must rise strictly
rubric-scale-base-outside = the scale's base { $base } is outside the line's range from its floor { $floor } to its max { $max }
rubric-scale-too-short = the scale needs at least { $least } { $least ->
    [one] point
   *[other] points
}
rubric-penalty-add-rule = a line of a penalty part only takes points: its rules are of kind "deduct"
rubric-max-total-below = max_total = { $max_total } is below total = { $total }: the highest total is at least the scale
rubric-control-character = `{ $key }` holds a control character ("{ $value }"): names, titles and ids are one line of printable text

# Part three: the new columns, rows and sheets of the rubric workbook (rubric --format xlsx / rubric import).
import-part-bad = { $column } "{ $value }" is not known: write { $scored }, { $bonus } or { $penalty }; a bonus part's gate goes in brackets, as in { $bonus }（80分以上） (at least 80) or { $bonus }（高于80分） (above 80)
import-part-differs = section "{ $section }" is given another part at { $first }: every row of a section has the same part
import-class-unknown = unknown class of unit "{ $name }"{ $hint }: name a class of sheet { $sheet } by its name or its id
import-applies-bad = { $column } "{ $value }" is not readable: write { $to }：CLASS (only for) or { $except }：CLASS (not for), several classes separated by 、
import-applies-section = section "{ $section }" is for every unit: put the classes on the lines below it
import-measure-unknown = unknown measure "{ $name }"{ $hint }: name a measure of sheet { $sheet } by its name or its id
import-scale-bad = { $column } "{ $value }" is not readable: write each point as VALUE{ $pair }BASE, points separated by ；, as in 89{ $pair }0；99{ $pair }5
import-interpolate-bad = { $column } "{ $value }" is not known: write { $linear } (in proportion between two points) or { $step } (the base of the last point reached)
import-na-bad = { $column } "{ $value }" is not known: write { $rescale } (the total rescaled over the lines that apply, the default), { $parent } (a line's points go to its siblings) or { $full } (a line that does not apply counts its max)
import-rank-bad = { $column } "{ $value }" is not known: write { $keep } (a veto does not move the rank, the default) or { $last } (vetoed units after every other)
import-quota-bad = { $column } "{ $value }" is not a quota: write a share of the units (30%) or a number of units (3)

# Part three: the rules `assess rubric` prints as text and Markdown.
rubric-section-part = { $section }: { $rule }
rubric-part-bonus = bonus part, adding at most { $max }
rubric-part-bonus-gate = bonus part, adding at most { $max }, counted when the scored part reaches { $gate }
rubric-part-bonus-above = bonus part, adding at most { $max }, counted when the scored part is above { $gate }
rubric-part-penalty = penalty part, taking at most { $max }
rubric-penalty-line = daily deductions only, taking at most { $max }
rubric-floor = floor { $floor }
rubric-measure-linear = scored from { $measure }: { $points }, in proportion between
rubric-measure-step = scored from { $measure } in steps: { $points }
rubric-scale-at-most = { $value } or less: { $base }
rubric-scale-at-least = { $value } or more: { $base }
rubric-scale-at = at { $value }: { $base }
rubric-scale-below = below { $value }: { $base }
rubric-scale-any = { $base } at any value
rubric-applies-to = only for: { $classes }
rubric-applies-except = not for: { $classes }
rubric-with-rule = { $line }  { $rule }
rubric-quotas = quotas: { $quotas }
rubric-quota-share = { $grade } for at most { $percent }% of the units
rubric-quota-count = { $grade } for at most { $count ->
    [one] 1 unit
   *[other] { $count } units
}
rubric-max-total = the total is at most { $max }
rubric-na-rescale = lines that do not apply: the total rescaled over the lines that do
rubric-na-parent = lines that do not apply: their points go to their siblings
rubric-na-full = lines that do not apply: counted at their max
rubric-veto = veto: { $rules }
rubric-veto-grade = grade { $grade }
rubric-veto-cap = total at most { $cap }
rubric-veto-total = total counted as { $total }
rubric-veto-last = ranked last
rubric-class = class { $label } ({ $id }): { $units }
rubric-class-none = class { $label } ({ $id }): no unit yet
rubric-measures = measures: { $measures }
rubric-measure-unit = { $title } ({ $id }, in { $unit })
rubric-methods = methods of daily records: { $methods }
rubric-col-classes = classes
