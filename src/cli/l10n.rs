//! The command line in the run's language: help texts from the catalog
//! (`locales/*/cli.ftl`), and clap's usage errors retold from their parts.
//!
//! Keys: `cli-about` for the program, `cli-SUB-about` for a subcommand,
//! `cli-SUB-ARG` for an argument of one subcommand, else `cli-arg-ARG` for an
//! argument shared by several (`--rubric`, `--annual`, …).

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command, CommandFactory};

use super::Cli;
use crate::text::i18n::msg;
use crate::text::i18n::{Lang, Message, lookup};

/// The command line with every help text in `lang`.
pub fn command(lang: Lang) -> Command {
    localize(Cli::command(), None, lang)
}

fn text(key: &str, lang: Lang) -> String {
    lookup(key, lang).unwrap_or_else(|| key.to_string())
}

fn localize(mut cmd: Command, parent: Option<&str>, lang: Lang) -> Command {
    let name = cmd.get_name().to_string();
    let prefix = match parent {
        None => "cli".to_string(),
        Some(_) => format!("cli-{name}"),
    };
    let about = text(&format!("{prefix}-about"), lang);
    cmd = cmd
        .about(about.clone())
        .long_about(None::<&str>)
        .disable_help_flag(true)
        .disable_help_subcommand(true)
        .subcommand_help_heading(text("cli-heading-commands", lang))
        .subcommand_value_name(text("cli-value-command", lang))
        .help_template(format!(
            "{{about-with-newline}}\n{}\n\n{{all-args}}{{after-help}}",
            msg!("usage-line", usage = "{usage}").render(lang)
        ))
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(text("cli-help", lang))
                .help_heading(text("cli-heading-options", lang)),
        );
    if parent.is_none() {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(text("cli-version", lang))
                .help_heading(text("cli-heading-options", lang)),
        );
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .filter(|id| id != "help" && id != "version")
        .collect();
    for id in ids {
        let own = format!("{prefix}-{id}");
        let key = if lookup(&own, lang).is_some() {
            own
        } else {
            format!("cli-arg-{id}")
        };
        let help = text(&key, lang);
        let heading = text("cli-heading-options", lang);
        let positional_heading = text("cli-heading-arguments", lang);
        cmd = cmd.mut_arg(id.as_str(), |a| {
            let heading = if a.is_positional() {
                positional_heading
            } else {
                heading
            };
            // Choices and defaults are written into each help text, in its language.
            let a = a.help(help).long_help(None::<&str>).help_heading(heading);
            if a.get_action().takes_values() {
                a.hide_possible_values(true).hide_default_value(true)
            } else {
                a
            }
        });
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for sub in subs {
        cmd = cmd.mut_subcommand(sub.as_str(), |s| localize(s, Some(&name), lang));
    }
    cmd
}

/// A usage error told in `lang`: what is wrong, the usage line, where to
/// find help. Help and version requests are printed as clap renders them.
pub fn usage_error(e: &clap::Error, lang: Lang) -> String {
    let ctx = |kind: ContextKind| -> Option<String> {
        match e.get(kind)? {
            ContextValue::String(s) => Some(s.clone()),
            ContextValue::Strings(v) => Some(v.join(", ")),
            ContextValue::StyledStr(s) => Some(s.to_string()),
            ContextValue::StyledStrs(v) => Some(
                v.iter()
                    .map(|s| s.to_string())
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            ContextValue::Number(n) => Some(n.to_string()),
            _ => None,
        }
    };
    let arg = ctx(ContextKind::InvalidArg).unwrap_or_default();
    let message: Message = match e.kind() {
        ErrorKind::UnknownArgument => match ctx(ContextKind::SuggestedArg) {
            Some(s) => msg!("clap-unknown-argument-hint", arg = arg, suggestion = s),
            None => msg!("clap-unknown-argument", arg = arg),
        },
        ErrorKind::InvalidValue => {
            let value = ctx(ContextKind::InvalidValue).unwrap_or_default();
            match (
                ctx(ContextKind::ValidValue),
                ctx(ContextKind::SuggestedValue),
            ) {
                _ if value.is_empty() => msg!("clap-missing-value", arg = arg),
                (Some(choices), Some(s)) => msg!(
                    "clap-invalid-value-hint",
                    arg = arg,
                    value = value,
                    suggestion = s,
                    choices = choices
                ),
                (Some(choices), None) => {
                    msg!(
                        "clap-invalid-value",
                        arg = arg,
                        value = value,
                        choices = choices
                    )
                }
                (None, _) => msg!("clap-bad-value", arg = arg, value = value),
            }
        }
        ErrorKind::ValueValidation => msg!(
            "clap-bad-value",
            arg = arg,
            value = ctx(ContextKind::InvalidValue).unwrap_or_default()
        ),
        ErrorKind::MissingRequiredArgument => {
            msg!("clap-missing-required", args = arg)
        }
        ErrorKind::InvalidSubcommand => {
            let command = ctx(ContextKind::InvalidSubcommand).unwrap_or_default();
            match ctx(ContextKind::SuggestedSubcommand) {
                Some(s) => msg!(
                    "clap-unknown-command-hint",
                    command = command,
                    suggestion = s
                ),
                None => msg!("clap-unknown-command", command = command),
            }
        }
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            msg!(
                "clap-missing-command",
                commands = ctx(ContextKind::ValidSubcommand).unwrap_or_default()
            )
        }
        ErrorKind::ArgumentConflict => {
            let other = ctx(ContextKind::PriorArg).unwrap_or_default();
            if other == arg {
                msg!("clap-used-twice", arg = arg)
            } else {
                msg!("clap-conflict", arg = arg, other = other)
            }
        }
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues => msg!(
            "clap-too-many",
            value = ctx(ContextKind::InvalidValue).unwrap_or_default()
        ),
        ErrorKind::NoEquals | ErrorKind::TooFewValues => msg!("clap-missing-value", arg = arg),
        _ => {
            // Kinds without context of their own: clap's first line, as it says it.
            let rendered = e.to_string();
            let first = rendered.lines().next().unwrap_or_default();
            msg!(
                "clap-other",
                detail = first.trim_start_matches("error: ").to_string()
            )
        }
    };
    let mut out = msg!("error-general", message = message).render(lang);
    out.push('\n');
    if let Some(usage) = ctx(ContextKind::Usage) {
        let usage = usage.trim();
        let usage = usage.strip_prefix("Usage:").unwrap_or(usage).trim();
        out.push('\n');
        out.push_str(&msg!("usage-line", usage = usage).render(lang));
        out.push('\n');
        let command = usage
            .split_whitespace()
            .take_while(|w| !w.starts_with(['[', '<', '-']))
            .collect::<Vec<_>>()
            .join(" ");
        out.push('\n');
        out.push_str(&msg!("usage-more", command = command).render(lang));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_command_lines_are_sound() {
        for lang in Lang::ALL {
            command(lang).debug_assert();
        }
    }

    /// Every about and help text of every command comes from the catalog.
    #[test]
    fn every_help_text_is_in_both_catalogs() {
        fn walk(cmd: &Command, prefix: &str, missing: &mut Vec<String>, lang: Lang) {
            if lookup(&format!("{prefix}-about"), lang).is_none() {
                missing.push(format!("{prefix}-about"));
            }
            for a in cmd.get_arguments() {
                let id = a.get_id().as_str();
                if id == "help" || id == "version" {
                    continue;
                }
                let own = format!("{prefix}-{id}");
                if lookup(&own, lang).is_none() && lookup(&format!("cli-arg-{id}"), lang).is_none()
                {
                    missing.push(own);
                }
            }
            for s in cmd.get_subcommands() {
                walk(s, &format!("cli-{}", s.get_name()), missing, lang);
            }
        }
        for lang in Lang::ALL {
            let mut missing = Vec::new();
            walk(&Cli::command(), "cli", &mut missing, lang);
            for key in [
                "cli-help",
                "cli-version",
                "cli-heading-options",
                "cli-heading-arguments",
                "cli-heading-commands",
                "cli-value-command",
            ] {
                if lookup(key, lang).is_none() {
                    missing.push(key.to_string());
                }
            }
            assert!(missing.is_empty(), "{lang:?} catalog lacks {missing:?}");
        }
    }
}
