// The check validate(store.load_diary()) makes (every record's values, ids unique
// across the diary, one check-in per date), made with the episodes and check-ins
// read one at a time and only a 64-bit hash of each id and date kept (records are
// read a second time, with exact sets, only when two hashes are equal): the
// automatic backup checks the diary and its copy this way, so the app's first start
// of the day does not hold a second diary (issue 19: 67 MiB at 100k), nor a set of
// every id (another 20 MB).
#pragma once

namespace nd {

class Store;

// Throws ImportError (as validate(const Diary&) does, same messages) or StoreError
// (a value the store cannot read).
void validate_stored(const Store& store);

}  // namespace nd
