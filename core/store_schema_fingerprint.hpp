// A schema's fingerprint, so that opening a diary need not rebuild the expected
// schema (every migration run on an empty in-memory database: more than half of a
// `log` command's work, issue 19) to compare a file with it.
// Private to the store (store_inspect.cpp).
#pragma once

#include <map>
#include <string>
#include <tuple>

namespace nd::store_detail {

// type -> name -> (table, sql) of every schema object but SQLite's statistics.
using SchemaObjects = std::map<std::string, std::map<std::string, std::tuple<std::string, std::string>>>;

// SHA-256 (lowercase hex) of the objects in their map order, every field
// length-prefixed: equal fingerprints mean the same objects, byte for byte.
std::string schema_fingerprint(const SchemaObjects& objects);

// The fingerprint of the schema a diary of `version` has (an empty database
// migrated to it), as this build's migrations make it; nullptr when not listed.
// Only a shortcut: a file whose fingerprint differs, or a version not listed, is
// compared with the schema derived from the migrations, as before
// (store_inspect.cpp). tests/core/store_schema_fingerprint_test.cpp checks every
// entry against that derivation and that every version has one.
const char* known_schema_fingerprint(int version);

}  // namespace nd::store_detail
