// The report's paper (issue #16): its id and the mapping from the locale's LC_PAPER
// size, the default read from the locale (glibc, with en_US and de_DE generated into
// a private folder by localedef: no root and no system locale needed), and the CLI's
// `report`: --paper, then the diary's saved setting, then LC_PAPER.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>

#include "cli_runner.hpp"
#include "paper.hpp"
#include "store.hpp"
#ifdef ND_HAVE_LOCALE_PAPER
#include "locale_paper.hpp"
#endif

namespace {

// A folder holding en_US.UTF-8 and de_DE.UTF-8 made by localedef, for LOCPATH; empty
// when localedef or the locale sources are missing (the tests then say so and skip).
// Made once per test process and removed when it ends.
struct GeneratedLocales {
    std::filesystem::path dir;
    bool ok = false;
    GeneratedLocales() {
        dir = std::filesystem::temp_directory_path() / ("nd-locales-" + std::to_string(::getpid()));
        std::filesystem::create_directories(dir);
        ok = true;
        for (const char* name : {"en_US", "de_DE"}) {
            const std::string out = (dir / name).string() + ".UTF-8";
            const std::string cmd = "localedef -i " + std::string(name) + " -f UTF-8 '" + out + "' >/dev/null 2>&1";
            (void)std::system(cmd.c_str());   // exit 1 means warnings; the folder tells
            ok = ok && std::filesystem::exists(out);
        }
    }
    ~GeneratedLocales() {
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
    }
};

const std::string& generated_locales() {
    static const GeneratedLocales locales;
    static const std::string path = locales.ok ? locales.dir.string() : std::string();
    return path;
}

// Sets an environment variable for one scope.
struct ScopedEnv {
    std::string name;
    std::optional<std::string> old;
    ScopedEnv(const char* n, const char* value) : name(n) {
        if (const char* v = std::getenv(n)) old = v;
        if (value) ::setenv(n, value, 1);
        else ::unsetenv(n);
    }
    ~ScopedEnv() {
        if (old) ::setenv(name.c_str(), old->c_str(), 1);
        else ::unsetenv(name.c_str());
    }
};

bool has_media_box(const std::string& pdf, const char* box) { return pdf.find(box) != std::string::npos; }
constexpr const char* kA4Box = "/MediaBox [ 0 0 595.276 841.89 ]";
constexpr const char* kLetterBox = "/MediaBox [ 0 0 612 792 ]";

}  // namespace

TEST_CASE("Paper from the locale's size in millimetres, and its ids", "[paper]") {
    // The sizes glibc's locale sources state (/usr/share/i18n/locales): "i18n", which
    // de_DE and most others copy, height 297 width 210; en_US height 279 width 216.
    CHECK(nd::paper_for_size_mm(210, 297) == nd::Paper::A4);
    CHECK(nd::paper_for_size_mm(216, 279) == nd::Paper::Letter);
    CHECK(nd::paper_for_size_mm(215, 279) == nd::Paper::Letter);   // 215.9 mm rounded down
    CHECK_FALSE(nd::paper_for_size_mm(216, 356).has_value());        // US Legal
    CHECK_FALSE(nd::paper_for_size_mm(297, 420).has_value());        // A3
    CHECK_FALSE(nd::paper_for_size_mm(0, 0).has_value());
    CHECK(nd::paper_from_id("a4") == nd::Paper::A4);
    CHECK(nd::paper_from_id("letter") == nd::Paper::Letter);
    CHECK_FALSE(nd::paper_from_id("A5").has_value());
    CHECK(std::string(nd::paper_id(nd::Paper::Letter)) == "letter");
    auto store = nd::Store::open_in_memory();
    CHECK(nd::saved_paper(*store, nd::Paper::Letter) == nd::Paper::Letter);   // nothing saved: the fallback
    store->set_setting(nd::kPaperSetting, "a4");
    CHECK(nd::saved_paper(*store, nd::Paper::Letter) == nd::Paper::A4);
    store->set_setting(nd::kPaperSetting, "tabloid");   // not ours: ignored
    CHECK(nd::saved_paper(*store, nd::Paper::Letter) == nd::Paper::Letter);
}

#ifdef ND_HAVE_LOCALE_PAPER
TEST_CASE("The report's default paper follows LC_PAPER", "[paper][locale]") {
    const std::string& locales = generated_locales();
    if (locales.empty()) {
        WARN("localedef or the en_US / de_DE locale sources are missing: LC_PAPER not checked");
        return;
    }
    ScopedEnv locpath("LOCPATH", locales.c_str());
    ScopedEnv all("LC_ALL", nullptr);
    ScopedEnv lang("LANG", "C.UTF-8");
    {
        ScopedEnv paper("LC_PAPER", "en_US.UTF-8");
        const auto size = nd::platform::locale_paper_size_mm();
        REQUIRE(size.has_value());
        CHECK(size->width == 216);
        CHECK(size->height == 279);
        CHECK(nd::platform::locale_paper() == nd::Paper::Letter);
    }
    {
        ScopedEnv paper("LC_PAPER", "de_DE.UTF-8");
        const auto size = nd::platform::locale_paper_size_mm();
        REQUIRE(size.has_value());
        CHECK(size->width == 210);
        CHECK(size->height == 297);
        CHECK(nd::platform::locale_paper() == nd::Paper::A4);
    }
    {
        // LC_ALL wins over LC_PAPER, as setlocale(LC_PAPER, "") reads them.
        ScopedEnv paper("LC_PAPER", "de_DE.UTF-8");
        ScopedEnv all_us("LC_ALL", "en_US.UTF-8");
        CHECK(nd::platform::locale_paper() == nd::Paper::Letter);
    }
    {
        ScopedEnv paper("LC_PAPER", "xx_NOWHERE.UTF-8");   // not installed: A4
        CHECK(nd::platform::locale_paper() == nd::Paper::A4);
    }
}
#endif

TEST_CASE("CLI report: --paper, then the saved paper, then LC_PAPER", "[paper][cli]") {
    using nd::test::CliDir;
    if (!nd::test::has_cli()) return;
    const std::string& locales = generated_locales();
    if (locales.empty()) {
        WARN("localedef or the en_US / de_DE locale sources are missing: LC_PAPER not checked");
        return;
    }
    CliDir t("nd-paper-test-");
    REQUIRE(t.nd("--db d.sqlite log --at 2026-01-05T20:30+01:00 --duration 6 --region left:toes --numbness 3").code == 0);
    const std::string us = "LOCPATH='" + locales + "' LC_ALL= LANG=C.UTF-8 LC_PAPER=en_US.UTF-8";
    const std::string de = "LOCPATH='" + locales + "' LC_ALL= LANG=C.UTF-8 LC_PAPER=de_DE.UTF-8";
    const auto r = t.nd("--db d.sqlite report us.pdf", us);
    if (r.code != 0 && nd::test::contains(r.err, "without the PDF renderer")) return;
    REQUIRE(r.code == 0);
    CHECK(has_media_box(nd::test::slurp(t.path("us.pdf")), kLetterBox));
    REQUIRE(t.nd("--db d.sqlite report de.pdf", de).code == 0);
    CHECK(has_media_box(nd::test::slurp(t.path("de.pdf")), kA4Box));
    REQUIRE(t.nd("--db d.sqlite report us-a4.pdf --paper a4", us).code == 0);
    CHECK(has_media_box(nd::test::slurp(t.path("us-a4.pdf")), kA4Box));
    const auto bad = t.nd("--db d.sqlite report x.pdf --paper a5", us);
    CHECK(bad.code == 2);
    CHECK(nd::test::contains(bad.err, "--paper: 'a5' is not a4 or letter"));
    // Chosen in the app's Settings (saved in the diary): it beats the locale.
    nd::Store::open((t.dir / "d.sqlite").string())->set_setting(nd::kPaperSetting, "letter");
    REQUIRE(t.nd("--db d.sqlite report de-saved.pdf", de).code == 0);
    CHECK(has_media_box(nd::test::slurp(t.path("de-saved.pdf")), kLetterBox));
    REQUIRE(t.nd("--db d.sqlite report de-override.pdf --paper a4", de).code == 0);
    CHECK(has_media_box(nd::test::slurp(t.path("de-override.pdf")), kA4Box));
}
