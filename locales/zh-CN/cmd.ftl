## cmd

## rubric new
rubric-new-from = “{ $from }”既不是内置细则的编号，也不是存在的文件：内置细则有 { $ids }，或请填写细则文件的路径。
rubric-new-year = 年度 { $year } 不是有效的年份，请填写 1900 至 9999 之间的年份。
