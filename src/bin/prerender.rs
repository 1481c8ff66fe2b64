//! Trunk's post-build step that puts the first view into `index.html` (release builds): the
//! page's own components rendered for the default scenario in both languages
//! (`suanli::app::first_view`). Run before the other steps of the hook, which need the final
//! `index.html`.

use std::path::PathBuf;
use std::process::ExitCode;
use suanli::app::first_view;
use suanli::i18n::Lang;

fn main() -> ExitCode {
    // Dev builds are left alone, as by the hook's other steps.
    if std::env::var("TRUNK_PROFILE").as_deref() != Ok("release") {
        return ExitCode::SUCCESS;
    }
    let Some(dir) = std::env::var_os("TRUNK_STAGING_DIR") else {
        eprintln!("prerender: TRUNK_STAGING_DIR is not set (run by Trunk's post_build hook)");
        return ExitCode::FAILURE;
    };
    let path = PathBuf::from(dir).join("index.html");
    let index = match std::fs::read_to_string(&path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("prerender: {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    };
    let page = first_view::into_index(
        &index,
        &first_view::render(Lang::En),
        &first_view::render(Lang::Zh),
    );
    match page.map(|p| std::fs::write(&path, p)) {
        Ok(Ok(())) => ExitCode::SUCCESS,
        Ok(Err(e)) => {
            eprintln!("prerender: {}: {e}", path.display());
            ExitCode::FAILURE
        }
        Err(why) => {
            eprintln!("prerender: {why}");
            ExitCode::FAILURE
        }
    }
}
