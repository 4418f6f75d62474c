// `--json` output of list, show, background and checkin list. The field names are
// a stable interface documented in docs/cli.md ("JSON output"): add fields, never
// rename or remove one.
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <cmath>

#include "cli.hpp"
#include "time_util.hpp"

namespace ndcli {

namespace {

using Writer = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

void str(Writer& w, const char* key, const std::string& v) {
    w.Key(key);
    w.String(v.c_str(), static_cast<rapidjson::SizeType>(v.size()));
}
// An empty text (an unknown date, no note) is null, so consumers need one test.
void str_or_null(Writer& w, const char* key, const std::string& v) {
    if (v.empty()) {
        w.Key(key);
        w.Null();
    } else {
        str(w, key, v);
    }
}
void time_or_null(Writer& w, const char* key, const std::optional<std::int64_t>& utc, std::int32_t offset) {
    w.Key(key);
    if (utc) {
        const auto s = nd::format_iso8601({*utc, offset});
        w.String(s.c_str(), static_cast<rapidjson::SizeType>(s.size()));
    } else {
        w.Null();
    }
}
template <class E>
void ids(Writer& w, const char* key, const std::vector<E>& v) {
    w.Key(key);
    w.StartArray();
    for (const auto& x : v) {
        const auto id = nd::enum_id(x);
        w.String(id.data(), static_cast<rapidjson::SizeType>(id.size()));
    }
    w.EndArray();
}
template <class E>
void id(Writer& w, const char* key, E v) {
    w.Key(key);
    const auto s = nd::enum_id(v);
    w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}
void opt_int(Writer& w, const char* key, const std::optional<std::int32_t>& v) {
    w.Key(key);
    if (v) w.Int(*v);
    else w.Null();
}

void episode(Writer& w, const nd::Episode& e) {
    w.StartObject();
    str(w, "type", "episode");
    str(w, "id", e.id);
    str(w, "start", nd::format_iso8601(e.start));
    str(w, "date", nd::local_date(e.start));
    opt_int(w, "duration_min", e.duration_min);
    w.Key("ongoing");
    w.Bool(e.ongoing);
    w.Key("regions");
    w.StartArray();
    for (const auto& r : e.regions) {
        w.StartObject();
        id(w, "side", r.side);
        id(w, "region", r.region);
        w.EndObject();
    }
    w.EndArray();
    ids(w, "sensations", e.sensations);
    w.Key("numbness");   // null: not rated
    if (e.numbness) w.Int(*e.numbness); else w.Null();
    w.Key("pain");
    if (e.pain) w.Int(*e.pain); else w.Null();
    ids(w, "activities", e.activities);
    ids(w, "reliefs", e.reliefs);
    opt_int(w, "relief_after_min", e.relief_after_min);
    id(w, "onset", e.onset);
    w.Key("spread");
    w.Bool(e.spread);
    ids(w, "signs", e.signs);
    id(w, "worse_at_night", e.worse_at_night);
    w.Key("effect_walking");
    w.Int(e.effect_walking);
    w.Key("effect_sleep");
    w.Int(e.effect_sleep);
    w.Key("effect_work");
    w.Int(e.effect_work);
    str_or_null(w, "note", e.note);
    time_or_null(w, "created", e.created_utc, e.start.offset_min);
    time_or_null(w, "updated", e.updated_utc, e.start.offset_min);
    time_or_null(w, "deleted", e.deleted_utc, e.start.offset_min);
    w.EndObject();
}

void checkin(Writer& w, const nd::CheckIn& c) {
    w.StartObject();
    str(w, "type", "checkin");
    str(w, "id", c.id);
    str(w, "date", c.date);
    w.Key("no_numbness");
    w.Bool(c.no_numbness);
    ids(w, "symptoms", c.symptoms);
    str_or_null(w, "note", c.note);
    w.Key("deleted");
    w.Bool(c.deleted_utc.has_value());
    w.EndObject();
}

void fact(Writer& w, const nd::BackgroundFact& f) {
    w.StartObject();
    str(w, "type", "fact");
    str(w, "id", f.id);
    id(w, "kind", f.kind);
    str_or_null(w, "detail", f.detail);
    str_or_null(w, "since", f.since);
    w.Key("amount");
    if (f.amount && std::isfinite(*f.amount)) w.Double(*f.amount);
    else w.Null();
    w.Key("deleted");
    w.Bool(f.deleted_utc.has_value());
    w.EndObject();
}

void medicine(Writer& w, const nd::Medicine& m) {
    w.StartObject();
    str(w, "type", "medicine");
    str(w, "id", m.id);
    str(w, "name", m.name);
    str_or_null(w, "dose", m.dose);
    str_or_null(w, "when", m.when_taken);
    str_or_null(w, "since", m.since);
    id(w, "helped", m.helped);
    str_or_null(w, "note", m.note);
    w.Key("deleted");
    w.Bool(m.deleted_utc.has_value());
    w.EndObject();
}

template <class F>
std::string render(F&& body) {
    rapidjson::StringBuffer buf;
    Writer w(buf);
    w.SetIndent(' ', 2);
    body(w);
    return std::string(buf.GetString(), buf.GetSize()) + "\n";
}

}  // namespace

std::string episodes_json(const std::vector<nd::Episode>& v) {
    return render([&](Writer& w) {
        w.StartArray();
        for (const auto& e : v) episode(w, e);
        w.EndArray();
    });
}

std::string checkins_json(const std::vector<nd::CheckIn>& v) {
    return render([&](Writer& w) {
        w.StartArray();
        for (const auto& c : v) checkin(w, c);
        w.EndArray();
    });
}

std::string record_json(const nd::Store& store, const RecordRef& ref) {
    return render([&](Writer& w) {
        switch (ref.kind) {
            case RecordKind::Episode: episode(w, *store.episode(ref.id)); return;
            case RecordKind::CheckIn:
                for (const auto& c : store.checkins(true))
                    if (c.id == ref.id) return checkin(w, c);
                break;
            case RecordKind::Fact:
                for (const auto& f : store.facts(true))
                    if (f.id == ref.id) return fact(w, f);
                break;
            case RecordKind::Medicine:
                for (const auto& m : store.medicines(true))
                    if (m.id == ref.id) return medicine(w, m);
                break;
        }
        w.Null();
    });
}

std::string background_json(const nd::Store& store) {
    return render([&](Writer& w) {
        const auto p = store.profile();
        w.StartObject();
        str_or_null(w, "name", p.name);
        str_or_null(w, "birth_date", p.birth_date);
        w.Key("facts");
        w.StartArray();
        for (const auto& f : store.facts()) fact(w, f);
        w.EndArray();
        w.Key("medicines");
        w.StartArray();
        for (const auto& m : store.medicines()) medicine(w, m);
        w.EndArray();
        w.EndObject();
    });
}

}  // namespace ndcli
