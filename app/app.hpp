// The application: owns the diary stores and the AppState, and draws one frame.
// The platform shell owns the window and the loop and calls, in order:
//   on_start() once; then per frame: if (fonts_dirty()) rebuild_fonts() and
//   re-upload the atlas; NewFrame; frame(); Render; and on_exit() at the end.
// Tests call the same functions on a headless ImGui context.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <memory>
#include <string>
#include <thread>

#include "all_page_states.hpp"   // the App owns every page's state (App::pages); tests reach them here
#include "app_state.hpp"
#include "background_job.hpp"
#include "diary_watch.hpp"
#include "diary_health.hpp"
#include "services.hpp"

namespace nd {
class Store;
}

namespace nd::app {

// A rectangle in the display's pixels (ImGui's coordinates: what the shell draws in).
struct ScreenRect {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

class App {
public:
    explicit App(Services& services);
    ~App();
    App(const App&) = delete;
    App& operator=(const App&) = delete;

    // Opens the person's diary file. A file that cannot be opened (not a diary,
    // another app's, a newer version, damaged) is left untouched and the window
    // shows a full-page explanation instead of the views.
    void open_diary(const std::string& path);
    // Uses a store opened elsewhere (tests: Store::open_in_memory()).
    void use_store(std::unique_ptr<Store> store);

    // Loads the catalog and the settings; display_scale is the HiDPI content scale.
    void on_start(float display_scale = 1.0f);
    void frame();
    void on_exit();

    // True when the last frame() laid everything out where the one before did
    // (settle.hpp): every window's place, size, content size and scroll, and the page.
    bool layout_settled() const { return settled_; }

    bool fonts_dirty() const { return state_.fonts_dirty; }
    void rebuild_fonts();
    void set_display_scale(float scale);

    void go_to(Page p);
    AppState& state() { return state_; }
    PageStates& pages() { return pages_; }   // what each page remembers (page_states.hpp)
    DiaryHealth& health() { return health_; }
    // Phone tab bar: 0 icons with page titles, 1 icons with short labels, 2 icons alone.
    int tab_bar_mode() const { return tab_bar_mode_; }
    // Where the last frame() drew the toast ("Saved to your diary."), or nothing
    // when it showed none: the web page puts its storage status below it.
    std::optional<ScreenRect> toast_rect() const { return toast_rect_; }
    // Waits for the after-first-frame check and backup and applies their result
    // (tests; the shell's exit). A no-op when none is running.
    void finish_background_work();

    // Another process (the command line, a merge) may change the open diary: with
    // the watch on, the app notices within kOutsideCheckInterval and reloads it,
    // keeping the draft on the Log page. Off by default (tests, the web build);
    // the desktop platform turns it on.
    static constexpr std::chrono::milliseconds kOutsideCheckInterval{500};
    void watch_outside_changes(bool on);
    // Called every frame; checks at most every kOutsideCheckInterval (or now, when
    // `check_now`). True when the diary was reloaded, or (with threads) when its
    // reload began: the new diary is read on a worker with its own connection and
    // swapped in by a later frame (diary_loading() until then).
    bool reload_if_changed_elsewhere(bool check_now = false);

    // A large diary opens in two steps (issue #19): the first frame is drawn from
    // the newest weeks (AppState::diary_partial), and the whole diary is read on a
    // worker after it and swapped in. True while such a read is under way.
    bool diary_loading() const { return load_job_.active(); }
    // The episodes of the newest weeks, read before the first frame.
    static constexpr int kFirstFrameWeeks = 8;
    // True while work that will change what is drawn runs in the background (a
    // load, an export, a restore): the shell keeps drawing frames.
    bool busy() const;
    // Tests and the benchmark: waits for a background load and swaps it in.
    void finish_diary_load();

private:
    std::optional<Page> drawn_page_;   // the page drawn last frame: another one opens at its top
    void attach(Store* store);
    void handle_requests();
    void open_demo();
    void leave_demo();
    void handle_shortcuts();
    void draw_side_nav(float width, float height);
    void draw_tab_bar(float y, float width, float height);
    float tab_bar_height() const;
    float side_nav_width() const;
    void draw_page_header();
    void draw_page(Page p);
    void draw_toast(float bottom_y);
    void after_frame();
    void apply_health_report(const HealthReport& report);
    void mark_damaged(const std::string& why);
    void restore_offered_backup();
    void start_diary_load();
    void poll_diary_load(bool wait = false);
    bool open_first_weeks();
    void back_up_now();

    Services& services_;
    AppState state_;
    PageStates pages_;                  // each page's state, handed to its view (connect_pages)
    std::unique_ptr<Store> main_store_;
    bool watch_on_ = false;
    std::unique_ptr<DiaryWatch> watch_;   // on the attached store's file
    std::chrono::steady_clock::time_point last_outside_check_{};
    std::unique_ptr<Store> demo_store_;
    std::string diary_path_;            // the person's diary file (not the demo)
    DiaryHealth health_;
    HealthCheckRunner health_runner_;
    bool health_check_started_ = false;
    BackgroundJob<Diary> load_job_;          // the whole diary, read on a worker
    const Store* load_job_store_ = nullptr;  // the store it was read for
    std::uint64_t load_job_revision_ = 0;    // state_.revision when it began
    bool load_again_ = false;                // a change came while it ran: read again
    bool full_load_pending_ = false;         // open_diary drew from the newest weeks; load after the first frame
    int frames_drawn_ = 0;
    std::thread freer_;                      // lets a replaced snapshot go off the UI thread
    int tab_bar_mode_ = 0;
    std::optional<ScreenRect> toast_rect_;   // set by draw_toast each frame
    std::uint64_t layout_hash_ = 0;     // of the last frame's layout (layout_settled)
    bool settled_ = false;
    std::uint64_t layout_signature() const;
};

}  // namespace nd::app
