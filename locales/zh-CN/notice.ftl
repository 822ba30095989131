## notice: 通报.docx and 通报.md (GB/T 9704), and --notice FILE.toml

notice-placeholder-unused = -
