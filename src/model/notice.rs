//! The notice's settings (`assess publish --notice FILE.toml`, SPEC 21): who
//! issues it, its 文号 and dates, to whom it goes, and what the units are
//! asked to do by when. `input::notice` reads them; the notice, the ledgers
//! and the analysis report use them.

use crate::date::Date;

/// The notice's settings; `None` (or empty) where the file says nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoticeSettings {
    /// 发文机关: the 版头's 发文机关标志 and the 落款.
    pub issuer: Option<String>,
    /// 发文字号 (`塔行办发〔2021〕5号`).
    pub number: Option<String>,
    /// 成文日期.
    pub date: Option<Date>,
    /// 主送机关; without it, the classes of units the rubrics assess.
    pub to: Option<String>,
    /// 抄送机关, in order.
    pub cc: Vec<String>,
    /// 印发机关 as written; [`NoticeSettings::printer`] falls back on the issuer.
    pub printed_by: Option<String>,
    /// 印发日期 as written; [`NoticeSettings::printed`] falls back on the date.
    pub printed_on: Option<Date>,
    /// 附注（此件公开发布）.
    pub public: bool,
    /// Name the units of the lowest grade in the text.
    pub name_failing: bool,
    /// The rectification ledgers are due back by this date.
    pub deadline: Option<Date>,
    /// 下步工作要求, one paragraph each; empty: the standard ones.
    pub requirements: Vec<String>,
}

impl Default for NoticeSettings {
    fn default() -> Self {
        NoticeSettings {
            issuer: None,
            number: None,
            date: None,
            to: None,
            cc: Vec::new(),
            printed_by: None,
            printed_on: None,
            public: false,
            name_failing: true,
            deadline: None,
            requirements: Vec::new(),
        }
    }
}

impl NoticeSettings {
    /// 印发机关: as written, else the issuer.
    pub fn printer(&self) -> Option<&str> {
        self.printed_by.as_deref().or(self.issuer.as_deref())
    }

    /// 印发日期: as written, else the 成文日期.
    pub fn printed(&self) -> Option<Date> {
        self.printed_on.or(self.date)
    }
}
