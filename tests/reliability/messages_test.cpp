// Clean messages on bad input (issue 17, item 4): the JSON parser's internal
// texts never reach the person; NUL inside a string and duplicate keys are
// refused naming the field; devices and symlink loops are named for what they are.
#include <catch2/catch.hpp>

#include <unistd.h>

#include "rel_util.hpp"
#include "serialization.hpp"
#include "store.hpp"
#include "workload.hpp"

using namespace ndrel;

namespace {

std::string message_of_json(const std::string& json) {
    try {
        nd::diary_from_json(json);
    } catch (const nd::ImportError& e) {
        return e.what();
    }
    return "(accepted)";
}

std::string message_of_open(const std::string& path) {
    try {
        nd::Store::open(path);
    } catch (const nd::StoreError& e) {
        return e.what();
    }
    return "(opened)";
}

bool has(const std::string& s, const char* part) { return s.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("JSON backups: parser internals never shown, NUL and duplicate keys refused naming the field",
          "[hostile][messages]") {
    const std::string good = nd::diary_to_json(import_diary(0, 1));
    REQUIRE(message_of_json(good) == "(accepted)");

    for (const std::string& wrong_shape : {std::string("[]"), std::string("{\"diary\": 5}"), std::string("7"),
                                           std::string("{\"diary\": {\"episodes\": {}}}")}) {
        const std::string m = message_of_json(wrong_shape);
        INFO(wrong_shape << " -> " << m);
        CHECK_FALSE(has(m, "rapidjson"));
        CHECK_FALSE(has(m, "IsObject"));
        CHECK(has(m, "Cannot read this JSON backup"));
    }

    const std::string broken = message_of_json("{\"diary\": {\"episodes\": [1, 2,]}}");
    INFO(broken);
    CHECK(has(broken, "not valid JSON at byte 29"));   // the offset of the "]"

    // A note holding \u0000: refused, the field named (not cut at the NUL).
    std::string nul = good;
    const auto at = nul.find("#end-");
    REQUIRE(at != std::string::npos);
    nul.insert(at, "\\u0000");
    const std::string m_nul = message_of_json(nul);
    INFO(m_nul);
    CHECK(has(m_nul, "\"note\""));
    CHECK(has(m_nul, "NUL"));

    // The same key twice in one object.
    std::string dup = good;
    const auto note = dup.find("\"note\":");
    REQUIRE(note != std::string::npos);
    dup.insert(note, "\"note\": \"first\", ");
    const std::string m_dup = message_of_json(dup);
    INFO(m_dup);
    CHECK(has(m_dup, "\"note\" appears twice"));
}

TEST_CASE("Opening a device or a symlink loop says what it is, and changes nothing", "[hostile][messages]") {
    const std::string dev = message_of_open("/dev/null");
    INFO(dev);
    CHECK(has(dev, "device"));
    CHECK(has(dev, "/dev/null"));

    TempDir tmp("messages");
    const std::string a = tmp.file("a.db"), b = tmp.file("b.db");
    REQUIRE(::symlink(b.c_str(), a.c_str()) == 0);
    REQUIRE(::symlink(a.c_str(), b.c_str()) == 0);
    const std::string loop = message_of_open(a);
    INFO(loop);
    CHECK(has(loop, "symbolic link"));
    CHECK(has(loop, a.c_str()));
    CHECK_FALSE(fs::exists(a + "-wal"));
}
