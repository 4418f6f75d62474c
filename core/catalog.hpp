// The cause catalog: documented causes of leg and foot numbness and the rules
// that tie diary features to each. Loaded from assets/catalog/causes.json; the
// rules are data, combining a fixed vocabulary of features (see catalog.md in
// the README) with weights and thresholds.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace nd {

struct CatalogError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct Citation {
    std::string title;
    std::string url;   // may be empty for the seed text
};

// One rule: a feature from the vocabulary, its parameters and weight.
// The feature kinds and their parameters are defined by the matching engine
// (matching.cpp); the catalog loader validates them by name.
struct Rule {
    std::string feature;              // e.g. "region", "activity", "relief_within", "background"
    std::vector<std::string> values;  // feature parameters (ids from enum_names)
    double number = 0;                // threshold, when the feature takes one (minutes, drinks, ...)
    double weight = 0;                // positive: for the cause; negative: against
    bool absent = false;              // episode features: counts episodes that record the field
                                      // but do NOT show the values ("did not begin while walking")
    std::string says;                 // the evidence line's wording, e.g. "began after sitting with legs crossed"
    std::string source;               // citation for a fact the seed does not state (may be empty)
};

struct Cause {
    std::string id;                   // "posture", "diabetic_neuropathy", ...
    std::string name;
    std::string summary;              // plain language, the project's own words
    std::vector<std::string> where;         // documented features, in plain words
    std::vector<std::string> feels_like;
    std::vector<std::string> brought_on_by;
    std::vector<std::string> relieved_by;
    std::vector<std::string> course;
    std::vector<std::string> risk_factors;
    std::vector<std::string> against;
    bool serious = false;             // never shown as ruled out
    std::string urgency;              // non-empty for causes needing urgent care
    std::vector<Citation> sources;
    std::vector<Rule> rules;
    std::vector<std::string> log_next;   // what to log to tell more
};

struct Catalog {
    int version = 1;
    std::vector<Cause> causes;
    const Cause* find(std::string_view id) const;
};

// Throws CatalogError naming the cause and the field on a malformed or incomplete file.
Catalog load_catalog_json(std::string_view json_text);
Catalog load_catalog_file(const std::string& path);
// The catalog shipped with the app: catalog/causes.json under the first of these
// folders that has one, the way installed programs find their data (no path of
// the source tree is compiled in):
//   1. $ND_ASSETS_DIR (a developer's override);
//   2. the program's own data folder, set at start with set_program_assets_dir
//      (PREFIX/share/numbness-diary next to the executable's PREFIX/bin; the build
//      tree mirrors that layout);
//   3. DIR/numbness-diary for each DIR in $XDG_DATA_DIRS (default
//      /usr/local/share:/usr/share).
std::string default_assets_dir();
// Where the running program's data is (step 2 above); "" for none. The program
// works it out (platform/paths, the CLI), since core uses no OS-specific calls.
void set_program_assets_dir(const std::string& dir);
Catalog load_default_catalog();

}  // namespace nd
