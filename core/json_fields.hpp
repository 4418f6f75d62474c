// Strict field readers shared by the loaders of our JSON data files (the cause
// catalog and the questionnaires). Each names the field that is wrong, so a
// message reads "cause 'posture': field 'rules[2].feature': must be a string".
// `W` is the loader's own place type: it knows whose file this is and which
// error type to throw, through
//   [[noreturn]] void fail(const std::string& field, const std::string& what) const;
#pragma once

#include <rapidjson/document.h>

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <string>
#include <vector>

namespace nd::json_fields {

using Value = rapidjson::Value;

inline const char* type_name(const Value& v) {
    if (v.IsNull()) return "null";
    if (v.IsBool()) return "a boolean";
    if (v.IsObject()) return "an object";
    if (v.IsArray()) return "a list";
    if (v.IsString()) return "a string";
    return "a number";
}

// Refuses any key the format does not know: a typo must not pass as "absent".
template <class W>
void check_keys(const W& w, const std::string& prefix, const Value& obj, std::initializer_list<const char*> allowed) {
    for (auto it = obj.MemberBegin(); it != obj.MemberEnd(); ++it) {
        const std::string key(it->name.GetString(), it->name.GetStringLength());
        if (std::none_of(allowed.begin(), allowed.end(), [&](const char* a) { return key == a; }))
            w.fail(prefix + key, "unknown field");
    }
}

inline const Value* member(const Value& obj, const char* key) {
    auto it = obj.FindMember(key);
    return it == obj.MemberEnd() ? nullptr : &it->value;
}

template <class W>
const Value& require(const W& w, const std::string& field, const Value& obj, const char* key) {
    const Value* v = member(obj, key);
    if (!v) w.fail(field, "missing");
    return *v;
}

template <class W>
const Value& object(const W& w, const std::string& field, const Value& v) {
    if (!v.IsObject()) w.fail(field, std::string("must be an object, found ") + type_name(v));
    return v;
}

// A list that must hold at least one entry.
template <class W>
const Value& non_empty_list(const W& w, const std::string& field, const Value& v) {
    if (!v.IsArray()) w.fail(field, std::string("must be a list, found ") + type_name(v));
    if (v.Empty()) w.fail(field, "must not be empty");
    return v;
}

// Text without NUL characters (they would cut the text short in SQLite and C
// strings); `non_empty` also refuses text that is only white space.
template <class W>
std::string as_string(const W& w, const std::string& field, const Value& v, bool non_empty) {
    if (!v.IsString()) w.fail(field, std::string("must be a string, found ") + type_name(v));
    std::string s(v.GetString(), v.GetStringLength());
    if (s.find('\0') != std::string::npos) w.fail(field, "contains a NUL character");
    if (non_empty && s.find_first_not_of(" \t\r\n") == std::string::npos) w.fail(field, "must not be empty");
    return s;
}

template <class W>
std::string req_string(const W& w, const std::string& field, const Value& obj, const char* key) {
    return as_string(w, field, require(w, field, obj, key), true);
}

template <class W>
std::string opt_string(const W& w, const std::string& field, const Value& obj, const char* key) {
    const Value* v = member(obj, key);
    return v ? as_string(w, field, *v, false) : std::string();
}

template <class W>
double as_number(const W& w, const std::string& field, const Value& v) {
    if (!v.IsNumber()) w.fail(field, std::string("must be a number, found ") + type_name(v));
    const double d = v.GetDouble();
    if (!std::isfinite(d)) w.fail(field, "must be a finite number");
    return d;
}

template <class W>
int whole(const W& w, const std::string& field, const Value& v, int lo, int hi) {
    if (!v.IsInt()) w.fail(field, std::string("must be a whole number, found ") + type_name(v));
    const int n = v.GetInt();
    if (n < lo || n > hi)
        w.fail(field, "is " + std::to_string(n) + "; it must be " + std::to_string(lo) + " to " + std::to_string(hi));
    return n;
}

}  // namespace nd::json_fields
