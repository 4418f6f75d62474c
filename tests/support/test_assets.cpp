// Test programs (and the export samples) read the catalog from the source tree:
// they live in the build tree, not under an installed prefix. Linked in through
// the nd_test_assets target; the installed programs never compile in a source path.
#include "catalog.hpp"

namespace {
const bool kAssetsSet = [] {
    nd::set_program_assets_dir(ND_SOURCE_ASSETS_DIR);
    return true;
}();
}  // namespace
