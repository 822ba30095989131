fn main() {
    std::process::exit(assess::run(std::env::args_os()));
}
