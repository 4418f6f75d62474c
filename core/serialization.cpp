// cereal serialization of the diary (JSON backup and portable binary). The only
// translation unit that includes cereal: it is slow to compile.
//
// Hostile input: the JSON parser runs iteratively (RAPIDJSON_PARSE_DEFAULT_FLAGS,
// set by core/CMakeLists.txt) so deep nesting cannot overflow the stack, and NaN /
// Infinity literals are rejected by the parser. The portable binary reader trusts
// declared lengths, so strings and vectors are loaded here with their length
// checked against the bytes that remain (see BoundedInput below) and vectors grow
// one element at a time. Everything thrown is turned into ImportError at the
// boundary, and every loaded diary goes through validate().
#include "serialization.hpp"

#include <istream>
#include <stdexcept>

// rapidjson is included here before cereal's JSON header (for the reader below),
// so cereal's settings for it are made here, as that header would make them: an
// internal assertion throws (caught at the boundary and worded for a person),
// and the writer's default flags are cereal's.
namespace nd::detail {
struct JsonAssertion : std::runtime_error {
    using std::runtime_error::runtime_error;
};
// The JSON's shape is wrong (check_json_shape's findings, below): what() is the
// whole sentence for the person, passed on as it is.
struct JsonShapeError : std::runtime_error {
    using std::runtime_error::runtime_error;
};
}  // namespace nd::detail
#define RAPIDJSON_ASSERT_THROWS
#define RAPIDJSON_ASSERT(x) \
    if (!(x)) { \
        throw ::nd::detail::JsonAssertion("rapidjson internal assertion failure: " #x); \
    }
#define RAPIDJSON_WRITE_DEFAULT_FLAGS kWriteNanAndInfFlag

#include <rapidjson/istreamwrapper.h>

// cereal's JSON reader takes its characters one at a time through
// std::istream::peek and get, each of which builds a sentry: about a third of
// restoring a 100k-episode backup. The stream under it is always our own
// ViewBuf, so read the stream buffer directly (same characters, same count).
// Declared before cereal's header, whose reader would otherwise instantiate the
// generic versions first (an explicit specialization must come before any use).
namespace rapidjson {
template <>
inline char BasicIStreamWrapper<std::istream>::Peek() const {
    const auto c = stream_.rdbuf()->sgetc();
    return c != std::char_traits<char>::eof() ? static_cast<char>(c) : '\0';
}
template <>
inline char BasicIStreamWrapper<std::istream>::Take() {
    const auto c = stream_.rdbuf()->sbumpc();
    if (c == std::char_traits<char>::eof()) return '\0';
    ++count_;
    return static_cast<char>(c);
}
}  // namespace rapidjson

// Faster still: cereal builds its DOM with Document::ParseStream over that stream
// wrapper, a call per character. While diary_from_json runs, the text is one block
// in memory (t_json_text), so the same parse (same reader, flags and handler) reads
// it through rapidjson's MemoryStream instead, whose Peek and Take inline: about a
// tenth of a 100k restore. Anything else goes through the stream as before.
#include <rapidjson/document.h>
#include <rapidjson/memorystream.h>
//
// That same parse also checks the JSON's shape (check_json_shape below, which used
// to be a parse of its own before it: a sixth of a 100k restore). The reader, its
// flags and the shape checks are the same, and the checks run on each value before
// the document takes it, so the first problem found, and its message, are the same.
namespace nd::detail {
thread_local const std::string_view* t_json_text = nullptr;
thread_local bool t_check_shape = false;
// Parses `ms` into `doc` with the shape checks; throws JsonShapeError for what
// check_json_shape would have refused.
rapidjson::ParseResult parse_checked(rapidjson::GenericReader<rapidjson::UTF8<>, rapidjson::UTF8<>, rapidjson::CrtAllocator>& reader,
                                     rapidjson::MemoryStream& ms, rapidjson::Document& doc);
}  // namespace nd::detail
namespace rapidjson {
template <>
template <>
inline Document& Document::ParseStream<kParseDefaultFlags, UTF8<>, IStreamWrapper>(IStreamWrapper& is) {
    GenericReader<UTF8<>, UTF8<>, CrtAllocator> reader(stack_.HasAllocator() ? &stack_.GetAllocator() : 0);
    ClearStackOnExit scope(*this);
    if (const std::string_view* text = ::nd::detail::t_json_text) {
        MemoryStream ms(text->data(), text->size());
        if (::nd::detail::t_check_shape) parseResult_ = ::nd::detail::parse_checked(reader, ms, *this);
        else parseResult_ = reader.template Parse<kParseDefaultFlags>(ms, *this);
    } else {
        parseResult_ = reader.template Parse<kParseDefaultFlags>(is, *this);
    }
    if (parseResult_) {
        RAPIDJSON_ASSERT(stack_.GetSize() == sizeof(ValueType));
        ValueType::operator=(*stack_.template Pop<ValueType>(1));
    }
    return *this;
}
}  // namespace rapidjson

#include <cereal/archives/json.hpp>
#include <cereal/archives/portable_binary.hpp>
#include <cereal/cereal.hpp>
#include <cereal/types/optional.hpp>
#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>

#include <rapidjson/error/en.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

#include <cstring>
#include <set>
#include <sstream>
#include <streambuf>

#include "enum_names.hpp"
#include "json_guard.hpp"

// ---- Bounded portable-binary loading ----------------------------------------

namespace nd::detail {

// A read-only stream buffer over the caller's bytes (no copy) that can tell how
// many bytes are left.
class ViewBuf : public std::streambuf {
public:
    explicit ViewBuf(std::string_view bytes) {
        char* b = const_cast<char*>(bytes.data());  // never written through
        setg(b, b, b + bytes.size());
    }
    std::size_t remaining() const { return static_cast<std::size_t>(egptr() - gptr()); }
};

// The buffer being read by the current binary import on this thread.
thread_local const ViewBuf* t_binary_input = nullptr;

inline void check_declared_length(std::uint64_t n, std::size_t min_bytes_each) {
    const std::size_t left = t_binary_input ? t_binary_input->remaining() : 0;
    if (min_bytes_each == 0) min_bytes_each = 1;
    if (n > left / min_bytes_each)
        throw ImportError("a declared length of " + std::to_string(n) + " is larger than the " +
                          std::to_string(left) + " bytes left in the file (damaged or not a diary)");
}

}  // namespace nd::detail

namespace cereal {

// More specialised than cereal's own string / vector loaders, so chosen for the
// portable binary input archive only.
inline void CEREAL_LOAD_FUNCTION_NAME(PortableBinaryInputArchive& ar, std::string& s) {
    size_type n = 0;
    ar(make_size_tag(n));
    nd::detail::check_declared_length(n, 1);
    s.resize(static_cast<std::size_t>(n));
    ar(binary_data(s.data(), static_cast<std::size_t>(n)));
}

// cereal copies a bool's raw byte; any byte other than 0 / 1 would be an invalid
// bool (undefined behaviour), so it is read as a byte and checked.
inline void CEREAL_LOAD_FUNCTION_NAME(PortableBinaryInputArchive& ar, bool& b) {
    std::uint8_t byte = 0;
    ar.template loadBinary<1>(&byte, 1);
    if (byte > 1) throw nd::ImportError("a yes/no value is " + std::to_string(byte) + ", not 0 or 1");
    b = byte == 1;
}

template <class T, class A>
void CEREAL_LOAD_FUNCTION_NAME(PortableBinaryInputArchive& ar, std::vector<T, A>& v) {
    size_type n = 0;
    ar(make_size_tag(n));
    nd::detail::check_declared_length(n, 1);  // every element takes at least one byte
    v.clear();
    for (size_type i = 0; i < n; ++i) {
        T x{};
        ar(x);
        v.push_back(std::move(x));
    }
}

}  // namespace cereal

// ---- Class versions ----------------------------------------------------------
// Bump a version when a type's fields change; its serialize() then reads the old
// layout when `version` is lower. A version above the one known here is refused.

CEREAL_CLASS_VERSION(nd::RegionMark, 1)
CEREAL_CLASS_VERSION(nd::LocalTime, 1)
CEREAL_CLASS_VERSION(nd::Episode, 2)   // 2: numbness and pain may be unrated
CEREAL_CLASS_VERSION(nd::CheckIn, 1)
CEREAL_CLASS_VERSION(nd::BackgroundFact, 1)
CEREAL_CLASS_VERSION(nd::Medicine, 1)
CEREAL_CLASS_VERSION(nd::Profile, 2)
CEREAL_CLASS_VERSION(nd::Tombstone, 1)
CEREAL_CLASS_VERSION(nd::QuestionnaireAnswer, 1)
CEREAL_CLASS_VERSION(nd::QuestionnaireResponse, 1)
// 2: questionnaire responses (version 1 backups have none and still load).
CEREAL_CLASS_VERSION(nd::Diary, 2)

namespace nd {

namespace {

void check_version(const char* type, std::uint32_t version, std::uint32_t known) {
    if (version > known)
        throw ImportError(std::string("this backup holds a ") + type + " of format version " + std::to_string(version) +
                          ", written by a newer version of Numbness Diary (this one reads up to " +
                          std::to_string(known) + "); update the app");
}

}  // namespace

// ---- Enums as their stable string ids ------------------------------------------

#define ND_ENUM_AS_ID(E)                                                                      \
    template <class Archive>                                                                  \
    std::string save_minimal(const Archive&, const E& v) {                                    \
        return std::string(enum_id(v));                                                       \
    }                                                                                         \
    template <class Archive>                                                                  \
    void load_minimal(const Archive&, E& v, const std::string& id) {                          \
        auto parsed = enum_from_id<E>(id);                                                    \
        if (!parsed) throw ImportError("unknown " #E " value \"" + id.substr(0, 40) + "\""); \
        v = *parsed;                                                                          \
    }

ND_ENUM_AS_ID(Side)
ND_ENUM_AS_ID(Region)
ND_ENUM_AS_ID(Sensation)
ND_ENUM_AS_ID(Activity)
ND_ENUM_AS_ID(Relief)
ND_ENUM_AS_ID(Sign)
ND_ENUM_AS_ID(Onset)
ND_ENUM_AS_ID(SpreadSpeed)
ND_ENUM_AS_ID(TriState)
ND_ENUM_AS_ID(GeneralSymptom)
ND_ENUM_AS_ID(FactKind)
#undef ND_ENUM_AS_ID

// ---- Records ---------------------------------------------------------------------

#define NVP(field) cereal::make_nvp(#field, x.field)

template <class Archive>
void serialize(Archive& ar, RegionMark& x, const std::uint32_t version) {
    check_version("body region", version, 1);
    ar(NVP(region), NVP(side));
}

template <class Archive>
void serialize(Archive& ar, LocalTime& x, const std::uint32_t version) {
    check_version("time", version, 1);
    ar(NVP(utc), NVP(offset_min));
}

template <class Archive>
void serialize(Archive& ar, Episode& x, const std::uint32_t version) {
    check_version("episode", version, 2);
    ar(NVP(id), NVP(start), NVP(duration_min), NVP(ongoing), NVP(regions), NVP(sensations));
    if (version >= 2) {
        ar(NVP(numbness), NVP(pain));
    } else {
        // Version 1 always held a number (0 when the person never moved the slider).
        int numbness = 0, pain = 0;
        ar(cereal::make_nvp("numbness", numbness), cereal::make_nvp("pain", pain));
        x.numbness = numbness;
        x.pain = pain;
    }
    ar(NVP(activities), NVP(reliefs), NVP(relief_after_min), NVP(onset), NVP(spread), NVP(spread_from),
       NVP(spread_to), NVP(spread_speed), NVP(signs), NVP(worse_at_night), NVP(effect_walking), NVP(effect_sleep),
       NVP(effect_work), NVP(note), NVP(created_utc), NVP(updated_utc), NVP(deleted_utc));
}

template <class Archive>
void serialize(Archive& ar, CheckIn& x, const std::uint32_t version) {
    check_version("check-in", version, 1);
    ar(NVP(id), NVP(date), NVP(symptoms), NVP(no_numbness), NVP(note), NVP(created_utc), NVP(updated_utc),
       NVP(deleted_utc));
}

template <class Archive>
void serialize(Archive& ar, BackgroundFact& x, const std::uint32_t version) {
    check_version("background fact", version, 1);
    ar(NVP(id), NVP(kind), NVP(detail), NVP(since), NVP(amount), NVP(created_utc), NVP(updated_utc),
       NVP(deleted_utc));
}

template <class Archive>
void serialize(Archive& ar, Medicine& x, const std::uint32_t version) {
    check_version("medicine", version, 1);
    ar(NVP(id), NVP(name), NVP(dose), NVP(when_taken), NVP(since), NVP(helped), NVP(note), NVP(created_utc),
       NVP(updated_utc), NVP(deleted_utc));
}

template <class Archive>
void serialize(Archive& ar, Profile& x, const std::uint32_t version) {
    check_version("profile", version, 2);
    ar(NVP(name), NVP(birth_date), NVP(updated_utc));
    if (version >= 2) ar(NVP(complaint_began), NVP(health_number), NVP(questions), NVP(fhir_patient_id));
}

template <class Archive>
void serialize(Archive& ar, Tombstone& x, const std::uint32_t version) {
    check_version("tombstone", version, 1);
    ar(NVP(id), NVP(kind), NVP(deleted_utc));
}

template <class Archive>
void serialize(Archive& ar, QuestionnaireAnswer& x, const std::uint32_t version) {
    check_version("questionnaire answer", version, 1);
    ar(NVP(item), NVP(answer));
}

template <class Archive>
void serialize(Archive& ar, QuestionnaireResponse& x, const std::uint32_t version) {
    check_version("questionnaire response", version, 1);
    ar(NVP(id), NVP(questionnaire), NVP(version), NVP(taken), NVP(answers), NVP(score), NVP(created_utc),
       NVP(updated_utc), NVP(deleted_utc));
}

template <class Archive>
void serialize(Archive& ar, Diary& x, const std::uint32_t version) {
    check_version("diary", version, 2);
    ar(NVP(profile), NVP(episodes), NVP(checkins), NVP(facts), NVP(medicines), NVP(tombstones));
    if (version >= 2) ar(NVP(questionnaire_responses));
}

#undef NVP

// ---- Boundary --------------------------------------------------------------------

namespace {

constexpr const char* kRootName = "diary";

void check_size(std::size_t n) {
    if (n > kMaxImportBytes)
        throw ImportError("the backup is " + std::to_string(n / (1024 * 1024)) + " MiB, larger than the " +
                          kMaxImportText + " a diary backup can be");
}

template <class Load>
Diary guarded_load(const char* what, Load&& load) {
    Diary d;
    try {
        load(d);
    } catch (const detail::JsonShapeError& e) {
        throw ImportError(e.what());   // a whole sentence already
    } catch (const ImportError& e) {
        throw ImportError(std::string("Cannot read this ") + what + ": " + e.what());
    } catch (const std::bad_alloc&) {
        throw ImportError(std::string("Cannot read this ") + what + ": it declares more data than fits in memory");
    } catch (const detail::JsonAssertion&) {   // our RAPIDJSON_ASSERT (above), cereal's RapidJSONException before
        // The parser's internal texts ("rapidjson internal assertion failure:
        // IsObject()") mean nothing to a person.
        throw ImportError(std::string("Cannot read this ") + what +
                          ": its JSON does not have the shape of a diary backup (a value of the wrong kind where a "
                          "field, list or object should be)");
    } catch (const std::exception& e) {
        throw ImportError(std::string("Cannot read this ") + what + " (damaged or not a diary backup): " + e.what());
    } catch (...) {
        throw ImportError(std::string("Cannot read this ") + what + ": unknown error");
    }
    normalize(d);
    try {
        validate(d);
    } catch (const ImportError& e) {
        throw ImportError(std::string("This ") + what + " holds an invalid value: " + e.what());
    }
    return d;
}

}  // namespace

namespace {

// The JSON's structure, checked before cereal reads it (SAX: nothing is kept but
// the keys of the objects open at one moment): valid JSON, or "not valid JSON
// at byte N"; no NUL inside a string (a note would be cut there); no key twice in
// one object (which one would win is the parser's accident). So the parser's own
// assertion texts never reach the person.
struct ShapeCheck : rapidjson::BaseReaderHandler<rapidjson::UTF8<>, ShapeCheck> {
    // The keys of the objects open now, one flat stack; open_[i] is where the
    // i-th open object's keys begin. An object has a few dozen keys at most, so
    // a linear look for a repeat beats a std::set per object (and keeps the
    // strings' storage from one object to the next).
    std::vector<std::string> keys;
    std::size_t used = 0;
    std::vector<std::size_t> open_;
    std::string last_key;
    std::string problem;
    bool String(const char* s, rapidjson::SizeType n, bool) {
        if (std::memchr(s, 0, n) == nullptr) return true;
        problem = "the field \"" + last_key.substr(0, 60) + "\" holds a NUL character (\\u0000)";
        return false;
    }
    bool Key(const char* s, rapidjson::SizeType n, bool) {
        const std::string_view k(s, n);
        if (k.find('\0') != std::string_view::npos) {
            problem = "a field name holds a NUL character (\\u0000)";
            return false;
        }
        if (!open_.empty()) {
            for (std::size_t i = open_.back(); i < used; ++i)
                if (keys[i] == k) {
                    problem = "the field \"" + std::string(k.substr(0, 60)) + "\" appears twice in one object";
                    return false;
                }
            if (used == keys.size()) keys.emplace_back();
            keys[used++].assign(k);
        }
        last_key.assign(k);
        return true;
    }
    bool StartObject() {
        open_.push_back(used);
        return true;
    }
    bool EndObject(rapidjson::SizeType) {
        if (!open_.empty()) {
            used = open_.back();
            open_.pop_back();
        }
        return true;
    }
};

// The message for a parse that `h` or the reader stopped (what check_json_shape
// said when it was a parse of its own).
std::string shape_problem(const ShapeCheck& h, const rapidjson::ParseResult& r) {
    if (!h.problem.empty()) return "Cannot read this JSON backup: " + h.problem;
    return "Cannot read this JSON backup: it is not valid JSON at byte " + std::to_string(r.Offset()) + " (" +
           rapidjson::GetParseError_En(r.Code()) + ")";
}

// The DOM's handler with the shape checks in front: a value the checks refuse
// stops the parse before the document holds it.
struct ShapeCheckedDocument {
    ShapeCheck& shape;
    rapidjson::Document& doc;
    bool Null() { return doc.Null(); }
    bool Bool(bool b) { return doc.Bool(b); }
    bool Int(int i) { return doc.Int(i); }
    bool Uint(unsigned i) { return doc.Uint(i); }
    bool Int64(std::int64_t i) { return doc.Int64(i); }
    bool Uint64(std::uint64_t i) { return doc.Uint64(i); }
    bool Double(double d) { return doc.Double(d); }
    bool RawNumber(const char* s, rapidjson::SizeType n, bool copy) { return doc.RawNumber(s, n, copy); }
    bool String(const char* s, rapidjson::SizeType n, bool copy) {
        return shape.String(s, n, copy) && doc.String(s, n, copy);
    }
    bool StartObject() { return shape.StartObject() && doc.StartObject(); }
    bool Key(const char* s, rapidjson::SizeType n, bool copy) { return shape.Key(s, n, copy) && doc.Key(s, n, copy); }
    bool EndObject(rapidjson::SizeType members) { return shape.EndObject(members) && doc.EndObject(members); }
    bool StartArray() { return shape.StartArray() && doc.StartArray(); }
    bool EndArray(rapidjson::SizeType elements) { return shape.EndArray(elements) && doc.EndArray(elements); }
};
static_assert(rapidjson::kParseDefaultFlags == (rapidjson::kParseIterativeFlag | rapidjson::kParseFullPrecisionFlag),
              "the shape check's parse and the DOM's were one parse with these flags");

}  // namespace

rapidjson::ParseResult detail::parse_checked(
    rapidjson::GenericReader<rapidjson::UTF8<>, rapidjson::UTF8<>, rapidjson::CrtAllocator>& reader,
    rapidjson::MemoryStream& ms, rapidjson::Document& doc) {
    ShapeCheck shape;
    ShapeCheckedDocument h{shape, doc};
    const rapidjson::ParseResult r = reader.Parse<rapidjson::kParseDefaultFlags>(ms, h);
    if (!r) throw JsonShapeError(shape_problem(shape, r));
    return r;
}

namespace {

// An output streambuf that appends to a std::string: the JSON of a large diary
// (about 145 MB at 100k episodes) is held once, not once in an ostringstream
// and again in the copy str() returns.
class StringAppendBuf : public std::streambuf {
public:
    explicit StringAppendBuf(std::string& out) : out_(out) {}

protected:
    int_type overflow(int_type c) override {
        if (c != traits_type::eof()) out_.push_back(static_cast<char>(c));
        return traits_type::not_eof(c);
    }
    std::streamsize xsputn(const char* s, std::streamsize n) override {
        out_.append(s, static_cast<std::size_t>(n));
        return n;
    }

private:
    std::string& out_;
};

}  // namespace

std::string diary_to_json(const Diary& d, JsonLayout layout) {
    // Normalized (the canonical order) without a copy when it already is, as every
    // diary from the store or a reader is.
    Diary copy;
    const Diary* src = &normalized_view(d, copy);
    const bool compact = layout == JsonLayout::Compact;
    std::string out;
    // About 1.45 KB an episode with its share of check-ins indented, 0.77 KB compact:
    // one allocation for most diaries.
    out.reserve(4096 + (src->episodes.size() * 1500 + src->checkins.size() * 300) / (compact ? 2 : 1));
    StringAppendBuf buf(out);
    std::ostream os(&buf);
    {
        cereal::JSONOutputArchive ar(os, compact ? cereal::JSONOutputArchive::Options::NoIndent()
                                                 : cereal::JSONOutputArchive::Options(
                                                       324, cereal::JSONOutputArchive::Options::IndentChar::space, 2));
        ar(cereal::make_nvp(kRootName, *src));
    }
    os << '\n';
    return out;
}

Diary diary_from_json(std::string_view json) {
    check_size(json.size());
    if (const auto why = json_guard::number_problem(json); !why.empty())
        throw ImportError("Cannot read this JSON backup: " + why);
    return guarded_load("JSON backup", [&](Diary& d) {
        detail::ViewBuf buf(json);
        std::istream is(&buf);
        struct Scope {   // the DOM parse reads `json` directly and checks its shape (see ParseStream above)
            explicit Scope(const std::string_view* t) {
                detail::t_json_text = t;
                detail::t_check_shape = true;
            }
            ~Scope() {
                detail::t_json_text = nullptr;
                detail::t_check_shape = false;
            }
        } scope(&json);
        cereal::JSONInputArchive ar(is);
        ar(cereal::make_nvp(kRootName, d));
    });
}

std::string diary_to_binary(const Diary& d) {
    Diary copy = d;
    normalize(copy);
    std::ostringstream os(std::ios::binary);
    {
        cereal::PortableBinaryOutputArchive ar(os);
        ar(copy);
    }
    return os.str();
}

Diary diary_from_binary(std::string_view bytes) {
    check_size(bytes.size());
    return guarded_load("binary backup", [&](Diary& d) {
        detail::ViewBuf buf(bytes);
        std::istream is(&buf);
        struct Scope {
            explicit Scope(const detail::ViewBuf* b) { detail::t_binary_input = b; }
            ~Scope() { detail::t_binary_input = nullptr; }
        } scope(&buf);
        if (bytes.empty()) throw ImportError("the file is empty");
        cereal::PortableBinaryInputArchive ar(is);
        ar(d);
        if (buf.remaining() != 0)
            throw ImportError(std::to_string(buf.remaining()) + " unexpected bytes follow the diary");
    });
}

}  // namespace nd
