// Writes the fuzzers' seed corpus: small valid inputs of each format and a few
// classic hostile ones. Usage: fuzz_make_seeds tests/fuzz/corpus
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "catalog.hpp"
#include "csv_export.hpp"
#include "serialization.hpp"
#include "store.hpp"
#include "workload.hpp"
#include "backup.hpp"

namespace fs = std::filesystem;

static void put(const fs::path& dir, const std::string& name, const std::string& bytes) {
    fs::create_directories(dir);
    std::ofstream(dir / ("seed-" + name), std::ios::binary) << bytes;
}

int main(int argc, char** argv) {
    if (argc != 2) return 2;
    const fs::path root = argv[1];
    nd::Diary small;
    small.profile = {"Seed", "1970-01-01", ndrel::kClock};
    for (std::uint64_t i = 0; i < 3; ++i) {
        nd::Episode e = ndrel::make_episode(i * 7 + 2);
        e.note = "n" + std::to_string(i);
        e.created_utc = e.updated_utc = ndrel::kClock;
        small.episodes.push_back(e);
    }
    nd::CheckIn c = ndrel::make_checkin(3);
    c.created_utc = c.updated_utc = ndrel::kClock;
    small.checkins.push_back(c);
    small.facts.push_back({ndrel::episode_id(900), nd::FactKind::AlcoholUse, "wine", "2019-06-01", 4.0, ndrel::kClock,
                           ndrel::kClock, std::nullopt});
    small.tombstones.push_back({ndrel::episode_id(901), "episode", ndrel::kClock});
    nd::normalize(small);

    put(root / "json", "small", nd::diary_to_json(small));
    put(root / "json", "empty", nd::diary_to_json(nd::Diary{}));
    put(root / "json", "nan", "{\"diary\": {\"x\": NaN}}");
    put(root / "binary", "small", nd::diary_to_binary(small));
    put(root / "binary", "empty", nd::diary_to_binary(nd::Diary{}));
    put(root / "csv", "small", nd::diary_to_csv(small));
    put(root / "csv", "nobom", nd::diary_to_csv(small, {false}));
    put(root / "csv", "few-columns", "start,numbness,regions,note\n2026-03-01 08:30,4,left:toes;right:toes,\"a, b\"\n");
    put(root / "catalog", "minimal",
        R"({"version": 1, "causes": [{"id": "posture", "name": "Posture", "summary": "A position held too long.",
  "where": ["w"], "feels_like": ["f"], "brought_on_by": ["b"], "relieved_by": ["r"], "course": ["c"],
  "risk_factors": [], "against": [], "serious": false, "urgency": "", "sources": [{"title": "t", "url": ""}],
  "rules": [{"feature": "region", "values": ["toes"], "weight": 2, "says": "in the toes"}], "log_next": ["x"]}]})");
    put(root / "backup", "plain", nd::write_backup(small));
    nd::BackupOptions o;
    o.password = "fuzz";
    o.kdf = {nd::kMinKdfOps, nd::kMinKdfMem};
    put(root / "backup", "encrypted", nd::write_backup(small, o));
    put(root / "backup", "legacy", nd::diary_to_json(small));
    {
        // fuzz_kdf's input: a control byte (1: fix the length), the 88 header bytes
        // before the checksum, the payload (fuzz_inputs.hpp).
        const std::string enc = nd::write_backup(small, o);
        auto kdf_seed = [&](std::uint64_t ops, std::uint64_t mem) {
            std::string h = enc.substr(0, 88);
            for (int i = 0; i < 8; ++i) h[32 + i] = static_cast<char>((ops >> (8 * i)) & 0xff);
            for (int i = 0; i < 8; ++i) h[40 + i] = static_cast<char>((mem >> (8 * i)) & 0xff);
            return std::string("\x01") + h + enc.substr(120);
        };
        put(root / "kdf", "encrypted-min", kdf_seed(nd::kMinKdfOps, nd::kMinKdfMem));
        put(root / "kdf", "forged-1gib", kdf_seed(3, std::uint64_t{1} << 30));
        put(root / "kdf", "forged-ops", kdf_seed(1000000, nd::kMinKdfMem));
        put(root / "kdf", "just-above", kdf_seed(3, nd::kMaxKdfMem + 1));
        put(root / "kdf", "old-256mib", kdf_seed(3, nd::kMaxKdfMem));
        put(root / "kdf", "mem-zero", kdf_seed(1, 0));
        const std::string plain = nd::write_backup(small);
        put(root / "kdf", "plain", std::string("\x01") + plain.substr(0, 24) + plain.substr(56));
    }
    // fuzz_csv_header's input: the header row (fuzz_inputs.hpp adds the rows).
    {
        std::string all;
        for (const char* c : nd::kCsvColumns) all += std::string(all.empty() ? "" : ",") + c;
        put(root / "csv_header", "all-columns", all);
        put(root / "csv_header", "bom", "\xEF\xBB\xBFstart,numbness,regions,sensations");
        put(root / "csv_header", "few", "start,numbness,regions,sensations");
        put(root / "csv_header", "twice", "start,START, numbness ,numbness");
        put(root / "csv_header", "unknown", "start,\"unknown, quoted\",\xff\xfe,note");
        std::string wide = "start";
        for (int i = 0; i < 400; ++i) wide += ",col" + std::to_string(i);
        put(root / "csv_header", "wide", wide);
        put(root / "csv_header", "long-name", "start," + std::string(5000, 'x'));
        put(root / "csv_header", "unclosed-quote", "start,\"numbness");
    }
    {
        const std::string db = (fs::temp_directory_path() / "nd-seed-store.db").string();
        fs::remove(db);
        {
            auto s = nd::Store::open(db);
            s->set_clock([] { return ndrel::kClock; });
            s->replace_diary(small);
        }
        std::ifstream in(db, std::ios::binary);
        put(root / "store", "small", std::string(std::istreambuf_iterator<char>(in), {}));
        fs::remove(db);
    }
    std::printf("seeds written to %s\n", root.c_str());
    return 0;
}
