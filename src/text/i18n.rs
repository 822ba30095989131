//! Messages (提示信息): every sentence a person reads comes from a Fluent
//! catalog, one per language, embedded in the binary (`locales/`).
//!
//! A [`Message`] is a catalog key with named arguments; it is rendered in the
//! run's language only when it is printed, so each language places the
//! arguments (file, line, the value written, the did-you-mean) in its own
//! word order.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::borrow::Cow;
use std::ffi::OsString;
use std::fmt;
use std::sync::OnceLock;

/// `--lang`: the language of every message and label (names, titles and
/// values quoted from the inputs stay as written).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];

    /// The catalog's folder under `locales/`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// Reads `zh`, `en`, or a locale such as `zh_CN.UTF-8`, `en-US`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let t = tag.trim().to_ascii_lowercase();
        let base = t.split(['_', '-', '.', '@']).next().unwrap_or("");
        match base {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// The catalogs, one file per part of the program, concatenated per language.
macro_rules! catalog {
    ($lang:literal: $($file:literal),+) => {
        [$((concat!("locales/", $lang, "/", $file), include_str!(concat!("../../locales/", $lang, "/", $file)))),+]
    };
}

/// Every catalog file, by language: (path, text).
pub const ZH_FILES: [(&str, &str); 9] = catalog!("zh-CN": "main.ftl", "cli.ftl", "rubric.ftl", "input.ftl", "report.ftl", "cmd.ftl", "notice.ftl", "ledger.ftl", "analysis.ftl");
pub const EN_FILES: [(&str, &str); 9] = catalog!("en": "main.ftl", "cli.ftl", "rubric.ftl", "input.ftl", "report.ftl", "cmd.ftl", "notice.ftl", "ledger.ftl", "analysis.ftl");

pub fn files(lang: Lang) -> &'static [(&'static str, &'static str)] {
    match lang {
        Lang::Zh => &ZH_FILES,
        Lang::En => &EN_FILES,
    }
}

fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static ZH: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    static EN: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    let cell = match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    };
    cell.get_or_init(|| {
        let id: unic_langid::LanguageIdentifier = lang.tag().parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // Isolation marks (U+2068/U+2069) around arguments would show in a terminal.
        bundle.set_use_isolating(false);
        for (_, text) in files(lang) {
            // The catalogs are checked by the tests; a broken entry is skipped, never a panic.
            let res = match FluentResource::try_new(text.to_string()) {
                Ok(r) => r,
                Err((r, _)) => r,
            };
            bundle.add_resource_overriding(res);
        }
        bundle
    })
}

static CURRENT: OnceLock<Lang> = OnceLock::new();

/// Sets the run's language, once, before anything is printed.
pub fn set_lang(lang: Lang) {
    let _ = CURRENT.set(lang);
}

/// The run's language: Chinese unless set otherwise.
pub fn lang() -> Lang {
    CURRENT.get().copied().unwrap_or_default()
}

/// The text of a key built at run time (help texts keyed by argument id),
/// `None` when the catalog has no such key.
pub fn lookup(key: &str, lang: Lang) -> Option<String> {
    let bundle = bundle(lang);
    let pattern = bundle.get_message(key)?.value()?;
    let mut errors = Vec::new();
    Some(
        bundle
            .format_pattern(pattern, None, &mut errors)
            .into_owned(),
    )
}

/// An argument of a message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arg {
    Text(String),
    /// A count, so a catalog can choose a plural form.
    Number(i64),
    /// A message of its own (a did-you-mean, a reason), rendered in the same language.
    Message(Box<Message>),
    /// A list of entries, joined flat (never nested one message per entry),
    /// and how many more were left out.
    List(Vec<Arg>, usize),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_string())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Text(s.clone())
    }
}
impl From<&std::sync::Arc<str>> for Arg {
    fn from(s: &std::sync::Arc<str>) -> Self {
        Arg::Text(s.to_string())
    }
}
impl From<std::sync::Arc<str>> for Arg {
    fn from(s: std::sync::Arc<str>) -> Self {
        Arg::Text(s.to_string())
    }
}
impl From<rust_decimal::Decimal> for Arg {
    fn from(d: rust_decimal::Decimal) -> Self {
        Arg::Text(d.to_string())
    }
}
impl From<&rust_decimal::Decimal> for Arg {
    fn from(d: &rust_decimal::Decimal) -> Self {
        Arg::Text(d.to_string())
    }
}
impl From<&crate::model::source::Location> for Arg {
    fn from(l: &crate::model::source::Location) -> Self {
        Arg::Text(l.to_string())
    }
}
impl From<crate::model::source::Location> for Arg {
    fn from(l: crate::model::source::Location) -> Self {
        Arg::Text(l.to_string())
    }
}
impl From<Message> for Arg {
    fn from(m: Message) -> Self {
        Arg::Message(Box::new(m))
    }
}
impl From<Option<Message>> for Arg {
    /// No message is an empty text (an absent did-you-mean).
    fn from(m: Option<Message>) -> Self {
        match m {
            Some(m) => Arg::Message(Box::new(m)),
            None => Arg::Text(String::new()),
        }
    }
}
macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Self {
                Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
        impl From<&$t> for Arg {
            fn from(n: &$t) -> Self {
                Arg::Number(i64::try_from(*n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
number_arg!(usize, u32, u64, i32, i64);

/// A catalog key and its named arguments.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    pub key: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

impl Message {
    pub fn new(key: &'static str) -> Self {
        Message {
            key,
            args: Vec::new(),
        }
    }

    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Self {
        self.args.push((name, value.into()));
        self
    }

    /// The text in `lang`. A key missing from the catalog (the tests forbid
    /// it) shows as the key itself rather than nothing.
    pub fn render(&self, lang: Lang) -> String {
        let bundle = bundle(lang);
        let Some(pattern) = bundle.get_message(self.key).and_then(|m| m.value()) else {
            return self.key.to_string();
        };
        let mut args = FluentArgs::new();
        for (name, value) in &self.args {
            let v: FluentValue = match value {
                Arg::Text(s) => FluentValue::String(Cow::Owned(s.clone())),
                Arg::Number(n) => FluentValue::from(*n),
                Arg::Message(m) => FluentValue::String(Cow::Owned(m.render(lang))),
                Arg::List(items, more) => FluentValue::String(Cow::Owned(join(items, *more, lang))),
            };
            args.set(*name, v);
        }
        let mut errors = Vec::new();
        bundle
            .format_pattern(pattern, Some(&args), &mut errors)
            .into_owned()
    }
}

impl Message {
    /// The message with every text quoted from the input made safe for one
    /// line of a terminal: control characters, line and paragraph
    /// separators and bidirectional overrides written as escapes (`\n`,
    /// `\u{1b}`), so one problem is one line and nothing is forged.
    pub fn escaped(&self) -> Message {
        Message {
            key: self.key,
            args: self.args.iter().map(|(n, a)| (*n, a.escaped())).collect(),
        }
    }
}

impl Arg {
    fn escaped(&self) -> Arg {
        match self {
            Arg::Text(s) => Arg::Text(escape_controls(s)),
            Arg::Number(n) => Arg::Number(*n),
            Arg::Message(m) => Arg::Message(Box::new(m.escaped())),
            Arg::List(items, more) => Arg::List(items.iter().map(Arg::escaped).collect(), *more),
        }
    }
}

/// Text with the characters that could break or forge a line escaped.
pub fn escape_controls(s: &str) -> String {
    let unsafe_char = |c: char| {
        c.is_control()
            || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    if !s.chars().any(unsafe_char) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if unsafe_char(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// A list's entries joined with the language's separator, then the count of
/// those left out.
fn join(items: &[Arg], more: usize, lang: Lang) -> String {
    let separator = Message::new("list-separator").render(lang);
    let mut out = String::new();
    for (k, item) in items.iter().enumerate() {
        if k > 0 {
            out.push_str(&separator);
        }
        match item {
            Arg::Text(s) => out.push_str(s),
            Arg::Number(n) => out.push_str(&n.to_string()),
            Arg::Message(m) => out.push_str(&m.render(lang)),
            Arg::List(inner, more) => out.push_str(&join(inner, *more, lang)),
        }
    }
    if more > 0 {
        let count = i64::try_from(more).unwrap_or(i64::MAX);
        out.push_str(&Message::new("list-more").arg("count", count).render(lang));
    }
    out
}

impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(lang()))
    }
}

/// `msg!("key", name = value, …)`: a message to render later.
macro_rules! msg {
    ($key:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::text::i18n::Message::new($key)$(.arg(stringify!($name), $value))*
    };
}
pub(crate) use msg;

/// `tr!("key", name = value, …)`: the text now, in the run's language.
macro_rules! tr {
    ($($t:tt)*) => {
        $crate::text::i18n::msg!($($t)*).to_string()
    };
}
pub(crate) use tr;

/// The run's language before the command line is parsed (so that help and
/// usage errors are in it too): `--lang`, else `ASSESS_LANG`, else the
/// locale, else Chinese. `Err` carries the value that named no language and
/// where it came from (`--lang` or `ASSESS_LANG`).
pub fn choose(args: &[OsString]) -> Result<Lang, (String, &'static str)> {
    let mut from_flag = None;
    let mut it = args.iter().skip(1);
    while let Some(a) = it.next() {
        let a = a.to_string_lossy();
        if a == "--" {
            break;
        }
        if a == "--lang" {
            from_flag = Some(
                it.next()
                    .map(|v| v.to_string_lossy().into_owned())
                    .unwrap_or_default(),
            );
        } else if let Some(v) = a.strip_prefix("--lang=") {
            from_flag = Some(v.to_string());
        }
    }
    if let Some(v) = from_flag {
        // clap reports a missing value itself.
        if v.is_empty() {
            return Ok(from_env());
        }
        return match v.as_str() {
            "zh" => Ok(Lang::Zh),
            "en" => Ok(Lang::En),
            _ => Err((v, "--lang")),
        };
    }
    if let Ok(v) = std::env::var("ASSESS_LANG")
        && !v.trim().is_empty()
    {
        return Lang::from_tag(&v).ok_or((v, "ASSESS_LANG"));
    }
    Ok(from_env())
}

/// The locale's language: the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that
/// names Chinese or English; Chinese when none does (`C`, `POSIX`, unset).
pub fn from_env() -> Lang {
    for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        if let Some(lang) = std::env::var(var).ok().and_then(|v| Lang::from_tag(&v)) {
            return lang;
        }
    }
    Lang::Zh
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments_are_placed_by_each_catalog() {
        let m = msg!("problems-found", count = 2usize);
        assert_eq!(
            m.render(Lang::En),
            "assess: 2 problems found; nothing was computed and no file was written"
        );
        assert_eq!(
            m.render(Lang::Zh),
            "assess：共发现 2 处问题，未进行计算，也未写出任何文件。"
        );
    }

    #[test]
    fn locale_tags_are_read() {
        assert_eq!(Lang::from_tag("zh_CN.UTF-8"), Some(Lang::Zh));
        assert_eq!(Lang::from_tag("en_US.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::from_tag("C.UTF-8"), None);
        assert_eq!(Lang::from_tag("fr_FR"), None);
    }
}
