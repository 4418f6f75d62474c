// The font atlas rasterises only the icons listed in kAllIcons: an icon defined
// but not listed would show as "?" in the app.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

#include "icons.hpp"

TEST_CASE("Every icon defined in icons.hpp is listed in kAllIcons") {
    // From the configured source folder: under ccache's CCACHE_BASEDIR, __FILE__ is relative to the build.
    const auto header = std::filesystem::path(ND_SOURCE_ASSETS_DIR).parent_path() / "app" / "icons.hpp";
    std::ifstream in(header);
    REQUIRE(in.good());
    std::stringstream text;
    text << in.rdbuf();
    const std::string src = text.str();

    const std::regex define(R"(#define (ND_ICON_[A-Z_]+) ")");
    int defined = 0;
    for (auto it = std::sregex_iterator(src.begin(), src.end(), define); it != std::sregex_iterator(); ++it) {
        ++defined;
        const std::string name = (*it)[1];
        INFO(name);
        CHECK(src.find("    " + name + ",\n") != std::string::npos);
    }
    CHECK(defined == static_cast<int>(std::size(kAllIcons)));
    for (const char* icon : kAllIcons) CHECK(std::string(icon).size() == 3);   // one BMP code point in UTF-8
}
