## analysis: 分析报告.html as an analysis

analysis-placeholder-unused = -
