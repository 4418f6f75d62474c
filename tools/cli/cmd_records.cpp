// `numbness-diary-cli list`, `show`, `delete`, `undo`, `empty-bin`.
#include <iostream>

#include "cli.hpp"
#include "time_util.hpp"

namespace ndcli {

namespace {

int run_list(const Args& a, Context& ctx) {
    std::optional<nd::LocalDate> from, to;
    if (auto v = a.get("--from")) from = parse_date("--from", *v, ctx);
    if (auto v = a.get("--to")) to = parse_date("--to", *v, ctx);
    if (from && to && *from > *to) throw UsageError("--from " + *from + " is after --to " + *to);
    const bool deleted = a.has("--deleted");
    const bool json = a.has("--json");
    auto store = ctx.open_existing_store();
    if (a.has("--checkins")) {
        std::size_t n = 0;
        std::vector<nd::CheckIn> shown;
        for (const auto& c : store->checkins(deleted)) {
            if ((from && c.date < *from) || (to && c.date > *to)) continue;
            if (json) {
                shown.push_back(c);
                continue;
            }
            std::cout << c.id << "  " << c.date << "  " << (c.no_numbness ? "no numbness" : "numbness")
                      << "  symptoms: " << (c.symptoms.empty() ? "-" : nd::join_ids(c.symptoms))
                      << (c.note.empty() ? "" : "  note: " + c.note) << (c.deleted_utc ? "  [in bin]" : "") << "\n";
            ++n;
        }
        if (json) std::cout << checkins_json(shown);
        else if (n == 0) std::cout << "(no check-ins)\n";
        return 0;
    }
    // Offsets span -14:00..+14:00: widen the query, then filter by each episode's local date.
    nd::TimeRange range;
    if (from) range.from = nd::local_midnight_utc(*from, 14 * 60);
    if (to) range.to = nd::local_midnight_utc(*to, -14 * 60) + 86400;
    std::size_t n = 0;
    std::vector<nd::Episode> shown;
    for (const auto& e : store->episodes(range, deleted)) {
        const auto day = nd::local_date(e.start);
        if ((from && day < *from) || (to && day > *to)) continue;
        if (json) shown.push_back(e);
        else std::cout << episode_line(e) << "\n";
        ++n;
    }
    if (json) std::cout << episodes_json(shown);
    else if (n == 0) std::cout << "(no episodes)\n";
    return 0;
}

int run_show(const Args& a, Context& ctx) {
    auto store = ctx.open_existing_store();
    const auto ref = find_record(*store, a.positional[0]);
    if (a.has("--json")) {
        std::cout << record_json(*store, ref);
        return 0;
    }
    const char* bin = ref.deleted ? "  [in bin]" : "";
    switch (ref.kind) {
        case RecordKind::Episode: print_episode(*store->episode(ref.id), std::cout); break;
        case RecordKind::CheckIn:
            for (const auto& c : store->checkins(true)) {
                if (c.id != ref.id) continue;
                std::cout << "Check-in     " << c.id << bin << "\nDate         " << c.date << "\nNo numbness  "
                          << (c.no_numbness ? "yes" : "no") << "\nSymptoms     "
                          << (c.symptoms.empty() ? "-" : nd::join_ids(c.symptoms)) << "\n";
                if (!c.note.empty()) std::cout << "Note         " << c.note << "\n";
            }
            break;
        case RecordKind::Fact:
            for (const auto& f : store->facts(true)) {
                if (f.id != ref.id) continue;
                std::cout << "Fact         " << f.id << bin << "\nKind         " << nd::enum_id(f.kind) << " ("
                          << nd::enum_label(f.kind) << ")\nDetail       " << f.detail << "\nSince        "
                          << (f.since.empty() ? "-" : f.since) << "\n";
                if (f.amount) std::cout << "Amount       " << *f.amount << "\n";
            }
            break;
        case RecordKind::Medicine:
            for (const auto& m : store->medicines(true)) {
                if (m.id != ref.id) continue;
                std::cout << "Medicine     " << m.id << bin << "\nName         " << m.name << "\nDose         " << m.dose
                          << "\nWhen         " << m.when_taken << "\nSince        " << (m.since.empty() ? "-" : m.since)
                          << "\nHelped       " << nd::enum_id(m.helped) << "\n";
                if (!m.note.empty()) std::cout << "Note         " << m.note << "\n";
            }
            break;
    }
    return 0;
}

// Record erased for good? Say so rather than "not found".
void explain_missing(const nd::Store& store, const std::string& text) {
    if (text.size() < 4) return;
    for (const auto& t : store.load_diary().tombstones)
        if (t.id.compare(0, text.size(), text) == 0) throw CliError(t.kind + " " + t.id + " was erased for good when the bin was emptied; it cannot be restored");
}

int run_delete(const Args& a, Context& ctx) {
    auto store = ctx.open_store();
    const auto ref = find_record(*store, a.positional[0]);
    if (ref.deleted) throw CliError(std::string(kind_name(ref.kind)) + " " + ref.id + " is already in the bin");
    switch (ref.kind) {
        case RecordKind::Episode: store->delete_episode(ref.id); break;
        case RecordKind::CheckIn: store->delete_checkin(ref.id); break;
        case RecordKind::Fact: store->delete_fact(ref.id); break;
        case RecordKind::Medicine: store->delete_medicine(ref.id); break;
    }
    std::cout << "Moved " << kind_name(ref.kind) << " " << ref.id << " to the bin (undo: numbness-diary-cli undo " << ref.id << ")\n";
    return 0;
}

int run_undo(const Args& a, Context& ctx) {
    auto store = ctx.open_store();
    RecordRef ref;
    try {
        ref = find_record(*store, a.positional[0]);
    } catch (const CliError&) {
        explain_missing(*store, a.positional[0]);
        throw;
    }
    if (!ref.deleted) throw CliError(std::string(kind_name(ref.kind)) + " " + ref.id + " is not in the bin");
    switch (ref.kind) {
        case RecordKind::Episode: store->restore_episode(ref.id); break;
        case RecordKind::CheckIn: store->restore_checkin(ref.id); break;
        case RecordKind::Fact: store->restore_fact(ref.id); break;
        case RecordKind::Medicine: store->restore_medicine(ref.id); break;
    }
    std::cout << "Restored " << kind_name(ref.kind) << " " << ref.id << "\n";
    return 0;
}

int run_empty_bin(const Args& a, Context& ctx) {
    auto store = ctx.open_existing_store();
    std::size_t n = 0;
    for (const auto& e : store->episodes({}, true)) n += e.deleted_utc ? 1 : 0;
    for (const auto& c : store->checkins(true)) n += c.deleted_utc ? 1 : 0;
    for (const auto& f : store->facts(true)) n += f.deleted_utc ? 1 : 0;
    for (const auto& m : store->medicines(true)) n += m.deleted_utc ? 1 : 0;
    if (n == 0) {
        std::cout << "The bin is empty; nothing to erase\n";
        return 0;
    }
    const std::string question = "Erase the " + std::to_string(n) + (n == 1 ? " record" : " records") +
                                 " in the bin of " + store->path() + " for good? This cannot be undone.";
    if (!a.has("--yes") && !confirm(question)) {
        std::cout << "Nothing was erased\n";
        return 1;
    }
    store->empty_bin();
    std::cout << "Erased " << n << (n == 1 ? " record" : " records") << " from the bin for good\n";
    return 0;
}

}  // namespace

std::vector<Command> record_commands() {
    const std::string id_help =
        "ID is a full id or its first characters (at least 4), as shown by 'numbness-diary-cli list'.";
    return {
        {{"list", "", "List episodes (or check-ins), oldest first",
          "Dates are local calendar dates, both ends included.",
          {{"--from", "DATE", "first day: YYYY-MM-DD, today or yesterday"},
           {"--to", "DATE", "last day: YYYY-MM-DD, today or yesterday"},
           {"--deleted", "", "include records in the bin"},
           {"--checkins", "", "list daily check-ins instead of episodes"},
           {"--json", "", "machine-readable output (fields in docs/cli.md)"}},
          0, 0, {"numbness-diary-cli list", "numbness-diary-cli list --from 2026-01-01 --to 2026-01-31", "numbness-diary-cli list --from yesterday --json",
                 "numbness-diary-cli list --checkins --deleted"}},
         run_list},
        {{"show", "ID", "Show every field of an episode, check-in, fact or medicine", id_help,
          {{"--json", "", "machine-readable output (fields in docs/cli.md)"}}, 1, 1,
          {"numbness-diary-cli show 3f2a9c1e", "numbness-diary-cli show 3f2a9c1e --json"}},
         run_show},
        {{"delete", "ID", "Move a record to the bin (can be undone)", id_help, {}, 1, 1, {"numbness-diary-cli delete 3f2a9c1e"}},
         run_delete},
        {{"undo", "ID", "Restore a record from the bin", id_help, {}, 1, 1, {"numbness-diary-cli undo 3f2a9c1e"}}, run_undo},
        {{"empty-bin", "", "Erase everything in the bin for good",
          "Asks first (on a terminal); --yes answers for scripts. Only an id and the time of deletion stay\n"
          "behind, so that merges honour the delete.",
          {{"--yes", "", "do not ask: erase"}}, 0, 0, {"numbness-diary-cli empty-bin", "numbness-diary-cli empty-bin --yes"}},
         run_empty_bin},
    };
}

}  // namespace ndcli
