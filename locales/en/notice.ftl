## notice: 通报.docx and 通报.md (GB/T 9704), and --notice FILE.toml

## The command line
cli-publish-notice = The notice's settings (TOML): issuer, document number, date, to whom and copies, printer and printing date, public or not, requirements and the deadline; without it the notice leaves blanks for the drafter. Template: assess template notice

## Reading the settings (--notice)
notice-settings-place = the notice settings
notice-settings-not-utf8 = the notice settings are not valid UTF-8: save the file as UTF-8 (TOML files are always UTF-8)
notice-settings-not-date = `{ $key }` must be a date such as 2021-02-20 (or "2021年2月20日"), a day the calendar has
notice-settings-not-texts = `{ $key }` must be a text in quotes or a list of them, such as { $key } = ["…", "…"], not { $type }
notice-settings-empty = `{ $key }` is empty: write its text, or delete the line (the notice leaves a blank)
notice-settings-control = `{ $key }` holds a control character ("{ $value }"): each setting of the notice must be printable text
notice-settings-number = the document number "{ $value }" is not in the form of GB/T 9704: agency code, the four-digit year in 〔〕, the number without leading zeros, then 号, such as "塔行办发〔2021〕5号"{ $hint }
notice-settings-before-date = `{ $key }` ({ $value }) is before the notice's date ({ $date })
notice-template-flag = the notice settings template has nothing to do with rubrics or tables and takes no { $flag }: leave it out

## The settings template (assess template notice), each line after "# "
notice-template-head =
    The notice's settings: assess publish --notice THIS_FILE
    Every setting may be left out: the notice then leaves a blank (the number as "〔    〕号") for the drafter; nothing is made up.
    Delete the "# " at the start of a line to use it. Dates are written 2021-02-20.
notice-template-issuer = The issuing office: the masthead (发文机关标志) and the signature.
notice-template-number = The document number (发文字号): agency code, the year in 〔〕, the number without leading zeros.
notice-template-date = The date of the notice (成文日期), under the signature.
notice-template-to = To whom (主送机关), the line under the title, organs separated by commas; left out: the classes of units the rubrics assess.
notice-template-cc = Copies (抄送), in the imprint at the end; any number of them; left out: no copy line.
notice-template-printed-by = The printing office (印发机关) in the imprint; left out: the issuing office.
notice-template-printed-on = The printing date (印发日期) in the imprint; left out: the date of the notice.
notice-template-public = Add the note "(published openly)" (此件公开发布) under the date: true or false.
notice-template-name-failing = Name the units of the lowest grade in the text: true or false.
notice-template-deadline = The date the rectification ledgers are due, after the requirements; left out: no date.
notice-template-requirements = The requirements, one paragraph each; left out: the program's standard ones.
notice-example-issuer = Tacheng Prefecture Administrative Office
notice-example-number = 塔行办发〔2021〕5号
notice-example-to = The county governments and the prefecture departments
notice-example-cc = Prefecture Discipline Inspection Commission
notice-example-requirement-1 = Every unit is to put right each line of its ledger and close it.
notice-example-requirement-2 = Every unit is to keep what works and make up what is short.

## Masthead, addressee, signature and imprint; a setting not given is a blank
notice-masthead = { $issuer }
notice-blank-issuer = (issuing office)
notice-blank-number = 〔    〕号
notice-blank-date = {"    "}-{"  "}-{"  "}
notice-to = To { $organs }:
notice-organ-separator = {", "}
notice-public = (published openly)
notice-cc = Copies: { $organs }.
notice-printed-on = printed { $date }
# In 通报.md, between the printing office and the printing date.
notice-md-printed = { $printer }, { $printed }

## The text
notice-intro = Under { $rubrics }, the { $year } work of { $units } was assessed. The results follow.
notice-h-method = { $number }. How the assessment was done
notice-method = The assessment combined daily and annual assessment, after each unit's self-check. { $daily } { $annual } The assessment group weighed both and set each unit's score and grade.
notice-method-daily = Daily assessment went by { $methods }; what it found took points off or added them as the rubrics say{ $veto ->
    [yes] , and a serious failure the rubrics name vetoed the unit
   *[no] {""}
}.
notice-method-no-daily = Daily assessment recorded nothing that took or added points this year.
notice-method-annual = Annual scores were given by { $scorers } as the rubrics say.
notice-method-no-annual = Annual scores were given as the rubrics say.
notice-grades = There are { $count } grades: { $bands }.
notice-grades-of = For { $name }, there are { $count } grades: { $bands }.
notice-band-top = { $label } ({ $min } and above)
notice-band = { $label } ({ $min } to under { $upper })
notice-band-bottom = { $label } (under { $upper })
notice-band-only = { $label }
notice-review-text = After the results were shown to the units, the assessment group reviewed their objections and changed { $lines } scores of { $units } units ({ $annex }); the results below are those after the review.
notice-h-results = { $number }. Results
notice-h-rubric = ({ $number }) { $name }
notice-results-intro = { $count } units were assessed; each unit's score and rank are in { $annex }.
notice-veto-found = { $unit }: on { $date }, { $method } found that { $note }. As the rubric says, the unit is vetoed: its grade is { $grade }{ $last ->
    [yes] , ranked last
   *[no] {""}
}.
notice-veto-found-said = { $unit }: on { $date }, { $method } found that { $note }. Its grade is { $grade }{ $last ->
    [yes] , ranked last
   *[no] {""}
}.
# A veto record's note that holds this word already says the veto.
notice-veto-word = veto
notice-veto-recorded = { $unit }: on { $date }, { $method } recorded a veto. Its grade is { $grade }{ $last ->
    [yes] , ranked last
   *[no] {""}
}.
notice-veto-plain = { $unit } is vetoed. Its grade is { $grade }{ $last ->
    [yes] , ranked last
   *[no] {""}
}.
# name_failing = false: the lowest grade counted, its units named only in the annex.
notice-grade-line-unnamed = Grade { $grade } ({ $count }): listed in { $annex }.
notice-veto-unnamed = { $count ->
    [one] One unit is
   *[other] { $count } units are
} vetoed: grade { $grade } (see the notes of { $annex }).
notice-scaled-brief = Some lines do not apply to { $units }: the { $what } is rescaled to { $scale } points from the lines that apply (worked out in the notes of { $annex }).
notice-conversion-brief = Each total is converted into "{ $label }" as the rubric says, shown in { $annex }.
notice-h-use = { $number }. What follows from the results
notice-use = The results count in the performance assessment{ $converted ->
    [yes] {" "}(the converted scores are in the annex)
   *[no] {""}
}.
notice-use-lowest-unnamed = The units graded { $grade } are to find the causes and put them right within the time set.
notice-h-requirements = { $number }. Requirements
notice-requirement-ledger = Every unit is to work through the rectification ledger it receives line by line, with measures, the office and person responsible and a date for each, closing each line when it is done.
notice-requirement-improve = Every unit is to keep what works and make up what is short.
notice-deadline = Every unit is to send its ledger to { $office } by { $date }.

## Attachments
notice-attachment-lead = {"Annex: "}
notice-attachment-number = { $number }.{" "}
notice-annex-label = Annex { $number }
notice-annex-label-only = Annex
notice-annex-title = Results { $year }: { $name }
notice-notes-head = {"Notes: "}
notice-note-records = { $records ->
    [0] There were no daily records this year.
    [one] One daily record ({ $vetoes ->
        [one] a veto
       *[other] { $adds ->
            [one] an addition
           *[other] a deduction
        }
    }) was counted as the rubric says.
   *[other] { $records } daily records ({ $deducts ->
        [one] one deduction
       *[other] { $deducts } deductions
    }, { $adds ->
        [one] one addition
       *[other] { $adds } additions
    }, { $vetoes ->
        [one] one veto
       *[other] { $vetoes } vetoes
    }) were counted as the rubric says.
}
notice-note-veto = { $unit } is vetoed: grade { $grade } (total { $total }, still ranked { $rank } by its total).
notice-note-veto-last = { $unit } is vetoed: grade { $grade } (total { $total }; ranked { $rank }, after every unit without a veto).
notice-note-adjusted = changed by the review ({ $count ->
    [one] one change
   *[other] { $count } changes
}; see { $annex }).

## The typefaces of the Word document (GB/T 9704: title 小标宋, text 仿宋, first-level headings 黑体,
## second-level 楷体, page numbers 宋体); each followed by the name Word and WPS look for when it is missing
notice-face-title = 方正小标宋简体
notice-face-title-alt = FZXiaoBiaoSong-B05S
notice-face-body = 仿宋_GB2312
notice-face-body-alt = 仿宋
notice-face-heading = 黑体
notice-face-heading-alt = SimHei
notice-face-kai = 楷体_GB2312
notice-face-kai-alt = 楷体
notice-face-page = 宋体
notice-face-page-alt = SimSun
notice-face-latin = Times New Roman
