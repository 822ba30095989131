## 分析报告（分析报告.html）：给领导看的分析，后附图表

analysis-title = { $subject }考核结果分析报告
analysis-period = { $start }至{ $end }
analysis-subtitle = 考核周期：{ $period }；参加考核单位{ $units }个
analysis-provisional = 暂定结果：有{ $count }项年度考核得分缺失，暂按0分计算，以下分析待评分单位补报后更新。
analysis-part = { $number }、{ $title }
analysis-overview = 总体情况
analysis-achievements = 主要成效
analysis-problems = 存在问题
analysis-advice = 下步建议
analysis-figures = 附图附表
analysis-appendix = 附录：数据来源
analysis-sources-note = 本报告与通报、整改台账出自同一次计算，由 assess { $version } 根据下列文件生成；文件的 SHA-256 校验值可用于核对文件是否改动。
analysis-rubric-heading = （{ $number }）{ $name }
analysis-figure-heading = （{ $number }）{ $title }
analysis-line = { $id } { $title }
analysis-unit-total = { $unit }（{ $total }分）
analysis-unit-points = { $unit }{ $points }分
analysis-unit-vetoed = { $unit }（一票否决）
analysis-quoted = “{ $text }”
analysis-and-more = 另有{ $count }项

# 一、总体情况
analysis-intro-part = { $name }{ $count }个
analysis-intro-many = 本年度参加考核的单位共{ $units }个，其中{ $parts }；全年日常考核记录{ $records }条。
analysis-intro-one = 本年度参加考核的单位共{ $units }个；全年日常考核记录{ $records }条。
analysis-participation = 参加考核单位{ $count }个，平均分{ $average }分；最高{ $top }{ $top_total }分，最低{ $bottom }{ $bottom_total }分。
analysis-grade-count = { $grade }{ $count }个
analysis-grades = 评定等次：{ $grades }；{ $pass }及以上{ $passed }个，合格率{ $rate }%。
analysis-grades-one = 评定等次：{ $grades }。
analysis-veto-unit = { $unit }被一票否决，总分{ $total }分，等次定为{ $grade }。
analysis-section-rate = { $title }{ $rate }%
analysis-section-rates = 各一级指标平均得分率（各单位得分之和 ÷ 适用单位满分之和{ $bonus ->
    [0] { "" }
   *[other] ，加分项不计
}）：{ $rates }。
analysis-change-none = 上年结果中没有这些单位，不作比较。
analysis-change-summary = 与上年相比：有上年结果的{ $compared }个单位，平均分{ $direction ->
    [up] 由{ $before }分升至{ $now }分，提高{ $amount }分
    [down] 由{ $before }分降至{ $now }分，下降{ $amount }分
   *[same] 为{ $now }分，与上年持平
}；总分上升的{ $up }个、下降的{ $down }个、持平的{ $same }个。
analysis-change-new = 本年新增{ $units }，不作比较。

# 二、主要成效
analysis-top = 总分居前的单位：{ $units }。
analysis-no-risers = 与上年相比，没有单位总分提高。
analysis-risers = 与上年相比总分提高的单位{ $count }个，提高最多的是{ $units }。
analysis-riser = { $unit }（提高{ $change }分{ $ranks ->
    [0] { "" }
   *[other] ，名次上升{ $ranks }位
}）
analysis-full-lines = 各单位均得满分的指标{ $count }项：{ $lines }。
analysis-line-rate = { $line }（{ $rate }%）
analysis-best-lines = 得分率较高的指标（不低于全部计分指标的平均得分率{ $overall }%）：{ $lines }。
analysis-bonus-earned = { $line }：{ $count }个单位获得加分，共{ $points }分（{ $units }）。

# 三、存在问题
analysis-problems-common = 共性问题（半数及以上适用单位失分的指标）
analysis-problems-individual = 个性问题（少数单位失分的指标）
analysis-problems-other = 其他问题
analysis-no-common = 没有半数及以上单位失分的指标。
analysis-no-individual = 没有仅少数单位失分的指标。
analysis-nothing-lost = 各单位各项计分指标均得满分。
analysis-problem = { $line }：{ $applicable }个单位中{ $losers }个失分，共失{ $lost }分，平均得分率{ $rate }%。
analysis-problem-reasons = 主要原因：{ $reasons }。
analysis-reason = { $rule }（{ $count }条）
analysis-no-rule = 未注明扣分标准
analysis-problems-more = 另有{ $count }项，见“附图附表”中的失分指标一览。
analysis-penalty = 扣分项{ $line }：{ $count }个单位被扣分，共{ $points }分（{ $units }）。
analysis-bonus-missed = 未获加分：{ $line }，{ $count }个单位未获加分（{ $units }）。
analysis-veto-record = { $unit }被一票否决：{ $date }{ $method }，{ $note }。
analysis-veto-record-bare = { $unit }被一票否决：{ $date }{ $method }。
analysis-veto-plain = { $unit }被一票否决。
analysis-failing = 评为{ $grade }的单位{ $count }个：{ $units }。

# 四、下步建议
analysis-advice-from-notice = 按照通报提出的下步工作要求：
analysis-advice-common = 聚焦共性问题。{ $lines }等指标半数及以上单位失分，主要问题是{ $reasons }，各单位要对照评分标准逐项整改。
analysis-advice-common-bare = 聚焦共性问题。{ $lines }等指标半数及以上单位失分，各单位要对照评分标准逐项整改。
analysis-advice-individual = 解决个性问题。{ $lines }等指标少数单位失分，相关单位要对照整改台账逐条整改、销号管理。
analysis-advice-failing = 抓好后进单位整改。{ $units }评为{ $grade }，要限期整改，整改情况按时报送。
analysis-advice-veto = 守住否决底线。{ $units }被一票否决，要剖析原因、举一反三，杜绝同类问题再次发生。
analysis-advice-declined = 防止工作滑坡。有上年结果的{ $compared }个单位中，{ $count }个总分下降，要查找原因、补齐短板。
analysis-advice-bonus = 鼓励创新争先。{ $count }个单位未获{ $lines }，各单位要总结提炼经验做法。
analysis-advice-none = 各单位各项指标均得满分，继续保持。

# 五、附图附表
analysis-results = 考核结果
analysis-grades-chart = 各等次单位数
analysis-veto-key = 一票否决
analysis-distribution = 总分分布
analysis-distribution-chart = { $name }总分分布（每5%满分一组，虚线为等次分数线，颜色为等次）
analysis-distribution-note = 各单位总分：{ $totals }
analysis-total-vetoed = { $unit } { $total }（一票否决）
analysis-indicators = 各级指标平均得分率
analysis-indicators-chart = { $name }一级、二级指标平均得分率
analysis-bonus-no-rate = 加分项只加分、不失分，不计入得分率。
analysis-lost = 失分较多的指标
analysis-lost-chart = { $name }失分最多的{ $count }项指标（各单位失分合计）
analysis-bonus-not-lost = 加分项未获加分不算失分，不在此列（见“存在问题”中的未获加分）。
analysis-lost-table = { $name }失分指标一览
analysis-col-number = 序号
analysis-col-units-lost = 失分单位数
analysis-losers-of = { $losers }/{ $applicable }
analysis-col-lost = 失分合计
analysis-col-rate = 平均得分率
analysis-col-kind = 类别
analysis-kind-common = 共性
analysis-kind-individual = 个性
analysis-col-reasons = 主要原因
analysis-heatmap = 各单位指标得分率
analysis-heatmap-note = 格中数字为得分率（%），颜色越深得分率越低；“—”为不涉及。单位按名次排列，列为二级指标编号，名称见图下；加分项不列。
analysis-heatmap-chart = { $name }各单位二级指标得分率
analysis-na-short = —
analysis-legend-item = { $id } { $title }（{ $max }分）
analysis-daily = 日常考核情况
analysis-no-records = 本年度没有日常考核记录。
analysis-tally = 核减{ $deducts }条{ $deducted }分，核加{ $adds }条{ $added }分{ $vetoes ->
    [0] { "" }
   *[other] ，一票否决{ $vetoes }条
}
analysis-month = { $year }年{ $month }月
analysis-by-month = 日常考核记录（按月份）
analysis-by-method = 日常考核记录（按考核方式）
analysis-daily-table = 日常考核记录按月统计
analysis-col-month = 月份
analysis-col-points = 分值
analysis-counted-note = 分值为计入得分的分值，各单位的合计即其核减、核加分值。
analysis-counted-note-capped = 分值为计入得分的分值（扣分标准和指标的上限以内），各单位的合计即其核减、核加分值；超出上限、未计入得分的核减{ $deducted }分、核加{ $added }分不在其中。
analysis-profiles = 各单位得分结构
analysis-profiles-note = 每个单位一图：深色为一级指标、浅色为二级指标的得分率，竖线为全体单位的平均得分率；加分项不计。
analysis-profile = 第{ $rank }名 { $unit } { $total }分 { $grade }
analysis-profile-vetoed = 一票否决，等次定为{ $grade }
analysis-change = 与上年比较
analysis-change-chart = { $name }总分与上年比较
analysis-no-previous = 上年结果中没有这些单位。
analysis-previous-year = 上年
analysis-this-year = 本年
analysis-new-units = 本年新增（上年结果中没有）：{ $units }。
