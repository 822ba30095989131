//! The rubric importer (`rubric import`): a rubric workbook (.xlsx) made of
//! the fuzz input, its sheets 细则, 扣分标准, 基本信息, 评分单位, 考核对象 and
//! 指标说明 zipped around it, or the input as the file itself. An imported
//! rubric must load, and is scored and published with no input files. See
//! src/lib.rs (`import_file`, `fuzz_import`) for the input's shape and the
//! checks.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    assess_fuzz::fuzz_import(data);
});
