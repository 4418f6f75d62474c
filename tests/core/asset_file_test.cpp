// read_asset_file (core/asset_file.hpp), the bounded read the cause catalog, the
// questionnaires and the body map's outline share: the whole file when it fits, a
// refusal from its size alone when it does not (the body map's loader used to read a
// file whole before looking at its size), and the reason when it cannot be read.
#include <catch2/catch.hpp>

#include <fstream>
#include <string>

#include "asset_file.hpp"
#include "body_outline.hpp"
#include "temp_dir.hpp"

using nd::test::TempDir;

namespace {
void write(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }
}  // namespace

TEST_CASE("An asset file is read whole within its limit and refused from its size beyond it", "[assets]") {
    TempDir tmp("asset");
    const std::string path = tmp.file("a.json");
    const std::string text = std::string("{\"x\": \"\0\", \"y\": 1}", 19) + std::string(1000, ' ');
    write(path, text);
    const nd::AssetText fits = nd::read_asset_file(path, text.size());
    CHECK(fits.error.empty());
    CHECK(fits.text == text);   // every byte, a NUL included

    const nd::AssetText big = nd::read_asset_file(path, text.size() - 1);
    CHECK(big.text.empty());
    CHECK(big.error == "'" + path + "' is larger than " + std::to_string(text.size() - 1) + " bytes");

    const nd::AssetText missing = nd::read_asset_file(tmp.file("none.json"), 100);
    CHECK(missing.text.empty());
    CHECK(missing.error.rfind("cannot read '" + tmp.file("none.json") + "': ", 0) == 0);
}

TEST_CASE("A body map outline larger than its limit is refused with the file named", "[assets]") {
    TempDir tmp("asset");
    const std::string path = tmp.file("legs.json");
    write(path, std::string(256 * 1024 + 1, ' '));
    REQUIRE_THROWS_WITH(nd::load_body_outline_file(path),
                        Catch::Contains("body map: '" + path + "' is larger than 262144 bytes"));
}
