## Common: error lines, summaries, hints

# One error: where first, then what is wrong.
error-at = error: { $location }: { $message }
error-general = error: { $message }
warning = warning: { $message }
did-you-mean = { " " }(did you mean "{ $name }"?)
problems-found = assess: { $count ->
    [one] 1 problem found
   *[other] { $count } problems found
}; nothing was computed and no file was written
provisional-warning = warning: the result is provisional: { $count ->
    [one] 1 annual score is missing and was
   *[other] { $count } annual scores are missing and were
} counted as 0 (--allow-missing)
cannot-write = cannot write { $path }: { $reason }
cannot-write-stdout = cannot write to standard output: { $reason }

## Usage errors of the command line
lang-unknown = { $source } "{ $value }" names no language this program speaks: use zh (Chinese) or en (English).
usage-line = Usage: { $usage }
usage-more = For more information, run '{ $command } --help'.
clap-unknown-argument = unexpected argument '{ $arg }'.
clap-unknown-argument-hint = unexpected argument '{ $arg }' (did you mean '{ $suggestion }'?).
clap-invalid-value = invalid value '{ $value }' for { $arg }: choose one of { $choices }.
clap-invalid-value-hint = invalid value '{ $value }' for { $arg } (did you mean '{ $suggestion }'?): choose one of { $choices }.
clap-bad-value = invalid value '{ $value }' for { $arg }.
clap-missing-value = { $arg } needs a value.
clap-missing-required = these arguments are required: { $args }.
clap-unknown-command = unrecognized command '{ $command }'.
clap-unknown-command-hint = unrecognized command '{ $command }' (did you mean '{ $suggestion }'?).
clap-missing-command = a command is needed: { $commands }.
clap-used-twice = { $arg } cannot be used more than once.
clap-conflict = { $arg } cannot be used with { $other }.
clap-too-many = unexpected extra argument '{ $value }'.
clap-other = bad command line: { $detail }
list-separator = {", "}
workbook-needs-output = a workbook must be written to a file: name it with --output FILE.xlsx
output-format-contradicts = --format { $format } contradicts the extension of "{ $path }": leave --format out (the extension decides), or name a file with the matching extension
output-is-input = the output "{ $path }" is one of the files this run reads, and writing it would replace them: name another file
output-is-folder = the output "{ $path }" is a folder: name a file in it
output-not-a-file = the output "{ $path }" is not a regular file (a device, a pipe or a socket): name a file, or leave --output out and redirect standard output
output-bad-link = the output "{ $path }" is a link that does not lead to a regular file: name the file itself
