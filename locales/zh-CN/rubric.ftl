## rubric
