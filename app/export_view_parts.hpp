// What the Export page (view_export.cpp) and its restore half (view_restore.cpp)
// share: a few drawing helpers and the restore steps. App-internal.
#pragma once

#include <string>

#include "app_state.hpp"
#include "background_job.hpp"
#include "export_actions.hpp"
#include "export_page_state.hpp"

namespace nd::app {

std::string folder_of(AppState& s, const ExportPageState& pg);   // the chosen folder, else Documents
void danger_text(const std::string& text);
void step_heading(AppState& s, int n, const char* text);          // "1  What would you like to make?"
bool password_field(AppState& s, const char* label, std::string& value, const char* hint);
// A running job's step in words, its progress bar and its Cancel button (`key`:
// the button's test name, "export:cancel" / "restore:cancel").
void draw_job_progress(AppState& s, JobControl& job, const char* key);

// Starts one of the page's jobs (s.export_job, s.restore_job) on a worker with its own
// connection to the open diary (background_job.hpp), held by s.job_gate in tests.
template <class T, class Work>
void start_page_job(AppState& s, BackgroundJob<T>& job, Work work) {
    job.start(s.services, s.store, std::move(work), ThreadPriority::Normal, s.job_gate);
}

// A job that was cancelled or failed (its result not ok): says so in `error` on the page
// and in a toast ("Nothing was <done>"), and returns true; false when it succeeded.
// `message`: the failed result's own words. The toast also keeps the window drawing a
// little longer, so the card that grew to hold the message is measured again.
template <class T>
bool says_job_ended_early(AppState& s, const JobOutcome<T>& o, const std::string& (*message)(const T&),
                          std::string& error, const char* cancelled_text, const char* done) {
    if (o.cancelled) {
        error = cancelled_text;
        s.show_toast(std::string("Cancelled: nothing was ") + done, 4.0);
        return true;
    }
    if (o.value && o.value->ok) return false;
    error = o.value ? message(*o.value) : o.error + " Nothing was " + done + ".";
    s.show_toast(std::string("Nothing was ") + done, 4.0);
    return true;
}

// Takes the Export page's finished jobs' outcomes into the app state (App::frame
// calls it every frame, whichever page is open: a restore reloads the diary).
void poll_export_jobs(AppState& s, ExportPageState& pg);
void finish_restore(AppState& s, ExportPageState& pg, JobOutcome<RestoreOutcome>& outcome);

// The restore half of the page (view_restore.cpp).
void pick_restore_file(AppState& s, ExportPageState& pg, const std::string& path);
void run_restore(AppState& s, ExportPageState& pg);
void draw_restore(AppState& s, ExportPageState& pg);

}  // namespace nd::app
