// Reading one of the app's own data files (the cause catalog, a questionnaire, the body
// map's outline) into memory, bounded by its size before anything is read: a file that
// is too large is refused from its size, never read whole first (a hostile or broken
// file must not cost more than its limit). The three loaders had their own copies.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace nd {

// The whole file, or the reason it could not be had: "cannot read '<path>': <cause>",
// "'<path>' is larger than <max_bytes> bytes", "cannot open '<path>'" or "cannot read
// all of '<path>'" (the caller puts what the file is in front, e.g. "catalog: ").
struct AssetText {
    std::string text;
    std::string error;   // empty: read
};
AssetText read_asset_file(const std::string& path, std::uintmax_t max_bytes);

}  // namespace nd
