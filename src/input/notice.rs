//! The notice's settings (`assess publish --notice FILE.toml`, SPEC 21): who
//! issues it, its 文号 and dates, to whom it goes and who gets a copy,
//! whether it is public, and what the units are asked to do by when.
//!
//! The file is walked over toml's spanned tree, as the rubric is, so that
//! every problem of the file is reported in one run at its key
//! (`FILE:LINE:COL`), an unknown key with the nearest known one. Without the
//! file, or for a key left out, the notice leaves a visible blank
//! (`〔    〕号`) where the value goes: nothing is invented.

use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use toml::de::{DeTable, DeValue};

use crate::date::Date;
use crate::model::notice::NoticeSettings;
use crate::rubric::{Field, Walk, kind};
use crate::text::diag::Diagnostics;
use crate::text::i18n::{Lang, Message, msg};

/// Every key the file may hold, in the order the template writes them.
pub const KEYS: [&str; 11] = [
    "issuer",
    "number",
    "date",
    "to",
    "cc",
    "printed_by",
    "printed_on",
    "public",
    "name_failing",
    "deadline",
    "requirements",
];

/// Reads the settings file at `path`; `None` when anything in it is wrong
/// (every problem reported).
pub fn read(path: &Path, diags: &mut Diagnostics) -> Option<NoticeSettings> {
    let (file, bytes) = crate::tables::file::read(path, "notice", diags)?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => parse(text, &file, diags),
        Err(e) => {
            let line = 1 + bytes[..e.valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            diags.error_at(&file, line, msg!("notice-settings-not-utf8"));
            None
        }
    }
}

/// Parses the settings from `text` (the file `file`); `None` when anything
/// is wrong.
pub fn parse(text: &str, file: &Arc<str>, diags: &mut Diagnostics) -> Option<NoticeSettings> {
    let (doc, syntax) = DeTable::parse_recoverable(text);
    let mut w = Walk::new(file, text, diags);
    if w.syntax(syntax) {
        return None;
    }
    let top = doc.get_ref();
    w.known_keys(top, &KEYS, msg!("notice-settings-place"));
    let mut s = NoticeSettings::default();
    let field = |key: &str| top.get_key_value(key).map(|(k, v)| (k.span(), v));
    s.issuer = field("issuer").and_then(|f| text_field(&mut w, "issuer", f));
    s.number = field("number").and_then(|f| text_field(&mut w, "number", f));
    if let (Some(number), Some((span, _))) = (&s.number, field("number")) {
        if let Err(fixed) = check_number(number) {
            let hint = fixed.map(|f| msg!("did-you-mean", name = f));
            w.err(
                &span,
                msg!(
                    "notice-settings-number",
                    value = number.as_str(),
                    hint = hint
                ),
            );
        }
    }
    s.date = field("date").and_then(|f| date_field(&mut w, "date", f));
    s.to = field("to").and_then(|f| texts_field(&mut w, "to", f).map(|v| join_organs(&v)));
    s.cc = field("cc")
        .and_then(|f| texts_field(&mut w, "cc", f))
        .unwrap_or_default();
    s.printed_by = field("printed_by").and_then(|f| text_field(&mut w, "printed_by", f));
    s.printed_on = field("printed_on").and_then(|f| date_field(&mut w, "printed_on", f));
    if let Some(b) = field("public").and_then(|f| w.boolean("public", f)) {
        s.public = b;
    }
    if let Some(b) = field("name_failing").and_then(|f| w.boolean("name_failing", f)) {
        s.name_failing = b;
    }
    s.deadline = field("deadline").and_then(|f| date_field(&mut w, "deadline", f));
    s.requirements = field("requirements")
        .and_then(|f| texts_field(&mut w, "requirements", f))
        .unwrap_or_default();
    // Printed and due after the notice is signed, never before.
    if let Some(date) = s.date {
        for (key, later) in [("printed_on", s.printed_on), ("deadline", s.deadline)] {
            if let (Some(later), Some((span, _))) = (later, field(key))
                && later < date
            {
                w.err(
                    &span,
                    msg!(
                        "notice-settings-before-date",
                        key = key,
                        value = later.to_string(),
                        date = date.to_string()
                    ),
                );
            }
        }
    }
    (w.errors == 0).then_some(s)
}

/// Several organs written as a list: joined as a 主送 line joins them.
fn join_organs(organs: &[String]) -> String {
    organs.join(&msg!("notice-organ-separator").to_string())
}

/// Whether a 文号 has the form of GB/T 9704 (机关代字〔年份〕序号号: six-corner
/// brackets, a four-digit year, a sequence number without leading zeros);
/// when not, the form it was most likely meant to have, if one can be told.
pub fn check_number(number: &str) -> Result<(), Option<String>> {
    if well_formed(number) {
        return Ok(());
    }
    let mut fixed = String::new();
    for c in number.trim().chars() {
        fixed.push(match c {
            '[' | '［' | '【' | '(' | '（' | '〖' | '{' => '〔',
            ']' | '］' | '】' | ')' | '）' | '〗' | '}' => '〕',
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            c => c,
        });
    }
    let fixed = fixed.replace('第', "").replace(char::is_whitespace, "");
    let Some((head, tail)) = fixed.rsplit_once('〕') else {
        return Err(None);
    };
    let digits: String = tail.chars().filter(char::is_ascii_digit).collect();
    let rest: String = tail.chars().filter(|c| !c.is_ascii_digit()).collect();
    if digits.is_empty() || !(rest.is_empty() || rest == "号") {
        return Err(None);
    }
    let sequence = digits.trim_start_matches('0');
    let candidate = format!("{head}〕{sequence}号");
    Err(well_formed(&candidate).then_some(candidate))
}

fn well_formed(number: &str) -> bool {
    let Some((agency, rest)) = number.split_once('〔') else {
        return false;
    };
    let Some((year, rest)) = rest.split_once('〕') else {
        return false;
    };
    let Some(sequence) = rest.strip_suffix('号') else {
        return false;
    };
    !agency.trim().is_empty()
        && !agency.contains(char::is_whitespace)
        && year.len() == 4
        && year.bytes().all(|b| b.is_ascii_digit())
        && !sequence.is_empty()
        && sequence.bytes().all(|b| b.is_ascii_digit())
        && !sequence.starts_with('0')
}

/// One line of text, trimmed, not empty, without control characters.
fn text_field(w: &mut Walk, key: &str, (span, v): Field) -> Option<String> {
    match v.get_ref() {
        DeValue::String(s) => one_text(w, key, &span, s),
        other => {
            w.err(
                &span,
                msg!("rubric-not-text", key = key, type = kind(other)),
            );
            None
        }
    }
}

fn one_text(w: &mut Walk, key: &str, span: &Range<usize>, s: &str) -> Option<String> {
    if s.chars().any(char::is_control) {
        w.err(
            span,
            msg!(
                "notice-settings-control",
                key = key,
                value = crate::text::escape_controls(s)
            ),
        );
        None
    } else if s.trim().is_empty() {
        w.err(span, msg!("notice-settings-empty", key = key));
        None
    } else {
        Some(s.trim().to_string())
    }
}

/// A text, or a list of texts (`cc = ["A", "B"]`); each one a line.
fn texts_field(w: &mut Walk, key: &str, (span, v): Field) -> Option<Vec<String>> {
    match v.get_ref() {
        DeValue::String(s) => one_text(w, key, &span, s).map(|t| vec![t]),
        DeValue::Array(items) => {
            let before = w.errors;
            let mut out = Vec::new();
            for item in items.iter() {
                match item.get_ref() {
                    DeValue::String(s) => out.extend(one_text(w, key, &item.span(), s)),
                    other => w.err(
                        &item.span(),
                        msg!("notice-settings-not-texts", key = key, type = kind(other)),
                    ),
                }
            }
            (w.errors == before).then_some(out)
        }
        other => {
            w.err(
                &span,
                msg!("notice-settings-not-texts", key = key, type = kind(other)),
            );
            None
        }
    }
}

/// A TOML date (`2021-02-20`), or a date in quotes as people type it
/// (`"2021年2月20日"`); a real day of the calendar.
fn date_field(w: &mut Walk, key: &str, (span, v): Field) -> Option<Date> {
    let date = crate::rubric::toml_date(v.get_ref());
    if date.is_none() {
        w.err(&span, msg!("notice-settings-not-date", key = key));
    }
    date
}

/// `assess template notice`: every key, each under what it is for (in the
/// run's language) and with an example; the keys with a default are set to
/// it, the others left as comments, so the file as written changes nothing
/// (every blank stays blank) until its lines are filled in.
pub fn template(lang: Lang) -> String {
    let tr = |m: Message| m.render(lang);
    let mut out = String::new();
    let comment = |out: &mut String, text: String| {
        for line in text.lines() {
            if line.trim().is_empty() {
                out.push_str("#\n");
            } else {
                out.push_str("# ");
                out.push_str(line.trim_end());
                out.push('\n');
            }
        }
    };
    comment(&mut out, tr(msg!("notice-template-head")));
    let quoted = |s: String| crate::rubric::toml_out::string(&s);
    let example = |key: &str| -> String {
        match key {
            "issuer" => quoted(tr(msg!("notice-example-issuer"))),
            "number" => quoted(tr(msg!("notice-example-number"))),
            "date" => "2021-02-20".into(),
            "to" => quoted(tr(msg!("notice-example-to"))),
            "cc" => format!("[{}]", quoted(tr(msg!("notice-example-cc")))),
            "printed_by" => quoted(tr(msg!("notice-example-issuer"))),
            "printed_on" => "2021-02-21".into(),
            "public" => "false".into(),
            "name_failing" => "true".into(),
            "deadline" => "2021-03-31".into(),
            _ => format!(
                "[\n#   {},\n#   {},\n# ]",
                quoted(tr(msg!("notice-example-requirement-1"))),
                quoted(tr(msg!("notice-example-requirement-2")))
            ),
        }
    };
    for key in KEYS {
        out.push('\n');
        let about = match key {
            "issuer" => msg!("notice-template-issuer"),
            "number" => msg!("notice-template-number"),
            "date" => msg!("notice-template-date"),
            "to" => msg!("notice-template-to"),
            "cc" => msg!("notice-template-cc"),
            "printed_by" => msg!("notice-template-printed-by"),
            "printed_on" => msg!("notice-template-printed-on"),
            "public" => msg!("notice-template-public"),
            "name_failing" => msg!("notice-template-name-failing"),
            "deadline" => msg!("notice-template-deadline"),
            _ => msg!("notice-template-requirements"),
        };
        comment(&mut out, tr(about));
        // A default is written as a setting; anything else is an example.
        let set = matches!(key, "public" | "name_failing");
        if !set {
            out.push_str("# ");
        }
        out.push_str(&format!("{key} = {}\n", example(key)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> (Option<NoticeSettings>, Vec<String>) {
        let mut diags = Diagnostics::new();
        let file: Arc<str> = Arc::from("n.toml");
        let s = parse(text, &file, &mut diags);
        let lines = diags
            .into_vec()
            .iter()
            .map(|d| d.render(Lang::En))
            .collect();
        (s, lines)
    }

    #[test]
    fn the_spec_example_reads_whole() {
        let (s, errors) = parsed(
            "issuer = \"塔城地区行政公署办公室\"\nnumber = \"塔行办发〔2021〕5号\"\n\
             date = 2021-02-20\nto = \"各县（市）人民政府，地直各部门\"\ncc = [\"地区纪委监委\"]\n\
             printed_on = 2021-02-21\npublic = true\ndeadline = 2021-03-31\n\
             requirements = [\"甲\", \"乙\"]\n",
        );
        assert_eq!(errors, Vec::<String>::new());
        let s = s.unwrap();
        assert_eq!(s.printer(), Some("塔城地区行政公署办公室"));
        assert_eq!(s.printed(), Date::new(2021, 2, 21));
        assert_eq!(s.cc, ["地区纪委监委"]);
        assert!(s.public && s.name_failing);
        assert_eq!(s.requirements, ["甲", "乙"]);
    }

    #[test]
    fn every_problem_at_its_key() {
        let (s, errors) = parsed(
            "isuer = \"x\"\ndate = \"2021年2月30日\"\npublic = \"yes\"\n  printed_on = 2021-01-01\ndate2 = 1\n",
        );
        assert!(s.is_none());
        assert_eq!(errors.len(), 4, "{errors:#?}");
        assert!(errors[0].starts_with("error: n.toml:1:1: unknown key `isuer`"));
        assert!(
            errors[0].contains("did you mean \"issuer\""),
            "{}",
            errors[0]
        );
        assert!(errors[1].starts_with("error: n.toml:5:1: unknown key `date2`"));
        assert!(
            errors[2].starts_with("error: n.toml:2:1: `date`"),
            "{}",
            errors[2]
        );
        assert!(
            errors[3].starts_with("error: n.toml:3:1: `public`"),
            "{}",
            errors[3]
        );
        // A day the calendar lacks, as a TOML date, is the parser's error, at its value.
        let (s, errors) = parsed("number = \"塔行办发〔2021〕5号\"\ndate = 2021-02-30\n");
        assert!(s.is_none());
        assert_eq!(
            errors,
            [
                "error: n.toml:2:8: this is not valid TOML: invalid date, expected day between 01 and 28"
            ]
        );
        // Printed before it was signed.
        let (_, errors) = parsed("date = 2021-02-20\nprinted_on = 2021-02-19\n");
        assert_eq!(
            errors,
            [
                "error: n.toml:2:1: `printed_on` (2021-02-19) is before the notice's date (2021-02-20)"
            ]
        );
    }

    #[test]
    fn numbers_in_the_form_of_the_standard() {
        assert_eq!(check_number("塔行办发〔2021〕5号"), Ok(()));
        assert_eq!(
            check_number("塔行办发[2021]05号"),
            Err(Some("塔行办发〔2021〕5号".into()))
        );
        assert_eq!(
            check_number("塔行办发（2021）第5号"),
            Err(Some("塔行办发〔2021〕5号".into()))
        );
        assert_eq!(
            check_number("塔行办发〔２０２１〕１２"),
            Err(Some("塔行办发〔2021〕12号".into()))
        );
        assert_eq!(check_number("〔2021〕5号"), Err(None));
        assert_eq!(check_number("5号"), Err(None));
        assert_eq!(check_number("塔行办发〔21〕5号"), Err(None));
    }

    #[test]
    fn the_template_as_written_reads_as_no_file() {
        for lang in Lang::ALL {
            let (s, errors) = parsed(&template(lang));
            assert_eq!(errors, Vec::<String>::new(), "{lang:?}");
            assert_eq!(s, Some(NoticeSettings::default()), "{lang:?}");
        }
    }

    #[test]
    fn the_template_filled_in_reads_its_examples() {
        let filled: String = template(Lang::Zh)
            .lines()
            .map(|l| match l.strip_prefix("# ") {
                Some(rest)
                    if KEYS.iter().any(|k| rest.starts_with(&format!("{k} = ")))
                        || rest.starts_with("  ")
                        || rest == "]" =>
                {
                    rest.to_string()
                }
                _ => l.to_string(),
            })
            .map(|l| l + "\n")
            .collect();
        let (s, errors) = parsed(&filled);
        assert_eq!(errors, Vec::<String>::new(), "{filled}");
        let s = s.unwrap();
        assert_eq!(s.number.as_deref(), Some("塔行办发〔2021〕5号"));
        assert_eq!(s.deadline, Date::new(2021, 3, 31));
        assert_eq!(s.requirements.len(), 2);
    }
}
