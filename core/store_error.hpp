// What the Store throws, and when it checks the file: apart from store.hpp so
// that the Store's own helpers (store_sql.hpp, store_inspect.hpp, store_schema.cpp)
// need not include the Store they serve (no include cycle: tools/check-layering.py).
#pragma once

#include <stdexcept>

namespace nd {

struct StoreError : std::runtime_error {
    using std::runtime_error::runtime_error;
};
// The file is a damaged diary (quick_check failed, or SQLite reports corruption):
// the one refusal where restoring an automatic backup is the answer.
struct StoreDamagedError : StoreError {
    using StoreError::StoreError;
};

// When Store::open runs PRAGMA quick_check. The app defers it to after its first
// frame (nd::check_and_back_up, core/auto_backup.hpp, runs it on a second connection,
// off the UI thread: app/diary_health.hpp); the CLI checks only
// with --check, in `check` and before a backup (docs/cli.md, "Checking the file").
enum class OpenCheck { QuickCheckNow, Deferred };

}  // namespace nd
