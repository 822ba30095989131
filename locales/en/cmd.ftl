## cmd

## rubric new
rubric-new-from = "{ $from }" is neither an embedded rubric's id nor a file: the embedded rubrics are { $ids }, or name a rubric file
rubric-new-year = { $year } is not a year: write a year from 1900 to 9999
