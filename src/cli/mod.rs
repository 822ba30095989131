//! The command line: clap definitions here, their texts in the catalogs
//! (`l10n`).

pub mod l10n;

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

use crate::report::Format;
use crate::tables::table::Encoding;
use crate::text::i18n::Lang;

/// 政务公开和“放管服”改革工作考核计分工具
///
/// Scores the yearly assessment of government openness (政务公开) and "放管服"
/// reform: rubric files (考核细则), annual scores (年度考核得分) and daily records
/// (日常考核记录) in, totals, grades and ranks out.
#[derive(Debug, Parser)]
#[command(name = "assess", version, max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Language of messages and labels: zh or en (default: ASSESS_LANG, then
    /// the locale, then Chinese). Read before parsing, by `i18n::choose`.
    #[arg(long, value_enum, global = true, value_name = "LANG")]
    pub lang: Option<Lang>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Compute every unit's scores, total, grade and rank (计分).
    Score(ScoreArgs),
    /// Validate the rubrics and every input without computing (校验).
    Check(InputArgs),
    /// Recompute and compare with published results (核对公布结果).
    Verify(VerifyArgs),
    /// Write the year's paperwork into a folder: notice, feedback lists, analysis report (发布).
    Publish(PublishArgs),
    /// Read the rectification ledgers the units sent back and report what is still open (整改).
    Rectify(RectifyArgs),
    /// Show where one unit's (or item's) score comes from, line by line (计分过程).
    Explain(ExplainArgs),
    /// Write a blank table to fill in: annual scores, daily records or published results (模板).
    Template(TemplateArgs),
    /// Print the loaded rubrics: items, maxima, scorers, caps, criteria, grades, roster (细则).
    #[command(args_conflicts_with_subcommands = true)]
    Rubric(RubricArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions { shell: clap_complete::Shell },
    /// Print the manual page (roff), e.g. `assess man > assess.1`.
    Man,
}

/// Only the rubrics.
#[derive(Debug, Args, Clone)]
pub struct RubricFiles {
    /// A rubric file (考核细则, TOML); repeatable. Default: the two embedded
    /// rubrics, counties (各县(市)) and departments (地直各部门).
    #[arg(long = "rubric", value_name = "FILE")]
    pub rubrics: Vec<PathBuf>,
}

/// The inputs every command reads.
#[derive(Debug, Args, Clone)]
pub struct InputArgs {
    /// A rubric file (考核细则, TOML); repeatable. Default: the two embedded
    /// rubrics, counties (各县(市)) and departments (地直各部门).
    #[arg(long = "rubric", value_name = "FILE")]
    pub rubrics: Vec<PathBuf>,
    /// An annual scores file (年度考核得分, CSV or workbook, long or wide);
    /// repeatable, e.g. one per scorer. `FILE@SCORER` names the scorer of
    /// its tables that do not say it.
    #[arg(long = "annual", value_name = "FILE[@SCORER]")]
    pub annual: Vec<PathBuf>,
    /// A daily records file (日常考核记录, CSV); repeatable.
    #[arg(long = "daily", value_name = "FILE")]
    pub daily: Vec<PathBuf>,
    /// The units' measured values (指标数据: a rate, a count), from which
    /// lines with a measure are scored; repeatable.
    #[arg(long = "measures", value_name = "FILE")]
    pub measures: Vec<PathBuf>,
    /// The review's adjustments (复核调整): rescores and withdrawals, each
    /// with its reason; repeatable.
    #[arg(long = "adjust", value_name = "FILE")]
    pub adjust: Vec<PathBuf>,
    /// Count a missing annual score as 0 and mark the result provisional (暂定).
    #[arg(long)]
    pub allow_missing: bool,
    /// Encoding of the CSV files: auto tells UTF-8 from GBK/GB18030 by the bytes.
    #[arg(long, value_enum, default_value_t = Encoding::Auto)]
    pub encoding: Encoding,
    /// Only these worksheets of Excel inputs (repeatable, or a comma list);
    /// default: every sheet but the empty ones and 说明/填表说明/instructions.
    #[arg(long, value_name = "NAME", value_delimiter = ',')]
    pub sheet: Option<Vec<String>>,
}

#[derive(Debug, Args)]
pub struct ScoreArgs {
    #[command(flatten)]
    pub inputs: InputArgs,
    /// Table columns down to this indicator level (2 = 二级指标), before each section's.
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub depth: usize,
    /// Output format.
    /// Default: from the extension of `--output` (.csv, .json, .xlsx), else table.
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// An earlier result of this tool (JSON or CSV), for the change from last year.
    #[arg(long, value_name = "FILE")]
    pub previous: Option<PathBuf>,
    /// The units' self-assessment (自评): claimed leaf scores; repeatable.
    #[arg(long = "self", value_name = "FILE")]
    pub claims: Vec<PathBuf>,
    /// Write to FILE (whole or not at all) instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Start CSV output with a UTF-8 BOM, so Excel on Windows shows Chinese correctly.
    #[arg(long)]
    pub bom: bool,
}

#[derive(Debug, Args)]
pub struct PublishArgs {
    #[command(flatten)]
    pub inputs: InputArgs,
    /// An earlier result of this tool (JSON or CSV), for the change from last year.
    #[arg(long, value_name = "FILE")]
    pub previous: Option<PathBuf>,
    /// The units' self-assessment (自评): claimed leaf scores; repeatable.
    #[arg(long = "self", value_name = "FILE")]
    pub claims: Vec<PathBuf>,
    /// The notice's settings (TOML): issuer, 文号, dates, to whom, copies, requirements.
    #[arg(long, value_name = "FILE.toml")]
    pub notice: Option<PathBuf>,
    /// The folder to write, whole or not at all.
    #[arg(long, short, value_name = "DIR")]
    pub output: PathBuf,
    /// Replace an existing folder DIR, whole.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct RectifyArgs {
    /// The ledgers sent back (反馈/UNIT.xlsx filled in): files, or folders of them.
    #[arg(value_name = "FILE_OR_DIR", required = true)]
    pub ledgers: Vec<PathBuf>,
    #[command(flatten)]
    pub rubrics: RubricFiles,
    /// The day deadlines are checked against (default: today).
    #[arg(long = "as-of", value_name = "DATE")]
    pub as_of: Option<String>,
    /// Also write the summary as a workbook (整改情况汇总), whole or not at all.
    #[arg(long, short, value_name = "FILE.xlsx")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    #[command(flatten)]
    pub inputs: InputArgs,
    /// The published results (公布结果, CSV): unit/单位, total/总分, and optionally grade/等次, rank/名次.
    #[arg(long, value_name = "FILE")]
    pub published: PathBuf,
    /// Check only the units of this rubric (a published table of one rubric).
    #[arg(long, value_name = "RUBRIC")]
    pub id: Option<String>,
    /// The report: text (default) or json (schema assess.verify.v1).
    #[arg(long, value_enum, default_value_t = ExplainFormat::Text)]
    pub format: ExplainFormat,
    /// Write the report to FILE (whole or not at all) instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// `--format` of `explain` and `verify`.
pub use crate::report::ReportFormat as ExplainFormat;

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The unit, by id or name.
    pub unit: String,
    /// Only this item, by id or title.
    pub item: Option<String>,
    #[command(flatten)]
    pub inputs: InputArgs,
    #[arg(long, value_enum, default_value_t = ExplainFormat::Text)]
    pub format: ExplainFormat,
}

/// Which blank table `template` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum TemplateKind {
    /// Annual scores (评分表): one row per unit, item and scorer, or one
    /// row per unit and one column per item (`--layout wide`).
    Annual,
    /// Daily records: the header, and in a workbook empty rows with drop-down lists.
    Daily,
    /// One row per unit, total, grade and rank left empty.
    Published,
    /// Measured values (指标数据): one row per unit, one column per measure.
    Measures,
    /// The review's adjustments (复核调整): the header, and in a workbook
    /// empty rows with drop-down lists.
    Adjust,
    /// The notice's settings for `publish --notice` (TOML, commented).
    Notice,
}

/// `--layout` of an annual template.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum TemplateLayout {
    /// One row per unit, item and scorer (the table every reader reads).
    #[default]
    Long,
    /// One row per unit, one column per item (评分表).
    Wide,
}

/// `--format` of `template`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum TemplateFormat {
    Csv,
    /// A workbook with data validation, protected labels and print setup (needs --output).
    Xlsx,
}

#[derive(Debug, Args)]
pub struct TemplateArgs {
    pub kind: TemplateKind,
    #[command(flatten)]
    pub rubrics: RubricFiles,
    /// Only the rubric with this id (e.g. counties).
    #[arg(long, value_name = "ID")]
    pub id: Option<String>,
    /// Annual: only the items this scorer scores, by id or name.
    #[arg(long, value_name = "ID")]
    pub scorer: Option<String>,
    /// Annual: long (default) or wide.
    #[arg(long, value_enum)]
    pub layout: Option<TemplateLayout>,
    /// csv or xlsx. Default: from the extension of `--output`, else csv.
    #[arg(long, value_enum)]
    pub format: Option<TemplateFormat>,
    /// Write a UTF-8 BOM first, so Excel on Windows shows Chinese correctly.
    #[arg(long)]
    pub bom: bool,
    /// Write to FILE instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// `--format` of `rubric`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum RubricFormat {
    /// Readable in a terminal.
    #[default]
    Text,
    /// For publishing the standard itself.
    Markdown,
    /// The rubric files exactly as loaded (to check an embedded rubric's sha256).
    Toml,
    /// The rubric as a workbook an office prints (needs --output).
    Xlsx,
}

#[derive(Debug, Args)]
pub struct RubricArgs {
    /// `rubric import` and `rubric new`; without one, print the rubrics.
    #[command(subcommand)]
    pub action: Option<RubricAction>,
    #[command(flatten)]
    pub rubrics: RubricFiles,
    /// Default: from the extension of `--output` (.toml, .md, .xlsx), else text.
    #[arg(long, value_enum)]
    pub format: Option<RubricFormat>,
    /// Only the rubric with this id (e.g. counties).
    #[arg(long, value_name = "ID")]
    pub id: Option<String>,
    /// Write to FILE instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum RubricAction {
    /// Read a rubric workbook (细则 as a table) back into a rubric file.
    Import(RubricImportArgs),
    /// Start a new year from an earlier rubric.
    New(RubricNewArgs),
}

#[derive(Debug, Args)]
pub struct RubricImportArgs {
    /// The rubric workbook (.xlsx): sheets 细则, 基本信息, 评分单位, 考核对象, 扣分标准.
    #[arg(value_name = "FILE.xlsx")]
    pub workbook: PathBuf,
    /// The rubric file to write (TOML), whole or not at all.
    #[arg(long, short, value_name = "FILE")]
    pub output: PathBuf,
}

#[derive(Debug, Args)]
pub struct RubricNewArgs {
    /// The earlier rubric: an embedded rubric's id (counties) or a TOML file.
    #[arg(long, value_name = "ID_OR_FILE")]
    pub from: String,
    /// The new year.
    #[arg(long, value_name = "YEAR")]
    pub year: i64,
    /// The new rubric file (TOML), written whole or not at all.
    #[arg(long, short, value_name = "FILE")]
    pub output: PathBuf,
}

impl InputArgs {
    /// The flags that name these inputs, for a command line to copy and run.
    /// Every file the run reads, so that `--output` never names one of them.
    pub fn files(&self) -> Vec<&std::path::Path> {
        self.rubrics
            .iter()
            .chain(&self.annual)
            .chain(&self.daily)
            .chain(&self.measures)
            .chain(&self.adjust)
            .map(PathBuf::as_path)
            .collect()
    }

    pub fn to_flags(&self) -> Vec<String> {
        let mut flags = Vec::new();
        let mut add = |flag: &str, paths: &[PathBuf]| {
            for p in paths {
                flags.push(flag.to_string());
                flags.push(p.display().to_string());
            }
        };
        add("--rubric", &self.rubrics);
        add("--annual", &self.annual);
        add("--daily", &self.daily);
        add("--measures", &self.measures);
        add("--adjust", &self.adjust);
        if self.allow_missing {
            flags.push("--allow-missing".into());
        }
        for sheet in self.sheet.iter().flatten() {
            flags.extend(["--sheet".into(), sheet.clone()]);
        }
        match self.encoding {
            Encoding::Auto => {}
            Encoding::Utf8 => flags.extend(["--encoding".into(), "utf8".into()]),
            Encoding::Gbk => flags.extend(["--encoding".into(), "gbk".into()]),
        }
        flags
    }
}

/// Quotes a word for a POSIX shell where it needs it.
pub fn shell_word(word: &str) -> String {
    let plain = !word.is_empty()
        && word
            .chars()
            .all(|c| !c.is_ascii() || c.is_ascii_alphanumeric() || "_-./:=@%+,".contains(c));
    if plain && !word.chars().any(|c| !c.is_ascii() && c.is_whitespace()) {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', "'\\''"))
    }
}
