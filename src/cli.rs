//! The command line (clap definitions only).

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

use crate::input::Encoding;
use crate::report::{Format, Lang};

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
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Compute every unit's scores, total, grade and rank (计分).
    Score(ScoreArgs),
    /// Validate the rubrics and every input without computing (校验).
    Check(InputArgs),
}

/// The inputs every command reads.
#[derive(Debug, Args, Clone)]
pub struct InputArgs {
    /// A rubric file (考核细则, TOML); repeatable. Default: the two embedded
    /// rubrics, counties (各县(市)) and departments (地直各部门).
    #[arg(long = "rubric", value_name = "FILE")]
    pub rubrics: Vec<PathBuf>,
    /// An annual scores file (年度考核得分, CSV); repeatable, e.g. one per scorer.
    #[arg(long = "annual", value_name = "FILE")]
    pub annual: Vec<PathBuf>,
    /// A daily records file (日常考核记录, CSV); repeatable.
    #[arg(long = "daily", value_name = "FILE")]
    pub daily: Vec<PathBuf>,
    /// Count a missing annual score as 0 and mark the result provisional (暂定).
    #[arg(long)]
    pub allow_missing: bool,
    /// Encoding of the CSV files: auto tells UTF-8 from GBK/GB18030 by the bytes.
    #[arg(long, value_enum, default_value_t = Encoding::Auto)]
    pub encoding: Encoding,
}

#[derive(Debug, Args)]
pub struct ScoreArgs {
    #[command(flatten)]
    pub inputs: InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Write to FILE (whole or not at all) instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Language of labels and headers (rubric titles and unit names stay as written).
    #[arg(long, value_enum, default_value_t = Lang::Zh)]
    pub lang: Lang,
}
