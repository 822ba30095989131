## rubric

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
