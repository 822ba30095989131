## 通用：错误行、汇总、提示

# 一条错误：位置在前，说明在后。
error-at = 错误：{ $location }：{ $message }
error-general = 错误：{ $message }
warning = 提示：{ $message }
did-you-mean = （是否应为“{ $name }”？）
problems-found = assess：共发现 { $count } 处问题，未进行计算，也未写出任何文件。
provisional-warning = 提示：本次结果为暂定结果，有 { $count } 项年度得分缺失，已按 0 分计算（--allow-missing）。
cannot-write = 无法写入 { $path }：{ $reason }
cannot-write-stdout = 无法写到标准输出：{ $reason }

## 命令行用法错误
lang-unknown = { $source } 的值“{ $value }”无法识别，可选：zh（中文）、en（英文）。
usage-line = 用法：{ $usage }
usage-more = 更多信息请运行“{ $command } --help”。
clap-unknown-argument = 无法识别的参数“{ $arg }”。
clap-unknown-argument-hint = 无法识别的参数“{ $arg }”，是否应为“{ $suggestion }”？
clap-invalid-value = 参数 { $arg } 的值“{ $value }”无效，可选：{ $choices }。
clap-invalid-value-hint = 参数 { $arg } 的值“{ $value }”无效，是否应为“{ $suggestion }”？可选：{ $choices }。
clap-bad-value = 参数 { $arg } 的值“{ $value }”无效。
clap-missing-value = 参数 { $arg } 需要一个值。
clap-missing-required = 缺少必需的参数：{ $args }。
clap-unknown-command = 无法识别的命令“{ $command }”。
clap-unknown-command-hint = 无法识别的命令“{ $command }”，是否应为“{ $suggestion }”？
clap-missing-command = 缺少命令，可用的命令：{ $commands }。
clap-used-twice = 参数 { $arg } 只能使用一次。
clap-conflict = 参数 { $arg } 不能与 { $other } 同时使用。
clap-too-many = 多余的参数“{ $value }”。
clap-other = 命令行有误：{ $detail }
list-separator = 、
workbook-needs-output = 工作簿须写入文件：请用 --output 指定文件名，例如 --output 结果.xlsx。
output-format-contradicts = 输出格式 --format { $format } 与输出文件“{ $path }”的扩展名不一致：请去掉 --format（按扩展名确定格式），或改用相应扩展名的文件名。
output-is-input = 输出文件“{ $path }”是本次读入的文件之一，写出会覆盖原始数据：请另选一个文件名。
output-is-folder = 输出“{ $path }”是一个文件夹：请写出其中的一个文件名。
output-not-a-file = 输出“{ $path }”不是普通文件（是设备、管道或套接字）：请写出一个文件名，或不用 --output 而重定向标准输出。
output-bad-link = 输出“{ $path }”是一个链接，但它指向的不是普通文件：请直接写出文件名。
