// numbness-diary: the desktop app. Parses the command line, finds the diary file,
// and hands the app to the shell.
//   numbness-diary [--db PATH] [--demo]
//   numbness-diary --screenshot out.png --page NAME --size WxH   (for tools/screenshots.sh)
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "app.hpp"
#include "catalog.hpp"
#include "desktop_services.hpp"
#include "instance_lock.hpp"
#include "matching.hpp"
#include "paths.hpp"
#include "shell.hpp"
#include "temp_cleanup.hpp"
#include "views.hpp"

namespace {

void usage(std::FILE* out) {
    std::fprintf(out,
                 "numbness-diary - a private diary of numbness and tingling in the legs and feet\n\n"
                 "Usage: numbness-diary [options]\n"
                 "  --db PATH            use this diary file (default: $ND_DB, else\n"
                 "                       $XDG_DATA_HOME/numbness-diary/diary.sqlite)\n"
                 "  --demo               open the demo diary (its own file, demo.sqlite)\n"
                 "  --screenshot FILE    render the page, save it as a PNG, and exit\n"
                 "  --page NAME          page to show: welcome, log, diary, patterns, causes,\n"
                 "                       checkin, background, settings, more, red_flags,\n"
                 "                       editor (the Diary with its newest episode open)\n"
                 "  --size WxH           window size (default: as last time, else 1200x760,\n"
                 "                       fitted to the screen)\n"
                 "  --text-size SIZE     normal, large, larger or largest (this run only)\n"
                 "  --theme THEME        light, dark or high-contrast (this run only)\n"
                 "  --help               this help (needs no display)\n"
                 "  --version            the version (needs no display)\n\n"
                 "The diary stays on this computer. The command line is numbness-diary-cli.\n");
}

// A made-up episode with stroke signs, so the warning screen can be shown.
void show_sample_red_flag(nd::app::AppState& s) {
    nd::Episode e;
    e.id = "sample";
    e.onset = nd::Onset::Sudden;
    e.signs = {nd::Sign::FaceDrooping, nd::Sign::ArmWeakness};
    e.regions = {{nd::Region::WholeLeg, nd::Side::Left}};
    s.pending_red_flags = nd::red_flags_for(e);
}

}  // namespace

int main(int argc, char** argv) {
    // The catalog beside the executable (PREFIX/share/numbness-diary), as installed.
    nd::set_program_assets_dir(nd::platform::program_data_dir());
    std::string db, page_name;
    nd::platform::ShellOptions options;
    bool demo = false;
    float text_scale = 0.0f;   // 0: as in Settings
    std::optional<nd::app::Theme> theme;   // none: as in Settings
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&](const char* flag) -> std::string {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "%s needs a value\n", flag);
                std::exit(2);
            }
            return argv[++i];
        };
        if (a == "--db") db = value("--db");
        else if (a == "--demo") demo = true;
        else if (a == "--screenshot") options.screenshot = value("--screenshot");
        else if (a == "--page") page_name = value("--page");
        else if (a == "--text-size") {
            // The sizes of Settings > Text size (view_settings.cpp), for screenshots and trying them out.
            const std::string v = value("--text-size");
            text_scale = v == "normal" ? 1.0f : v == "large" ? 1.2f : v == "larger" ? 1.45f : v == "largest" ? 1.75f : 0.0f;
            if (text_scale == 0.0f) {
                std::fprintf(stderr, "--text-size wants normal, large, larger or largest\n");
                return 2;
            }
        }
        else if (a == "--theme") {   // screenshots of every theme
            const std::string v = value("--theme");
            if (v == "light") theme = nd::app::Theme::Light;
            else if (v == "dark") theme = nd::app::Theme::Dark;
            else if (v == "high-contrast") theme = nd::app::Theme::HighContrast;
            else {
                std::fprintf(stderr, "--theme wants light, dark or high-contrast\n");
                return 2;
            }
        }
        else if (a == "--size") {
            const std::string v = value("--size");
            if (std::sscanf(v.c_str(), "%dx%d", &options.width, &options.height) != 2 || options.width < 200 ||
                options.height < 200) {
                std::fprintf(stderr, "--size wants WIDTHxHEIGHT, e.g. 390x844\n");
                return 2;
            }
            options.size_given = true;
        } else if (a == "--help" || a == "-h") {
            usage(stdout);
            return std::fflush(stdout) == 0 && !std::ferror(stdout) ? 0 : 1;
        } else if (a == "--version") {
            std::printf("numbness-diary (Numbness Diary) %s\n", ND_VERSION);
            return std::fflush(stdout) == 0 && !std::ferror(stdout) ? 0 : 1;
        } else {
            std::fprintf(stderr, "Unknown option %s\n", a.c_str());
            usage(stderr);
            return 2;
        }
    }
    std::optional<nd::app::Page> page;
    // "questionnaire_question": the questionnaire page showing its first question (screenshots).
    const bool in_question = page_name == "questionnaire_question";
    if (!page_name.empty() && page_name != "red_flags") {
        // "editor": the Diary with its newest episode open (screenshots of the editor).
        page = nd::app::page_from_name(in_question ? "questionnaire" : page_name == "editor" ? "diary" : page_name);
        if (!page) {
            std::fprintf(stderr, "Unknown page %s\n", page_name.c_str());
            return 2;
        }
    }

    nd::platform::DesktopServices services;
    std::string dir_error;
    // The data folder holds the diary and the demo; it is private (0700).
    nd::platform::make_private_dir(nd::platform::data_dir(), dir_error);

    // One window per diary; screenshots (tools/screenshots.sh) are not a second window.
    const std::string diary = nd::platform::diary_path(db);
    // What a killed write left (health data in "*.tmp-XXXXXX") goes at every start (issue 17).
    nd::clean_stale_temporaries(diary, nd::platform::data_dir());
    std::unique_ptr<nd::platform::InstanceLock> lock;
    if (options.screenshot.empty()) {
        std::string already_open;
        lock = nd::platform::InstanceLock::acquire(diary, already_open);
        if (!lock) {
            std::fprintf(stderr, "numbness-diary: %s\n", already_open.c_str());
            return 1;
        }
    }

    nd::app::App app(services);
    app.open_diary(diary);
    // The command line (or a merge) may change the diary while the window is open.
    app.watch_outside_changes(true);
    options.after_start = [&](nd::app::App& a) {
        if (demo) a.state().request_open_demo = true;
        if (page) {
            if (*page != nd::app::Page::FirstRun) a.state().settings.first_run_done = true;   // not saved
            a.state().request_page = *page;
        }
        if (page_name == "red_flags") show_sample_red_flag(a.state());
        if (text_scale > 0) {   // this run only: not saved
            a.state().settings.font_scale = text_scale;
            a.state().fonts_dirty = true;
        }
        if (theme) {   // this run only: not saved
            a.state().settings.theme = *theme;
            a.state().style_dirty = true;
        }
        if (in_question) a.pages().questionnaire.active = "mnsi_history";
        if (page_name == "editor") a.pages().diary.open_newest = true;
    };
    return nd::platform::run_shell(app, services, options);
}
