// Strict loader of the body map's shapes (see body_outline.hpp).
#include "body_outline.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <initializer_list>
#include <set>
#include <sstream>

#include "asset_file.hpp"
#include "enum_names.hpp"
#include "json_guard.hpp"

namespace nd {

namespace {

constexpr std::size_t kMaxFileBytes = 256 * 1024;
constexpr std::size_t kMaxPoints = 64;
constexpr std::size_t kMaxRegions = 64;
using Value = rapidjson::Value;

[[noreturn]] void fail(const std::string& where, const std::string& what) {
    throw BodyOutlineError("body map: " + where + ": " + what);
}

void check_keys(const std::string& where, const Value& obj, std::initializer_list<const char*> allowed) {
    for (auto it = obj.MemberBegin(); it != obj.MemberEnd(); ++it) {
        const std::string key(it->name.GetString(), it->name.GetStringLength());
        if (std::none_of(allowed.begin(), allowed.end(), [&](const char* a) { return key == a; }))
            fail(where + "." + key, "unknown field");
    }
}

const Value& member(const std::string& where, const Value& obj, const char* key) {
    auto it = obj.FindMember(key);
    if (it == obj.MemberEnd()) fail(where + "." + key, "missing");
    return it->value;
}

std::string text(const std::string& where, const Value& v) {
    if (!v.IsString() || v.GetStringLength() == 0) fail(where, "must be a non-empty string");
    return std::string(v.GetString(), v.GetStringLength());
}

float number(const std::string& where, const Value& v, double lo, double hi) {
    if (!v.IsNumber()) fail(where, "must be a number");
    const double d = v.GetDouble();
    if (!std::isfinite(d) || d < lo || d > hi) {
        std::ostringstream o;
        o << "must be between " << lo << " and " << hi;
        fail(where, o.str());
    }
    return static_cast<float>(d);
}

// Proper crossing of segments ab and cd (touching at an end point does not count).
bool segments_cross(OutlinePoint a, OutlinePoint b, OutlinePoint c, OutlinePoint d) {
    auto cross = [](OutlinePoint o, OutlinePoint p, OutlinePoint q) {
        return (p.x - o.x) * (q.y - o.y) - (p.y - o.y) * (q.x - o.x);
    };
    const float d1 = cross(c, d, a), d2 = cross(c, d, b), d3 = cross(a, b, c), d4 = cross(a, b, d);
    return ((d1 > 1e-7f && d2 < -1e-7f) || (d1 < -1e-7f && d2 > 1e-7f)) &&
           ((d3 > 1e-7f && d4 < -1e-7f) || (d3 < -1e-7f && d4 > 1e-7f));
}

OutlineRegion region(const std::string& where, const Value& v) {
    if (!v.IsObject()) fail(where, "must be an object");
    check_keys(where, v, {"region", "side", "points"});
    OutlineRegion r;
    const std::string rid = text(where + ".region", member(where, v, "region"));
    const auto reg = enum_from_id<Region>(rid);
    if (!reg) fail(where + ".region", "unknown region '" + rid + "'");
    const std::string sid = text(where + ".side", member(where, v, "side"));
    if (sid != "left" && sid != "right" && sid != "middle") fail(where + ".side", "must be left, right or middle");
    r.mark = {*reg, *enum_from_id<Side>(sid)};
    const Value& pts = member(where, v, "points");
    if (!pts.IsArray() || pts.Size() < 3 || pts.Size() > kMaxPoints) fail(where + ".points", "must be a list of 3 to 64 points");
    for (rapidjson::SizeType i = 0; i < pts.Size(); ++i) {
        const std::string w = where + ".points[" + std::to_string(i) + "]";
        if (!pts[i].IsArray() || pts[i].Size() != 2) fail(w, "must be [x, y]");
        r.points.push_back({number(w + "[0]", pts[i][0], 0, 1), number(w + "[1]", pts[i][1], 0, 1)});
    }
    // A simple polygon with an area: the app triangulates it for filling.
    double area = 0;
    const std::size_t n = r.points.size();
    for (std::size_t i = 0; i < n; ++i) {
        const OutlinePoint a = r.points[i], b = r.points[(i + 1) % n];
        area += static_cast<double>(a.x) * b.y - static_cast<double>(b.x) * a.y;
        for (std::size_t j = i + 2; j < n; ++j) {
            if (i == 0 && j == n - 1) continue;   // neighbours through the closing edge
            if (segments_cross(a, b, r.points[j], r.points[(j + 1) % n])) fail(where + ".points", "edges cross each other");
        }
    }
    if (std::abs(area) * 0.5 < 1e-4) fail(where + ".points", "encloses no area");
    r.x0 = r.x1 = r.points[0].x;
    r.y0 = r.y1 = r.points[0].y;
    for (const OutlinePoint& p : r.points) {
        r.x0 = std::min(r.x0, p.x), r.x1 = std::max(r.x1, p.x);
        r.y0 = std::min(r.y0, p.y), r.y1 = std::max(r.y1, p.y);
    }
    return r;
}

}  // namespace

BodyOutline load_body_outline_json(const std::string& json) {
    if (json.size() > kMaxFileBytes) fail("file", "larger than 256 KiB");
    if (const std::string bad = json_guard::number_problem(json); !bad.empty()) fail("file", bad);
    rapidjson::Document doc;
    doc.Parse(json.c_str(), json.size());
    if (doc.HasParseError())
        fail("file", std::string("not valid JSON (") + rapidjson::GetParseError_En(doc.GetParseError()) + " at byte " +
                         std::to_string(doc.GetErrorOffset()) + ")");
    if (!doc.IsObject()) fail("file", "must be a JSON object");
    check_keys("file", doc, {"format", "convention", "views"});
    const Value& format = member("file", doc, "format");
    if (!format.IsInt() || format.GetInt() != 1) fail("format", "must be 1");
    const Value& views = member("file", doc, "views");
    if (!views.IsArray()) fail("views", "must be a list");
    static constexpr const char* kIds[] = {"front", "back", "soles"};
    if (views.Size() != 3) fail("views", "must hold exactly front, back and soles");
    BodyOutline out;
    for (rapidjson::SizeType i = 0; i < views.Size(); ++i) {
        const std::string where = "views[" + std::to_string(i) + "]";
        const Value& v = views[i];
        if (!v.IsObject()) fail(where, "must be an object");
        check_keys(where, v, {"view", "caption", "aspect", "regions"});
        OutlineView ov;
        ov.id = text(where + ".view", member(where, v, "view"));
        if (ov.id != kIds[i]) fail(where + ".view", std::string("must be '") + kIds[i] + "' (front, back, soles in order)");
        ov.caption = text(where + ".caption", member(where, v, "caption"));
        ov.aspect = number(where + ".aspect", member(where, v, "aspect"), 0.2, 3.0);
        const Value& regs = member(where, v, "regions");
        if (!regs.IsArray() || regs.Empty() || regs.Size() > kMaxRegions) fail(where + ".regions", "must be a list of 1 to 64 regions");
        std::set<RegionMark> seen;
        for (rapidjson::SizeType j = 0; j < regs.Size(); ++j) {
            const std::string rw = where + ".regions[" + std::to_string(j) + "]";
            OutlineRegion r = region(rw, regs[j]);
            if (!seen.insert(r.mark).second) fail(rw, "repeats " + describe(r.mark));
            // Tap areas are the bounding boxes: two that overlap would make one
            // region steal the other's taps.
            for (const OutlineRegion& o : ov.regions) {
                const float ox = std::min(r.x1, o.x1) - std::max(r.x0, o.x0);
                const float oy = std::min(r.y1, o.y1) - std::max(r.y0, o.y0);
                if (ox > 1e-3f && oy > 1e-3f) fail(rw, "its tap area overlaps " + describe(o.mark) + "'s");
            }
            ov.regions.push_back(std::move(r));
        }
        out.views.push_back(std::move(ov));
    }
    return out;
}

BodyOutline load_body_outline_file(const std::string& path) {
    // Refused from its size before it is read (it was read whole first).
    AssetText file = read_asset_file(path, kMaxFileBytes);
    if (!file.error.empty()) throw BodyOutlineError("body map: " + file.error);
    const std::string& text = file.text;
    try {
        return load_body_outline_json(text);
    } catch (const BodyOutlineError& e) {
        throw BodyOutlineError(path + ": " + e.what());
    }
}

}  // namespace nd
