// Loads and strictly validates the cause catalog (assets/catalog/causes.json).
// Uses rapidjson directly; cereal stays out of this translation unit.
#include "catalog.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <set>
#include <sstream>

#include "asset_file.hpp"
#include "features.hpp"
#include "json_fields.hpp"
#include "json_guard.hpp"

namespace nd {

namespace {

constexpr std::size_t kMaxCatalogBytes = 1024 * 1024;  // 1 MiB
constexpr int kCatalogVersion = 1;

using Value = rapidjson::Value;
using namespace json_fields;

// Names where an error is, so messages read "cause 'posture': field 'rules[2].feature': ...".
struct Where {
    std::string cause;   // "cause 'posture'", "cause #3" or "catalog"

    [[noreturn]] void fail(const std::string& field, const std::string& what) const {
        throw CatalogError(cause + ": field '" + field + "': " + what);
    }
};

std::vector<std::string> string_list(const Where& w, const std::string& field, const Value& obj,
                                     const char* key, bool required, bool non_empty) {
    const Value* v = member(obj, key);
    if (!v) {
        if (required) w.fail(field, "missing");
        return {};
    }
    if (!v->IsArray()) w.fail(field, std::string("must be a list, found ") + type_name(*v));
    std::vector<std::string> out;
    for (rapidjson::SizeType i = 0; i < v->Size(); ++i)
        out.push_back(as_string(w, field + "[" + std::to_string(i) + "]", (*v)[i], true));
    if (non_empty && out.empty()) w.fail(field, "must not be empty");
    return out;
}

bool is_id(std::string_view s) {
    if (s.empty() || s.size() > 64) return false;
    for (char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
    return true;
}

Rule parse_rule(const Where& w, const std::string& field, const Value& v) {
    if (!v.IsObject()) w.fail(field, std::string("must be an object, found ") + type_name(v));
    check_keys(w, field + ".", v, {"feature", "values", "number", "weight", "says", "source", "absent"});
    Rule r;
    r.feature = req_string(w, field + ".feature", v, "feature");
    const FeatureSpec* spec = find_feature(r.feature);
    if (!spec) w.fail(field + ".feature", "unknown feature '" + r.feature + "'");

    r.values = string_list(w, field + ".values", v, "values", false, false);
    if (spec->values == ValueKind::None) {
        if (!r.values.empty()) w.fail(field + ".values", "feature '" + r.feature + "' takes no values");
    } else {
        if (spec->values_required && r.values.empty())
            w.fail(field + ".values", "feature '" + r.feature + "' needs at least one " +
                                          value_kind_name(spec->values));
        std::set<std::string> seen;
        for (std::size_t i = 0; i < r.values.size(); ++i) {
            const std::string vf = field + ".values[" + std::to_string(i) + "]";
            if (!is_valid_feature_value(spec->values, r.values[i]))
                w.fail(vf, "unknown " + std::string(value_kind_name(spec->values)) + " '" + r.values[i] + "'");
            if (!seen.insert(r.values[i]).second) w.fail(vf, "repeated value '" + r.values[i] + "'");
        }
    }

    if (const Value* n = member(v, "number")) {
        r.number = as_number(w, field + ".number", *n);
        if (r.number < 0) w.fail(field + ".number", "must not be negative");
        if (spec->number == NumberUse::Unused && r.number != 0)
            w.fail(field + ".number", "feature '" + r.feature + "' takes no number");
    }
    if (spec->number == NumberUse::Required && !(r.number > 0))
        w.fail(field + ".number", "feature '" + r.feature + "' needs a number above 0 (" +
                                      spec->number_unit + ")");
    if (spec->kind == FeatureKind::Effect && r.number > 3)
        w.fail(field + ".number", "effect levels go from 1 to 3");
    if (spec->kind == FeatureKind::Worsening && r.number > 10)
        w.fail(field + ".number", "numbness is scored 0 to 10");

    r.weight = as_number(w, field + ".weight", require(w, field + ".weight", v, "weight"));
    if (r.weight == 0 || std::fabs(r.weight) > 100)
        w.fail(field + ".weight", "must be non-zero and between -100 and 100");
    r.says = req_string(w, field + ".says", v, "says");
    r.source = opt_string(w, field + ".source", v, "source");
    if (const Value* a = member(v, "absent")) {
        if (!a->IsBool()) w.fail(field + ".absent", std::string("must be true or false, found ") + type_name(*a));
        r.absent = a->GetBool();
        if (r.absent && !supports_absent(spec->kind))
            w.fail(field + ".absent", "feature '" + r.feature +
                                          "' cannot be absent (only region, sensation, activity, relief, onset, sign)");
    }
    return r;
}

Cause parse_cause(const Value& v, std::size_t index) {
    Where w{"cause #" + std::to_string(index + 1)};
    if (!v.IsObject()) w.fail("causes[" + std::to_string(index) + "]", "must be an object");
    Cause c;
    c.id = req_string(w, "id", v, "id");
    if (!is_id(c.id)) w.fail("id", "must be lower-case letters, digits and '_' ('" + c.id + "')");
    w.cause = "cause '" + c.id + "'";
    check_keys(w, "", v,
               {"id", "name", "summary", "where", "feels_like", "brought_on_by", "relieved_by", "course",
                "risk_factors", "against", "serious", "urgency", "sources", "rules", "log_next"});
    c.name = req_string(w, "name", v, "name");
    c.summary = req_string(w, "summary", v, "summary");
    c.where = string_list(w, "where", v, "where", true, true);
    c.feels_like = string_list(w, "feels_like", v, "feels_like", true, true);
    c.brought_on_by = string_list(w, "brought_on_by", v, "brought_on_by", true, false);
    c.relieved_by = string_list(w, "relieved_by", v, "relieved_by", true, false);
    c.course = string_list(w, "course", v, "course", true, false);
    c.risk_factors = string_list(w, "risk_factors", v, "risk_factors", true, false);
    c.against = string_list(w, "against", v, "against", true, false);

    const Value& serious = require(w, "serious", v, "serious");
    if (!serious.IsBool()) w.fail("serious", std::string("must be true or false, found ") + type_name(serious));
    c.serious = serious.GetBool();
    c.urgency = opt_string(w, "urgency", v, "urgency");

    const Value& sources = require(w, "sources", v, "sources");
    if (!sources.IsArray()) w.fail("sources", std::string("must be a list, found ") + type_name(sources));
    for (rapidjson::SizeType i = 0; i < sources.Size(); ++i) {
        const std::string f = "sources[" + std::to_string(i) + "]";
        const Value& s = sources[i];
        if (!s.IsObject()) w.fail(f, std::string("must be an object, found ") + type_name(s));
        check_keys(w, f + ".", s, {"title", "url"});
        c.sources.push_back({req_string(w, f + ".title", s, "title"), opt_string(w, f + ".url", s, "url")});
    }
    if (c.sources.empty()) w.fail("sources", "must not be empty");

    const Value& rules = require(w, "rules", v, "rules");
    if (!rules.IsArray()) w.fail("rules", std::string("must be a list, found ") + type_name(rules));
    bool any_for = false;
    for (rapidjson::SizeType i = 0; i < rules.Size(); ++i) {
        c.rules.push_back(parse_rule(w, "rules[" + std::to_string(i) + "]", rules[i]));
        any_for = any_for || c.rules.back().weight > 0;
    }
    if (c.rules.empty()) w.fail("rules", "must not be empty");
    if (!any_for) w.fail("rules", "needs at least one rule with a positive weight");

    c.log_next = string_list(w, "log_next", v, "log_next", true, true);
    return c;
}

}  // namespace

const Cause* Catalog::find(std::string_view id) const {
    for (const auto& c : causes)
        if (c.id == id) return &c;
    return nullptr;
}

Catalog load_catalog_json(std::string_view json_text) {
    const Where top{"catalog"};
    if (json_text.size() > kMaxCatalogBytes)
        throw CatalogError("catalog: the file is larger than " + std::to_string(kMaxCatalogBytes) +
                           " bytes (" + std::to_string(json_text.size()) + ")");
    if (const auto why = json_guard::number_problem(json_text); !why.empty()) throw CatalogError("catalog: " + why);
    rapidjson::Document doc;
    doc.Parse<rapidjson::kParseDefaultFlags | rapidjson::kParseValidateEncodingFlag>(json_text.data(),
                                                                                   json_text.size());
    if (doc.HasParseError())
        throw CatalogError(std::string("catalog: not valid JSON at byte ") + std::to_string(doc.GetErrorOffset()) +
                           ": " + rapidjson::GetParseError_En(doc.GetParseError()));
    if (!doc.IsObject()) throw CatalogError(std::string("catalog: must be an object, found ") + type_name(doc));
    check_keys(top, "", doc, {"version", "causes"});

    Catalog cat;
    const Value& version = require(top, "version", doc, "version");
    if (!version.IsInt()) top.fail("version", "must be a whole number");
    cat.version = version.GetInt();
    if (cat.version != kCatalogVersion)
        top.fail("version", "version " + std::to_string(cat.version) + " is not supported (this build reads " +
                                std::to_string(kCatalogVersion) + ")");

    const Value& causes = require(top, "causes", doc, "causes");
    if (!causes.IsArray()) top.fail("causes", std::string("must be a list, found ") + type_name(causes));
    if (causes.Empty()) top.fail("causes", "must not be empty");
    std::set<std::string> ids;
    for (rapidjson::SizeType i = 0; i < causes.Size(); ++i) {
        Cause c = parse_cause(causes[i], i);
        if (!ids.insert(c.id).second) throw CatalogError("cause '" + c.id + "': field 'id': appears twice");
        cat.causes.push_back(std::move(c));
    }
    return cat;
}

Catalog load_catalog_file(const std::string& path) {
    AssetText file = read_asset_file(path, kMaxCatalogBytes);
    if (!file.error.empty()) throw CatalogError("catalog: " + file.error);
    const std::string& text = file.text;
    try {
        return load_catalog_json(text);
    } catch (const CatalogError& e) {
        throw CatalogError(path + ": " + e.what());
    }
}

namespace {
std::string& program_assets_dir() {
    static std::string dir;   // function-local: safe to set from static initialisers
    return dir;
}
}  // namespace

void set_program_assets_dir(const std::string& dir) { program_assets_dir() = dir; }

std::string default_assets_dir() {
    namespace fs = std::filesystem;
    std::vector<std::string> candidates;
    if (const char* env = std::getenv("ND_ASSETS_DIR"); env && *env) candidates.emplace_back(env);
    if (!program_assets_dir().empty()) candidates.push_back(program_assets_dir());
    // XDG Base Directory: an unset or empty XDG_DATA_DIRS means /usr/local/share/:/usr/share/;
    // relative entries are invalid and skipped.
    const char* xdg = std::getenv("XDG_DATA_DIRS");
    const std::string dirs = xdg && *xdg ? xdg : "/usr/local/share/:/usr/share/";
    std::size_t start = 0;
    while (start <= dirs.size()) {
        const auto colon = dirs.find(':', start);
        const std::string dir = dirs.substr(start, colon == std::string::npos ? std::string::npos : colon - start);
        if (!dir.empty() && dir.front() == '/') candidates.push_back((fs::path(dir) / "numbness-diary").string());
        if (colon == std::string::npos) break;
        start = colon + 1;
    }
    for (const auto& dir : candidates) {
        std::error_code ec;
        if (fs::is_regular_file(fs::path(dir) / "catalog" / "causes.json", ec)) return dir;
    }
    // None has a catalog: return the first candidate so the error names a real place.
    return candidates.empty() ? std::string("assets") : candidates.front();
}

Catalog load_default_catalog() {
    const auto path = (std::filesystem::path(default_assets_dir()) / "catalog" / "causes.json").string();
    return load_catalog_file(path);
}

}  // namespace nd
