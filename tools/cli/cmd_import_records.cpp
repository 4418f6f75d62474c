// `numbness-diary-cli import-csv --what checkins|medicines|background FILE`: brings
// back the other record kinds that `export-csv --what ...` writes (core/csv_records.hpp).
// All or nothing, as for episodes: every row is checked first, then every record is
// written in one transaction (Store::batch), so a problem, or a record the diary
// already holds, leaves the diary as it was. A record already in the diary is never
// overwritten: the person's own newer entry could be lost (restore --merge is the
// tool that weighs two versions of one record).
#include <functional>
#include <iostream>
#include <memory>
#include <optional>
#include <set>

#include "cli.hpp"
#include "csv_records.hpp"

namespace ndcli {

namespace {

// These files are small (a daily check-in for ninety years is about 4 MB); the cap
// bounds what a hostile file can cost, since these readers take the whole text.
constexpr std::size_t kRecordsCsvMaxBytes = 4u * 1024 * 1024;
constexpr std::size_t kShownClashes = 20;

std::string count(std::size_t n, const std::string& one, const std::string& many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

template <class T>
void print_problems(const nd::CsvRecords<T>& r) {
    nd::CsvImportResult as_result;   // format_problems's shape: one line per problem
    as_result.problems = r.problems;
    as_result.truncated = r.truncated;
    std::cerr << nd::format_problems(as_result);
}

template <class T>
std::vector<T> checked(const nd::CsvRecords<T>& r, const std::string& path, const char* noun_plural) {
    if (!r.ok()) {
        print_problems(r);
        throw CliError(path + ": " + count(r.problems.size(), "problem", "problems") + (r.truncated ? " (and more)" : "") +
                       " (listed above); nothing was imported");
    }
    if (r.records.empty()) throw CliError(path + " holds no " + noun_plural + "; nothing was imported");
    return r.records;
}

[[noreturn]] void refuse_clashes(const std::vector<std::string>& clashes, std::size_t total, const std::string& path,
                                 const std::string& noun) {
    for (const auto& c : clashes) std::cerr << c << "\n";
    if (total > clashes.size()) std::cerr << "(and " << (total - clashes.size()) << " more)\n";
    throw CliError(path + ": " + count(total, noun + " is", noun + "s are") +
                   " already in the diary (listed above); nothing was imported. To combine two diaries, use "
                   "'numbness-diary-cli restore --merge'");
}

// Adds every record of `records` in one transaction unless `clash_of` names one the
// diary already holds (it is called inside the transaction). Returns how many were added.
template <class T, class ClashOf, class Put>
std::size_t add_all(nd::Store& store, const std::vector<T>& records, const std::string& path, const std::string& noun,
                    ClashOf clash_of, Put put) {
    std::vector<std::string> clashes;
    std::size_t clash_count = 0;
    store.batch([&] {
        for (const T& r : records) {
            if (std::string why = clash_of(r); !why.empty()) {
                if (clashes.size() < kShownClashes) clashes.push_back(why);
                ++clash_count;
            }
        }
        if (clash_count > 0) return;   // nothing written: the batch commits no change
        for (const T& r : records) put(r);
    });
    if (clash_count > 0) refuse_clashes(clashes, clash_count, path, noun);
    return records.size();
}

// The ids a record kind already has (the bin included), read at the first call:
// inside add_all's transaction, so a save made meanwhile by another process is seen.
template <class T>
class KnownIds {
public:
    explicit KnownIds(std::function<std::vector<T>()> read) : read_(std::move(read)) {}
    bool has(const std::string& id) {
        if (!ids_) {
            ids_.emplace();
            for (const auto& r : read_()) ids_->insert(r.id);
        }
        return !id.empty() && ids_->count(id) > 0;
    }

private:
    std::function<std::vector<T>()> read_;
    std::optional<std::set<std::string>> ids_;
};

// Opens the diary and adds `records` all or nothing: refused when one's id is
// already in the diary (`label` names a record in the message) or when
// `other_clash` finds another reason (it returns the message, or nothing).
// Returns the store, so the caller can name the diary it wrote to.
template <class T, class ReadAll, class Label, class OtherClash, class Put>
std::unique_ptr<nd::Store> import_records(Context& ctx, const std::vector<T>& records, const std::string& path,
                                          const std::string& noun, ReadAll read_all, Label label,
                                          OtherClash other_clash, Put put) {
    auto store = ctx.open_store();
    KnownIds<T> ids([&] { return read_all(*store); });
    add_all(
        *store, records, path, noun,
        [&](const T& r) -> std::string {
            if (ids.has(r.id)) return label(r) + ": this id is already in the diary";
            return other_clash(*store, r);
        },
        [&](const T& r) { put(*store, r); });
    return store;
}

constexpr auto no_other_clash = [](nd::Store&, const auto&) { return std::string(); };

}  // namespace

int run_import_records(const std::string& what, const std::string& path, Context& ctx) {
    if (what != "checkins" && what != "medicines" && what != "background")
        throw UsageError("--what: '" + what + "' is not episodes, checkins, medicines or background");
    const std::string text = read_file(path, kRecordsCsvMaxBytes);   // before the diary is opened
    std::unique_ptr<nd::Store> store;
    std::size_t added = 0;
    std::string noun;
    if (what == "checkins") {
        const auto records = checked(nd::csv_to_checkins(text), path, "check-ins");
        std::set<std::string> dates;   // one check-in per day: a file with a day twice is refused whole
        for (const auto& c : records)
            if (!dates.insert(c.date).second)
                throw CliError(path + ": the day " + c.date + " has two check-ins in the file; nothing was imported");
        noun = "check-in";
        added = records.size();
        store = import_records(
            ctx, records, path, noun, [](nd::Store& s) { return s.checkins(true); },
            [](const nd::CheckIn& c) { return "Check-in " + c.id + " (" + c.date + ")"; },
            [](nd::Store& s, const nd::CheckIn& c) -> std::string {
                if (s.checkin(c.date)) return "Check-in of " + c.date + ": the diary already has a check-in for that day";
                return {};
            },
            [](nd::Store& s, const nd::CheckIn& c) { s.put_checkin(c); });
    } else if (what == "medicines") {
        const auto records = checked(nd::csv_to_medicines(text), path, "medicines");
        noun = "medicine";
        added = records.size();
        store = import_records(
            ctx, records, path, noun, [](nd::Store& s) { return s.medicines(true); },
            [](const nd::Medicine& m) { return "Medicine " + m.id + " (" + m.name + ")"; },
            no_other_clash, [](nd::Store& s, const nd::Medicine& m) { s.put_medicine(m); });
    } else {
        const auto records = checked(nd::csv_to_background(text), path, "background facts");
        noun = "background fact";
        added = records.size();
        store = import_records(
            ctx, records, path, noun, [](nd::Store& s) { return s.facts(true); },
            [](const nd::BackgroundFact& f) { return "Background fact " + f.id; },
            no_other_clash, [](nd::Store& s, const nd::BackgroundFact& f) { s.put_fact(f); });
    }
    std::cout << "Imported " << count(added, noun, noun + "s") << " from " << path << " into " << store->path()
              << "\n";
    return 0;
}

}  // namespace ndcli
