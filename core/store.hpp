// The diary's durable store: one SQLite file (WAL, synchronous=FULL). Every
// mutating call is one transaction and is on disk when it returns; nothing waits
// in memory for a save. Errors throw StoreError with a message fit for a person.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "model.hpp"
#include "store_error.hpp"

struct sqlite3;

namespace nd {

// A half-open range of UTC seconds [from, to); unset ends are open.
struct TimeRange {
    std::optional<std::int64_t> from;
    std::optional<std::int64_t> to;
};

class Store {
public:
    // Opens (creating it when missing) the diary at `path`. Refuses, with a clear
    // StoreError and without touching the file: a file that is not SQLite, a
    // SQLite file of another application (application_id), a diary from a newer
    // version of the app, a file failing quick_check (StoreDamagedError).
    // With OpenCheck::Deferred the quick_check is skipped: the caller must run it
    // soon (quick_check(), or nd::check_and_back_up on another thread).
    static std::unique_ptr<Store> open(const std::string& path, OpenCheck check = OpenCheck::QuickCheckNow);
    // Opens an existing diary read-only, for checking (`numbness-diary-cli check`, backups):
    // nothing is written, to the file or beside it (no -wal or -shm created, no
    // checkpoint); a missing or empty file is refused, never created. The same
    // refusals as open(), with quick_check. A diary of an older schema is read
    // into memory and migrated there, so it loads like a current one.
    static std::unique_ptr<Store> open_read_only(const std::string& path);
    // An in-memory diary (tests, demo previews).
    static std::unique_ptr<Store> open_in_memory();
    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    const std::string& path() const { return path_; }
    // Replaces the clock used for created/updated/deleted times (tests).
    void set_clock(std::function<std::int64_t()> clock) { clock_ = std::move(clock); }
    std::int64_t now() const { return clock_(); }

    // ---- Episodes ----
    // Adds a new episode; assigns an id when empty, sets created/updated. Returns it as stored.
    Episode add_episode(Episode e);
    // Replaces an existing episode (by id); bumps updated_utc. Throws when missing.
    Episode update_episode(Episode e);
    std::optional<Episode> episode(const std::string& id) const;
    // Episodes by start time, oldest first; deleted ones only when asked.
    std::vector<Episode> episodes(const TimeRange& range = {}, bool include_deleted = false) const;
    // Every episode, the bin included, in the same order, handed to `visit` one at a
    // time and not kept: a check of every record (store_validate.hpp) without a
    // second diary in memory.
    void for_each_episode(const std::function<void(const Episode&)>& visit) const;
    // The live episodes other than `e` that began before it (by start, then id), read
    // with only id, start, regions and the spread's fields (the rest left at their
    // defaults, notes not read), oldest first: those that began at most
    // `window_seconds` before `e` (a range of the start index), and with `with_paths`
    // every one that spread from where `e` spread from (both unknown counts as the
    // same; this reads the whole table). What red_flags_for(e, store) needs of the
    // history (core/red_flags.cpp), without loading the diary.
    std::vector<Episode> red_flag_history(const Episode& e, std::int64_t window_seconds, bool with_paths) const;
    // Moves to the bin (sets deleted_utc); undo with restore_episode.
    void delete_episode(const std::string& id);
    void restore_episode(const std::string& id);
    // Ends a "still going" episode now (duration = now - start).
    Episode end_episode(const std::string& id);

    // ---- Check-ins (one per local date; putting a date again replaces it) ----
    CheckIn put_checkin(CheckIn c);
    std::optional<CheckIn> checkin(const LocalDate& date) const;
    std::vector<CheckIn> checkins(bool include_deleted = false) const;
    // Every check-in, the bin included, in the same order as checkins(true), one at a
    // time and not kept (as for_each_episode: store_validate.hpp).
    void for_each_checkin(const std::function<void(const CheckIn&)>& visit) const;
    void delete_checkin(const std::string& id);
    void restore_checkin(const std::string& id);

    // ---- Health background ----
    Profile profile() const;
    void set_profile(Profile p);
    BackgroundFact put_fact(BackgroundFact f);        // add (empty id) or replace
    std::vector<BackgroundFact> facts(bool include_deleted = false) const;
    void delete_fact(const std::string& id);
    void restore_fact(const std::string& id);
    Medicine put_medicine(Medicine m);
    std::vector<Medicine> medicines(bool include_deleted = false) const;
    void delete_medicine(const std::string& id);
    void restore_medicine(const std::string& id);

    // ---- Questionnaire responses (store_questionnaires.cpp) ----
    // Adds (empty id) or replaces a response, keeping created and deleted times.
    QuestionnaireResponse put_questionnaire_response(QuestionnaireResponse r);
    std::optional<QuestionnaireResponse> questionnaire_response(const std::string& id) const;
    // Oldest first; deleted ones only when asked.
    std::vector<QuestionnaireResponse> questionnaire_responses(bool include_deleted = false) const;
    void delete_questionnaire_response(const std::string& id);
    void restore_questionnaire_response(const std::string& id);

    // ---- Bin and erasure ----
    // Erases for good the content of everything in the bin, leaving tombstones.
    void empty_bin();
    // Erases every record and tombstone; the file stays a valid, empty diary.
    void delete_all_data();

    // ---- Whole diary ----
    // Everything, including the bin and tombstones, in canonical order.
    Diary load_diary() const;
    // The tombstones of erased records, by id.
    std::vector<Tombstone> tombstones() const;
    // Replaces the whole content with `d` in one transaction (import / restore):
    // update_diary with a change that ignores what is there.
    void replace_diary(const Diary& d);
    // Reads the diary and writes the change `change` makes to it, both inside ONE
    // write transaction (BEGIN IMMEDIATE; store_update.cpp). So a save by another
    // process is never lost: one committed before the transaction began is in
    // `current`; one attempted meanwhile waits on the busy timeout and lands after.
    // Only the records that differ are written (deletes, then upserts), not the
    // whole diary. The result is normalized and must pass validate(). `change`
    // may throw to change nothing (the transaction rolls back).
    struct Update {
        Diary before;
        Diary after;
    };
    Update update_diary(const std::function<Diary(const Diary& current)>& change);
    // The streaming form for adding many new episodes (a CSV import of a million
    // rows; store_update.cpp): ONE write transaction in which `fill` calls `add`
    // for each episode, written at once (its statements prepared once), nothing
    // kept in memory. `add` returns "" when written, else why not: its id is
    // already in the diary (any record or tombstone), or was added earlier in
    // this same run, or the episode does not pass validate(). Commits only when
    // `fill` returns true; on false or an exception nothing is changed. Returns
    // how many episodes were written.
    using AddEpisode = std::function<std::string(const Episode& e)>;
    std::size_t add_episodes(const std::function<bool(const AddEpisode& add)>& fill);

    // Runs `steps` (calls on this store) as ONE write transaction: all of their
    // writes land together at the end, or none does (a throw from any of them, or
    // a failed commit, rolls every one back and is rethrown). For a user action
    // that changes several records, so that it and its undo are all or nothing
    // (store_batch.cpp).
    void batch(const std::function<void()>& steps);

    // ---- Settings (small key/value pairs the app keeps with the diary) ----
    std::optional<std::string> setting(const std::string& key) const;
    void set_setting(const std::string& key, const std::string& value);

    // Runs PRAGMA integrity_check; returns "ok" or the problems found.
    std::string integrity_check() const;
    // Runs PRAGMA quick_check (the faster check: no index cross-checks).
    std::string quick_check() const;
    // Writes a consistent copy of the diary into `dest`, which must be missing
    // or empty (VACUUM INTO). For builds where a second connection cannot open
    // the file (the web build locks it exclusively); see core/auto_backup.hpp.
    void vacuum_into(const std::string& dest) const;
    int schema_version() const;
    static int current_schema_version();

private:
    Store(sqlite3* db, std::string path);
    sqlite3* db_ = nullptr;
    std::string path_;
    std::function<std::int64_t()> clock_;
};

}  // namespace nd
