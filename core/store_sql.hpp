// Small RAII helpers over the SQLite C API, private to the store's .cpp files.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "model.hpp"
#include "store_error.hpp"

namespace nd::sql {

[[noreturn]] inline void fail(sqlite3* db, const std::string& what) {
    throw StoreError(what + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
}

inline void exec(sqlite3* db, const char* sql, const char* what) {
    char* err = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
        std::string msg = err ? err : sqlite3_errmsg(db);
        sqlite3_free(err);
        throw StoreError(std::string(what) + ": " + msg);
    }
}

// A prepared statement. Parameters are bound in order with bind(); step() returns
// true while there is a row; done() runs a statement that returns no rows.
class Stmt {
public:
    Stmt(sqlite3* db, const std::string& sql) : db_(db) {
        if (sqlite3_prepare_v2(db, sql.c_str(), static_cast<int>(sql.size()), &st_, nullptr) != SQLITE_OK)
            fail(db, "Could not prepare a database statement");
    }
    ~Stmt() { sqlite3_finalize(st_); }
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;

    Stmt& bind(std::int64_t v) { return check(sqlite3_bind_int64(st_, ++n_, v)); }
    Stmt& bind(int v) { return bind(std::int64_t{v}); }
    Stmt& bind(bool v) { return bind(std::int64_t{v ? 1 : 0}); }
    Stmt& bind(double v) { return check(sqlite3_bind_double(st_, ++n_, v)); }
    Stmt& bind(const std::string& v) {
        return check(sqlite3_bind_text(st_, ++n_, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT));
    }
    Stmt& bind(const char* v) { return bind(std::string(v)); }
    Stmt& bind_null() { return check(sqlite3_bind_null(st_, ++n_)); }
    template <class T>
    Stmt& bind(const std::optional<T>& v) {
        return v ? bind(*v) : bind_null();
    }
    template <class T, class... R>
    Stmt& bind_all(const T& first, const R&... rest) {
        bind(first);
        if constexpr (sizeof...(rest) > 0) bind_all(rest...);
        return *this;
    }

    // Ready to run again with new parameters.
    Stmt& reset() {
        sqlite3_reset(st_);
        sqlite3_clear_bindings(st_);
        n_ = 0;
        return *this;
    }

    bool step() {
        const int rc = sqlite3_step(st_);
        if (rc == SQLITE_ROW) return true;
        if (rc == SQLITE_DONE) return false;
        fail(db_, "A database operation failed");
    }
    void done() {
        while (step()) {
        }
    }

    bool is_null(int col) const { return sqlite3_column_type(st_, col) == SQLITE_NULL; }
    std::int64_t i64(int col) const { return sqlite3_column_int64(st_, col); }
    int i32(int col) const { return sqlite3_column_int(st_, col); }
    double real(int col) const { return sqlite3_column_double(st_, col); }
    std::string text(int col) const {
        const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st_, col));
        return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(st_, col))) : std::string();
    }
    // The column's text without a copy: valid until the next step(), reset() or
    // another conversion of the same column (sqlite3_column_text).
    std::string_view view(int col) const {
        const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st_, col));
        return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(st_, col))) : std::string_view();
    }
    // Assigns the column's text to `out`, reusing its buffer (no temporary string).
    void text_into(int col, std::string& out) const { out.assign(view(col)); }
    std::optional<std::int64_t> opt_i64(int col) const {
        return is_null(col) ? std::nullopt : std::optional<std::int64_t>(i64(col));
    }
    std::optional<std::int32_t> opt_i32(int col) const {
        return is_null(col) ? std::nullopt : std::optional<std::int32_t>(i32(col));
    }

private:
    Stmt& check(int rc) {
        if (rc != SQLITE_OK) fail(db_, "Could not bind a database value");
        return *this;
    }
    sqlite3* db_;
    sqlite3_stmt* st_ = nullptr;
    int n_ = 0;
};

// Statements prepared once and reused for a run of many writes (update_diary
// restoring or merging 100k records; a streaming import): preparing is most of
// the cost of a one-row INSERT. Lives no longer than its connection.
class StmtCache {
public:
    explicit StmtCache(sqlite3* db) : db_(db) {}
    // The statement for `sql`, prepared on first use, reset for new parameters.
    Stmt& get(const std::string& sql) {
        auto& p = stmts_[sql];
        if (!p) p = std::make_unique<Stmt>(db_, sql);
        else p->reset();
        return *p;
    }

private:
    sqlite3* db_;
    std::map<std::string, std::unique_ptr<Stmt>> stmts_;
};

// One write transaction (BEGIN IMMEDIATE); rolled back unless commit() succeeds.
// Inside a transaction already open (Store::batch: several calls as one) it is a
// savepoint of it instead: its commit releases the savepoint and only the outer
// transaction's commit writes; a failure rolls back to the savepoint.
class Txn {
public:
    explicit Txn(sqlite3* db) : db_(db), nested_(sqlite3_get_autocommit(db) == 0) {
        exec(db, nested_ ? "SAVEPOINT nd_part" : "BEGIN IMMEDIATE", "Could not start saving to the diary");
    }
    ~Txn() {
        if (done_) return;
        if (nested_)
            sqlite3_exec(db_, "ROLLBACK TO nd_part; RELEASE nd_part", nullptr, nullptr, nullptr);
        else
            sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    }
    Txn(const Txn&) = delete;
    Txn& operator=(const Txn&) = delete;
    void commit() {
        exec(db_, nested_ ? "RELEASE nd_part" : "COMMIT", "Could not save to the diary");
        done_ = true;
    }

private:
    sqlite3* db_;
    bool nested_;
    bool done_ = false;
};

}  // namespace nd::sql

// Row writers shared by the per-record calls and replace_diary (store_records.cpp).
// `replace` overwrites a row with the same id; otherwise an existing id is an error.
// With a `cache`, each statement is prepared once for the whole run of writes.
namespace nd::rows {
void write(sqlite3* db, const Episode& e, bool replace, sql::StmtCache* cache = nullptr);
void write(sqlite3* db, const CheckIn& c, bool replace, sql::StmtCache* cache = nullptr);
void write(sqlite3* db, const BackgroundFact& f, bool replace, sql::StmtCache* cache = nullptr);
void write(sqlite3* db, const Medicine& m, bool replace, sql::StmtCache* cache = nullptr);
void write(sqlite3* db, const Profile& p);
void write(sqlite3* db, const Tombstone& t, sql::StmtCache* cache = nullptr);
void write(sqlite3* db, const QuestionnaireResponse& r, bool replace,
           sql::StmtCache* cache = nullptr);  // store_questionnaires.cpp
}  // namespace nd::rows

namespace nd::store_detail {
// PRAGMA wal_checkpoint(TRUNCATE), best effort (store.cpp).
void flush_erased(sqlite3* db);
}  // namespace nd::store_detail
