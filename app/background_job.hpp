// Slow work the UI thread must not wait for (issue #19): an export, a backup and
// the Argon2id step of its password, a restore or a merge, reading the whole
// diary again. A BackgroundJob runs it on a thread of its own that opens its OWN
// connection to the diary file (a SQLite connection is never shared between
// threads), reports how far it is and stops when asked. The UI polls it once a
// frame and takes the result back into the app state.
//
// Where there are no threads (Services::threads_available() is false: the web
// build), or the diary lives in memory so that a second connection cannot see it
// (tests' Store::open_in_memory), the same work runs at once, on the caller's
// thread and with the caller's Store: a job that is finished when start returns.
//
// Cancelling: the work calls JobControl::check() between its steps; after a
// cancel that throws JobCancelled, which rolls back an open transaction of the
// worker's own connection (Store::update_diary) and writes no file. What is
// already committed stays (a cancel that comes too late reports the result).
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>

#include "services.hpp"
#include "store.hpp"

namespace nd::app {

struct JobCancelled : std::runtime_error {
    JobCancelled() : std::runtime_error("Cancelled.") {}
};

// What a running job shares with the UI: how far it is, and whether to stop.
class JobControl {
public:
    // The work: a step begins ("Locking the backup with your password", 0.3).
    void stage(std::string words, float fraction) {
        std::lock_guard<std::mutex> lock(m_);
        words_ = std::move(words);
        fraction_ = fraction;
    }
    // The work: throws JobCancelled when the person pressed Cancel.
    void check() const {
        if (cancel_.load()) throw JobCancelled();
    }
    bool cancel_requested() const { return cancel_.load(); }
    // The UI side.
    void request_cancel() { cancel_.store(true); }
    float fraction() const {
        std::lock_guard<std::mutex> lock(m_);
        return fraction_;
    }
    std::string words() const {
        std::lock_guard<std::mutex> lock(m_);
        return words_;
    }

private:
    std::atomic<bool> cancel_{false};
    mutable std::mutex m_;
    std::string words_;
    float fraction_ = 0;
};

// Tests: a worker waits here before it starts its work, so a test can see the UI
// go on drawing and saving while a job is certainly still running. Open by default
// (no gate at all outside tests). The wait is bounded so a broken build fails
// instead of hanging.
class JobGate {
public:
    explicit JobGate(bool open = false) : open_(open) {}
    void open() {
        {
            std::lock_guard<std::mutex> lock(m_);
            open_ = true;
        }
        cv_.notify_all();
    }
    void wait() {
        std::unique_lock<std::mutex> lock(m_);
        cv_.wait_for(lock, std::chrono::seconds(20), [&] { return open_; });
    }

private:
    std::mutex m_;
    std::condition_variable cv_;
    bool open_;
};

// How a job ended.
template <class Result>
struct JobOutcome {
    std::optional<Result> value;   // set when the work finished
    bool cancelled = false;        // stopped by Cancel; its own work rolled back, nothing written
    std::string error;             // the work threw (not a cancel): why
};

template <class Result>
class BackgroundJob {
public:
    using Work = std::function<Result(Store&, JobControl&)>;

    BackgroundJob() = default;
    ~BackgroundJob() { wait(); }
    BackgroundJob(const BackgroundJob&) = delete;
    BackgroundJob& operator=(const BackgroundJob&) = delete;

    // True when start() would run `ui_store`'s work on a thread with its own
    // connection: threads exist, and the diary is a file another connection can open.
    static bool can_thread(Services* services, const Store* ui_store) {
        return services && services->threads_available() && ui_store && !ui_store->path().empty() &&
               ui_store->path() != ":memory:";
    }

    // Starts `work` (a job already running is waited for first: one at a time).
    void start(Services* services, Store* ui_store, Work work, ThreadPriority priority = ThreadPriority::Normal,
               std::shared_ptr<JobGate> gate = nullptr) {
        wait();
        shared_ = std::make_shared<Shared>();
        std::shared_ptr<Shared> sh = shared_;
        if (!can_thread(services, ui_store)) {
            threaded_ = false;
            if (!ui_store) {
                sh->outcome.error = "No diary is open.";
            } else {
                run(*sh, *ui_store, work);
            }
            sh->done.store(true);
            return;
        }
        threaded_ = true;
        const std::string path = ui_store->path();
        thread_ = std::thread([sh, path, work = std::move(work), services, priority, gate] {
            services->set_this_thread_priority(priority);
            if (gate) gate->wait();
            try {
                // Deferred: the file was checked when the app opened it; a worker
                // must not spend seconds on a whole-file check first.
                std::unique_ptr<Store> own = Store::open(path, OpenCheck::Deferred);
                run(*sh, *own, work);
            } catch (const std::exception& e) {
                sh->outcome.error = e.what();
            }
            sh->done.store(true);
        });
    }

    bool active() const { return shared_ != nullptr; }           // started, outcome not yet taken
    bool finished() const { return shared_ && shared_->done.load(); }
    bool threaded() const { return threaded_; }
    JobControl* control() { return shared_ ? &shared_->control : nullptr; }
    void cancel() {
        if (shared_) shared_->control.request_cancel();
    }

    // The outcome once the work is over (handed over once; the job is then idle).
    std::optional<JobOutcome<Result>> take() {
        if (!finished()) return std::nullopt;
        if (thread_.joinable()) thread_.join();
        JobOutcome<Result> out = std::move(shared_->outcome);
        shared_.reset();
        return out;
    }
    // Blocks until the work is over (leaving the app; tests). The outcome stays to take().
    void wait() {
        if (thread_.joinable()) thread_.join();
    }

private:
    struct Shared {
        JobControl control;
        JobOutcome<Result> outcome;
        std::atomic<bool> done{false};
    };
    static void run(Shared& sh, Store& store, const Work& work) {
        try {
            sh.control.check();
            sh.outcome.value = work(store, sh.control);
        } catch (const JobCancelled&) {
            sh.outcome.cancelled = true;
        } catch (const std::exception& e) {
            sh.outcome.error = e.what();
        }
    }

    std::shared_ptr<Shared> shared_;
    std::thread thread_;
    bool threaded_ = false;
};

}  // namespace nd::app
