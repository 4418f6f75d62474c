// libFuzzer: merge (core/merge.hpp) and the store's diff writes
// (Store::update_diary). The input is a 4-byte little-endian length n (taken
// modulo what follows), then two portable-binary diaries: n bytes and the rest. Whenever both load (and so pass validate()), the merge
// must be commutative and idempotent, pass validate(), and writing it into a
// store holding the first diary (only the changed records) must give back
// exactly the merge.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "merge.hpp"
#include "serialization.hpp"
#include "store.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 4) return 0;
    const std::size_t declared = static_cast<std::size_t>(data[0]) | static_cast<std::size_t>(data[1]) << 8 |
                                 static_cast<std::size_t>(data[2]) << 16 | static_cast<std::size_t>(data[3]) << 24;
    const std::size_t n = declared % (size - 3);
    const std::string_view all(reinterpret_cast<const char*>(data), size);
    nd::Diary a, b;
    try {
        a = nd::diary_from_binary(all.substr(4, n));
        b = nd::diary_from_binary(all.substr(4 + n));
    } catch (const nd::ImportError&) {
        return 0;
    }
    const nd::Diary ab = nd::merge(a, b);
    if (!(ab == nd::merge(b, a))) std::abort();        // commutative
    if (!(nd::merge(ab, b) == ab)) std::abort();       // idempotent
    try {
        nd::validate(ab);
    } catch (const nd::ImportError&) {
        std::abort();
    }
    auto store = nd::Store::open_in_memory();
    store->replace_diary(a);
    const nd::Diary want = nd::merge(store->load_diary(), b);
    const auto u = store->update_diary([&](const nd::Diary& current) { return nd::merge(current, b); });
    if (!(u.after == want) || !(store->load_diary() == want)) std::abort();
    return 0;
}
