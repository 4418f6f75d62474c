#include "app.hpp"

#include <algorithm>
#include <cstring>
#include <filesystem>

#include <imgui.h>
#include <imgui_internal.h>

#include "demo_diary.hpp"
#include "export_view_parts.hpp"
#include "fonts.hpp"
#include "icons.hpp"
#include "keyboard.hpp"
#include "store.hpp"
#include "theme.hpp"
#include "time_util.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace nd::app {

namespace {
constexpr float kNarrowBelow = 600.0f;   // phone layout under this window width (logical px)
constexpr ImGuiWindowFlags kRootFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                        ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
}  // namespace

App::App(Services& services) : services_(services) {
    state_.services = &services_;
    state_.health = &health_;
    connect_pages(state_, pages_);
}

App::~App() {
    if (freer_.joinable()) freer_.join();
}

void App::attach(Store* store) {
    full_load_pending_ = false;   // a load under way is for the store before: poll_diary_load drops it
    state_.store = store;
    watch_.reset();
    if (watch_on_ && store) watch_ = std::make_unique<DiaryWatch>(store->path());
    state_.undo_stack.clear();   // commands refer to the store they ran on
    state_.pending_red_flags.clear();
    pages_.reset_log();
    state_.refresh();
}

void App::watch_outside_changes(bool on) {
    watch_on_ = on;
    watch_.reset();
    if (on && state_.store) watch_ = std::make_unique<DiaryWatch>(state_.store->path());
}

bool App::reload_if_changed_elsewhere(bool check_now) {
    if (!watch_ || !state_.store) return false;
    const auto now = std::chrono::steady_clock::now();
    if (!check_now && now - last_outside_check_ < kOutsideCheckInterval) return false;
    last_outside_check_ = now;
    if (!watch_->changed()) return false;
    // With threads: read on a worker with its own connection, swapped in when
    // ready (poll_diary_load) as the OtherProcess reload would (drafts, the open
    // editor and the undo history stay): a 100k diary must not freeze the window.
    if (BackgroundJob<Diary>::can_thread(&services_, state_.store)) {
        start_diary_load();
        return true;
    }
    // The one place where a change made outside the app reloads the diary: the
    // shared reload step, which for OtherProcess keeps the Log draft, the open
    // editor and the undo history (their records are looked up by id again).
    state_.reload_all(ReloadReason::OtherProcess);
    return true;
}

void App::start_diary_load() {
    if (load_job_.active()) {
        load_again_ = true;   // what it reads may be from before this change
        return;
    }
    load_again_ = false;
    load_job_store_ = state_.store;
    load_job_revision_ = state_.revision;
    load_job_.start(
        &services_, state_.store, [](Store& store, JobControl&) { return store.load_diary(); }, ThreadPriority::Low);
}

void App::poll_diary_load(bool wait) {
    if (!load_job_.active()) return;
    if (wait) load_job_.wait();
    std::optional<JobOutcome<Diary>> o = load_job_.take();
    if (!o) return;
    if (state_.store != load_job_store_ || !state_.store) return;   // another diary is open now
    if (!o->value) {
        // The worker could not read it (busy past its timeout, a read error): read
        // it here, where an error is handled as any reload's.
        try {
            state_.refresh();
        } catch (const std::exception& e) {
            mark_damaged(std::string("Part of your diary cannot be read (") + e.what() + "). The file was not changed.");
        }
        return;
    }
    // A save made here meanwhile (it bumps the revision) may be missing from what
    // the worker read: read again rather than lose it from the window.
    if (load_again_ || state_.revision != load_job_revision_) {
        start_diary_load();
        if (wait) poll_diary_load(true);
        return;
    }
    // The old snapshot (100k episodes: tens of milliseconds of frees) is let go
    // on a thread of its own, not in this frame.
    auto old = std::make_shared<Diary>(std::move(state_.diary));
    state_.adopt_diary(std::move(*o->value));
    if (services_.threads_available()) {
        if (freer_.joinable()) freer_.join();
        freer_ = std::thread([old = std::move(old)]() mutable { old.reset(); });
    }
}

void App::finish_diary_load() {
    if (full_load_pending_) {
        full_load_pending_ = false;
        start_diary_load();
    }
    poll_diary_load(true);
}

bool App::busy() const {
    // Not the file check: it runs for seconds at idle priority, and its result
    // (Settings' line, or the rare damaged-file page) can wait for the next wake.
    return full_load_pending_ || load_job_.active() || state_.jobs_running();
}

bool App::open_first_weeks() {
    // The first frame needs little: the Log page nothing of the past but the last
    // episode, the Diary page its newest rows. The newest weeks come through the
    // episodes' start-time index; the short lists (background, medicines,
    // questionnaire answers) are read whole.
    Store* store = main_store_.get();
    Diary d;
    d.profile = store->profile();
    TimeRange newest;
    newest.from = services_.now_utc() - std::int64_t{kFirstFrameWeeks} * 7 * 86400;
    d.episodes = store->episodes(newest, true);
    // Check-ins (one a day, tens of thousands in an old diary, with no range
    // query) come with the rest: no first page needs the past ones.
    d.facts = store->facts(true);
    d.medicines = store->medicines(true);
    d.questionnaire_responses = store->questionnaire_responses(true);
    normalize(d);
    attach(nullptr);   // resets the per-diary state without reading anything
    state_.store = store;
    if (watch_on_) watch_ = std::make_unique<DiaryWatch>(store->path());
    state_.adopt_diary(std::move(d));
    --state_.full_reloads;   // not the whole diary
    state_.diary_partial = true;
    full_load_pending_ = true;   // after the first frame (after_frame)
    return true;
}

void App::open_diary(const std::string& path) {
    diary_path_ = path;
    health_ = {};
    health_check_started_ = false;
    if (state_.store == main_store_.get()) state_.store = nullptr;
    main_store_.reset();
    try {
        // quick_check waits until after the first frame (after_frame): a large
        // diary must not keep the window from opening.
        main_store_ = Store::open(path, OpenCheck::Deferred);
        state_.open_error.clear();
        // With threads, the first frame does not wait for the whole diary.
        if (!BackgroundJob<Diary>::can_thread(&services_, main_store_.get()) || !open_first_weeks())
            attach(main_store_.get());
    } catch (const StoreDamagedError& e) {
        mark_damaged(e.what());
    } catch (const std::exception& e) {
        // Reading the diary failed after it opened: damaged pages the deferred
        // check has not looked at yet, or a record that cannot be read.
        if (main_store_) {
            mark_damaged(std::string("Cannot open the diary \"") + path + "\": part of it cannot be read (" +
                         e.what() + "). The file was not changed.");
            return;
        }
        main_store_.reset();
        state_.open_error = e.what();
        state_.open_error_path = path;
        attach(nullptr);
    }
}

void App::mark_damaged(const std::string& why) {
    if (state_.demo_mode) {
        state_.demo_mode = false;
        demo_store_.reset();
    }
    main_store_.reset();   // close it: nothing more is written to a damaged file
    state_.open_error = why;
    state_.open_error_path = diary_path_;
    attach(nullptr);
    health_.check = DiaryHealth::Check::Damaged;
    health_.problems = why;
    health_.find_offer(diary_path_);
    health_check_started_ = true;   // nothing left to check
}

void App::restore_offered_backup() {
    health_.request_restore = false;
    if (!health_.offer) return;
    const BackupFile backup = *health_.offer;
    try {
        const std::string kept = restore_backup(diary_path_, backup, services_.now_utc());
        open_diary(diary_path_);
        if (state_.open_error.empty()) {
            state_.show_toast("Your diary was restored from the backup of " + backup_time_text(state_, backup.taken_utc) +
                                  ". The damaged file was kept as " + std::filesystem::path(kept).filename().string() +
                                  ".",
                              10.0);
        }
    } catch (const std::exception& e) {
        health_.restore_error = e.what();
    }
}

void App::back_up_now() {
    health_.request_backup_now = false;
    if (diary_path_.empty() || !main_store_) return;
    try {
        const BackupFile b = make_backup(diary_path_, services_.now_utc(), main_store_.get());
        rotate_backups(diary_path_, services_.now_utc(), BackupPolicy{});
        health_.backup_error.clear();
        state_.show_toast("Backed up: " + std::filesystem::path(b.path).filename().string());
    } catch (const std::exception& e) {
        health_.backup_error = e.what();
        state_.show_toast(e.what(), 8.0);
    }
    health_.list(diary_path_);
}

void App::after_frame() {
    ++frames_drawn_;
    // The first frame is on screen: now read the rest of the diary. Its outcome is
    // taken from the next frame on (busy() keeps frames coming), never in the frame
    // that started it: a small diary's read may already be done here, and one rule
    // for every size keeps the order of events the same (and testable).
    if (full_load_pending_) {
        full_load_pending_ = false;
        start_diary_load();
    } else {
        poll_diary_load();
    }
    // Then, once the whole diary is in, check the file and take the daily backup,
    // at idle priority (they must not slow the frames or the load).
    if (!health_check_started_ && main_store_ && !diary_path_.empty() && state_.open_error.empty() &&
        !state_.diary_partial && !load_job_.active()) {
        health_check_started_ = true;
        health_.check = DiaryHealth::Check::Running;
        health_runner_.start(diary_path_, services_.now_utc(), main_store_.get(), &services_);
    }
    if (auto report = health_runner_.poll()) apply_health_report(*report);
}

void App::finish_background_work() {
    finish_diary_load();
    if (!health_check_started_) after_frame();
    if (auto report = health_runner_.poll(true)) apply_health_report(*report);
}

void App::apply_health_report(const HealthReport& report) {
    if (report.damaged) {
        mark_damaged("Your diary file turned out to be damaged when it was checked (" + report.problems.substr(0, 300) +
                     "). The app has stopped writing to it, and the file was not changed.");
        return;
    }
    health_.check = report.check_error.empty() ? DiaryHealth::Check::Sound : DiaryHealth::Check::CouldNotRun;
    health_.problems = report.check_error;
    health_.backup_error = report.backup_error;
    health_.list(diary_path_);
}

void App::use_store(std::unique_ptr<Store> store) {
    diary_path_.clear();   // not a file of the person's: no check, no backups
    main_store_ = std::move(store);
    state_.open_error.clear();
    attach(main_store_.get());
}

void App::on_start(float display_scale) {
    state_.display_scale = display_scale;
    try {
        const std::string assets = services_.assets_dir();
        state_.catalog = assets.empty() ? load_default_catalog() : load_catalog_file(assets + "/catalog/causes.json");
    } catch (const std::exception& e) {
        state_.catalog_error = e.what();
    }
    state_.load_settings();
    state_.fonts_dirty = state_.style_dirty = true;
    state_.rematch();   // the catalog changed; the diary was loaded by open_diary
    state_.page = state_.settings.first_run_done ? Page::Log : Page::FirstRun;
}

void App::on_exit() {
    // Every change is already on disk (the Store commits each one); only a backup
    // in progress is waited for, so it is not cut off half-way, and so are an
    // export or a restore the person started (their workers have their own
    // connections, closed as they end).
    health_runner_.poll(true);
    state_.export_job.wait();
    state_.restore_job.wait();
    load_job_.wait();
    if (freer_.joinable()) freer_.join();
    demo_store_.reset();
    main_store_.reset();
    state_.store = nullptr;
}

void App::rebuild_fonts() { build_fonts(state_); }

void App::set_display_scale(float scale) {
    if (scale <= 0 || scale == state_.display_scale) return;
    state_.display_scale = scale;
    state_.fonts_dirty = state_.style_dirty = true;
}

void App::go_to(Page p) { state_.page = p; }

void App::open_demo() {
    const std::string path = (std::filesystem::path(services_.data_dir()) / "demo.sqlite").string();
    try {
        demo_store_ = Store::open(path);
        // Fill it on first use only; the person may have changed the demo since.
        if (demo_store_->load_diary().episodes.empty())
            demo_store_->replace_diary(make_demo_diary(20260101u, services_.now_utc()));
        state_.demo_mode = true;
        attach(demo_store_.get());
        state_.page = Page::Diary;   // the page header says it is the demo; no toast needed
    } catch (const std::exception& e) {
        demo_store_.reset();
        state_.show_toast(std::string("Could not open the demo: ") + e.what(), 6.0);
    }
}

void App::leave_demo() {
    state_.demo_mode = false;
    attach(main_store_.get());
    demo_store_.reset();
    state_.page = state_.settings.first_run_done ? Page::Log : Page::FirstRun;
}

void App::handle_requests() {
    if (health_.request_restore) restore_offered_backup();
    if (health_.request_delete_backups) {
        health_.request_delete_backups = false;
        if (!diary_path_.empty()) delete_all_backups(diary_path_);
        health_.list(diary_path_);
    }
    if (health_.request_fresh_backups) {
        // Entries erased for good must not live on in older copies: one new copy
        // without them replaces them all (made first, so a copy always exists).
        health_.request_fresh_backups = false;
        if (!diary_path_.empty() && main_store_) {
            try {
                const BackupFile fresh = make_backup(diary_path_, services_.now_utc(), main_store_.get());
                for (const BackupFile& b : list_backups(diary_path_)) {
                    std::error_code ec;
                    if (b.path != fresh.path) std::filesystem::remove(b.path, ec);
                }
                health_.backup_error.clear();
            } catch (const std::exception& e) {
                health_.backup_error = e.what();
            }
            health_.list(diary_path_);
        }
    }
    if (health_.request_backup_now) back_up_now();
    if (state_.request_open_demo) {
        state_.request_open_demo = false;
        open_demo();
    }
    if (state_.request_leave_demo) {
        state_.request_leave_demo = false;
        leave_demo();
    }
    if (state_.request_page) {
        state_.page = *state_.request_page;
        state_.request_page.reset();
    }
}

void App::handle_shortcuts() {
    const ImGuiIO& io = ImGui::GetIO();
    // Escape closes what is open on top of a page: a question being asked (empty
    // the bin, delete everything, delete an episode) or the episode editor. A text
    // field being typed in keeps Escape (ImGui: stop editing).
    if (!io.WantTextInput && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
        SettingsPage& settings = pages_.settings;
        DiaryPage& diary = pages_.diary;
        if (settings.confirm_empty_bin || settings.delete_all_step != 0) {
            settings.confirm_empty_bin = false;
            settings.delete_all_step = 0;
        } else if (diary.confirm_delete) {
            diary.confirm_delete = false;
        } else if (diary.editing) {
            diary.editing.reset();   // as "Back to the diary": the draft is dropped, nothing saved
        }
    }
    // Leave Ctrl+Z to a text field being edited: it has its own undo.
    if (!io.KeyCtrl || io.WantTextInput) return;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Z), false)) {
        if (io.KeyShift)
            state_.redo();
        else
            state_.undo();
    } else if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Y), false)) {
        state_.redo();
    }
}

void App::frame() {
    if (state_.style_dirty) {
        apply_theme(state_.settings.theme, state_.display_scale);
        state_.style_dirty = false;
    }
    const Page page_at_start = state_.page;
    const bool fonts_at_start = state_.fonts_dirty;
    if (state_.record_items) {
        state_.items.clear();
        state_.probes.clear();
    }
    reload_if_changed_elsewhere();
    poll_export_jobs(state_, pages_.export_page);   // an export's or a restore's outcome, whichever page is open
    handle_requests();
    keyboard_begin_frame(state_);
    handle_shortcuts();
    tick_in_app_reminder(state_, pages_.reminder);

    const ImGuiIO& io = ImGui::GetIO();
    const float scale = state_.display_scale;
    state_.narrow = io.DisplaySize.x < kNarrowBelow * scale;

    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::Begin("##root", nullptr, kRootFlags);
    ImGui::PopStyleVar();

    const float w = io.DisplaySize.x, h = io.DisplaySize.y;
    float toast_bottom = h;
    if (!state_.open_error.empty()) {
        ImGui::BeginChild("##error", ImVec2(w, h), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
        draw_open_error(state_, health_);
        ImGui::EndChild();
    } else if (!state_.pending_red_flags.empty()) {
        // Before anything else: the warning fills the window until acknowledged.
        ImGui::BeginChild("##redflag", ImVec2(w, h), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
        draw_red_flags(state_);
        ImGui::EndChild();
    } else if (state_.page == Page::FirstRun) {
        const float col = std::min(w, 680.0f * scale);   // a readable column, centred
        ImGui::SetCursorPosX((w - col) * 0.5f);
        ImGui::BeginChild("##first", ImVec2(col, h), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
        draw_first_run(state_, pages_);
        ImGui::EndChild();
    } else if (state_.narrow) {
        const float tab_h = tab_bar_height();
        // The scroll bar is always there on the phone: ImGui adds it a frame after the
        // content outgrows the view, which narrowed every card and re-wrapped its text one
        // frame later again, so a long page (Possible causes) needed more frames than the
        // settle loop's cap and the first frame shown was not the settled one.
        ImGui::BeginChild("##page", ImVec2(w, h - tab_h), false,
                          ImGuiWindowFlags_AlwaysUseWindowPadding | ImGuiWindowFlags_AlwaysVerticalScrollbar);
        draw_page_header();
        draw_page(state_.page);
        ImGui::EndChild();
        draw_tab_bar(h - tab_h, w, tab_h);
        toast_bottom = h - tab_h;
    } else {
        const float nav_w = side_nav_width();
        draw_side_nav(nav_w, h);
        ImGui::SameLine(0, 0);
        // Keep lines readable on wide screens: the page is a centred column.
        const float avail = w - nav_w;
        const float col = std::min(avail, 880.0f * scale);
        ImGui::SetCursorPosX(nav_w + (avail - col) * 0.5f);
        ImGui::BeginChild("##page", ImVec2(col, h), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
        draw_page_header();
        draw_page(state_.page);
        ImGui::EndChild();
    }
    ImGui::End();
    draw_toast(toast_bottom);
    after_frame();
    // Settled: nothing moved since the last frame, and nothing this frame did
    // (a tap that changed the page, a new text size) will move it next frame.
    const std::uint64_t sig = layout_signature();
    settled_ = sig == layout_hash_ && state_.page == page_at_start && !state_.style_dirty &&
               state_.fonts_dirty == fonts_at_start && !state_.fonts_dirty && !state_.request_page &&
               !state_.request_open_demo && !state_.request_leave_demo;
    layout_hash_ = sig;
}

std::uint64_t App::layout_signature() const {
    // FNV-1a over every window drawn this frame: where it is, how big, how much
    // content it holds and how far it is scrolled. Cards are child windows, so a
    // card that grows changes it; so does anything pushed down by it.
    std::uint64_t h = 1469598103934665603ull;
    auto mix = [&](float v) {
        std::uint32_t bits = 0;
        std::memcpy(&bits, &v, sizeof bits);
        h = (h ^ bits) * 1099511628211ull;
    };
    const ImGuiContext& g = *GImGui;
    for (const ImGuiWindow* w : g.Windows) {
        if (!w->Active) continue;
        mix(static_cast<float>(w->ID));
        mix(w->Pos.x), mix(w->Pos.y), mix(w->Size.x), mix(w->Size.y);
        mix(w->ContentSize.x), mix(w->ContentSize.y), mix(w->Scroll.x), mix(w->Scroll.y);
    }
    mix(static_cast<float>(state_.page));
    return h;
}

void App::draw_page(Page p) {
    if (!state_.open_error.empty()) return;
    const ViewInfo& v = view_info(p);
    // Every page opens scrolled to its top: the scroll of the page before would put
    // other controls under the finger (a phantom tap).
    if (drawn_page_ != p) ImGui::SetScrollY(0);
    drawn_page_ = p;
    ImGui::PushID(v.name);
    v.draw(state_, pages_);
    ImGui::Dummy(ImVec2(0, page_bottom_pad() - ImGui::GetStyle().ItemSpacing.y));   // room above the tab bar
    ImGui::PopID();
}

void App::draw_page_header() {
    const Palette& p = palette();
    if (state_.demo_mode) {
        ImGui::PushStyleColor(ImGuiCol_Text, p.text_muted);
        ImGui::TextWrapped(ND_ICON_INFO " You are looking at a demo diary. Your own diary is untouched.");
        ImGui::PopStyleColor();
        if (big_button(state_, ND_ICON_ARROW_LEFT " Back to my diary", 0, ButtonKind::Secondary))
            state_.request_leave_demo = true;
        ImGui::Separator();
    }
    const ViewInfo& v = view_info(state_.page);
    // Undo / redo at the top right, where they are easy to find on every page;
    // square, and never smaller than their icon at the chosen text size.
    const ImGuiStyle& st = ImGui::GetStyle();
    const float btn = std::max(touch_height(), ImGui::CalcTextSize(ND_ICON_UNDO).x + st.FramePadding.x * 2);
    const float right = ImGui::GetWindowContentRegionMax().x;
    const float y = ImGui::GetCursorPosY();
    // The title wraps short of the buttons (a phone at a large text size).
    const float buttons_x = right - btn * 2 - st.ItemSpacing.x;
    // Where even one word of the title does not fit beside the buttons, the title
    // goes on its own line under them (never broken inside a word).
    if (state_.fonts.heading) ImGui::PushFont(state_.fonts.heading);
    const float needs = ImGui::GetCursorPosX() + ImGui::CalcTextSize(v.icon).x + st.ItemSpacing.x +
                        longest_word_width(v.title, nullptr);
    if (state_.fonts.heading) ImGui::PopFont();
    const bool below = needs > buttons_x - st.ItemSpacing.x;
    if (below) ImGui::SetCursorPosY(y + btn + st.ItemSpacing.y);
    page_title_wrapped(state_, state_.fonts, v.icon, v.title, below ? 0.0f : buttons_x - st.ItemSpacing.x);
    const float after = ImGui::GetCursorPosY();
    ImGui::SetCursorPos(ImVec2(buttons_x, y));
    // Undo and Redo: one step back or forward through the history (Ctrl+Z, Ctrl+Y).
    const auto history_button = [&](bool back) {
        const char* icon = back ? ND_ICON_UNDO : ND_ICON_REDO;
        const char* key = back ? "undo" : "redo";
        ImGui::BeginDisabled(back ? !state_.undo_stack.can_undo() : !state_.undo_stack.can_redo());
        if (ImGui::Button((std::string(icon) + "##" + key).c_str(), ImVec2(btn, btn))) {
            if (back) state_.undo();
            else state_.redo();
        }
        focus_ring();
        ImGui::EndDisabled();
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
            ImGui::SetTooltip(back ? "Undo %s (Ctrl+Z)" : "Redo %s (Ctrl+Y)",
                              (back ? state_.undo_stack.undo_label() : state_.undo_stack.redo_label()).c_str());
        record_item(state_, key);
        probe_fit(state_, key, ImGui::CalcTextSize(icon).x + st.FramePadding.x * 2, btn);
    };
    history_button(true);
    ImGui::SameLine();
    history_button(false);
    ImGui::SetCursorPosY(std::max(after, y + btn + st.ItemSpacing.y));
}

float App::side_nav_width() const {
    // As wide as its widest entry at the chosen text size (never narrower than
    // the 250 px it was designed at), and at most 40% of the window: beyond that
    // the entries wrap.
    const ImGuiStyle& st = ImGui::GetStyle();
    const float scale = state_.display_scale;
    float widest = 0;
    if (state_.fonts.bold) ImGui::PushFont(state_.fonts.bold);
    widest = ImGui::CalcTextSize(ND_ICON_HEARTBEAT).x + st.ItemSpacing.x + ImGui::CalcTextSize("Numbness Diary").x;
    if (state_.fonts.bold) ImGui::PopFont();
    for (const ViewInfo& v : views()) {
        if (!v.in_side_nav) continue;
        widest = std::max(widest, ImGui::CalcTextSize((std::string(v.icon) + "   " + v.title).c_str()).x +
                                      st.FramePadding.x * 2);
    }
    const float w = widest + 2 * 14 * scale + 2;
    return std::clamp(w, 250.0f * scale, ImGui::GetIO().DisplaySize.x * 0.4f);
}

void App::draw_side_nav(float width, float height) {
    const Palette& p = palette();
    const float scale = state_.display_scale;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, p.card);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(14 * scale, 20 * scale));
    ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, 0.0f);   // it meets the window edge
    ImGui::BeginChild("##nav", ImVec2(width, height), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
    ImGui::PopStyleVar(2);
    ImGui::PushTextWrapPos(0.0f);
    if (state_.fonts.bold) ImGui::PushFont(state_.fonts.bold);
    ImGui::PushStyleColor(ImGuiCol_Text, p.accent);
    ImGui::TextUnformatted(ND_ICON_HEARTBEAT);
    ImGui::PopStyleColor();
    ImGui::SameLine();
    ImGui::TextUnformatted("Numbness Diary");
    if (state_.fonts.bold) ImGui::PopFont();
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, 10 * scale));
    const float item_w = ImGui::GetContentRegionAvail().x;
    for (const ViewInfo& v : views()) {
        if (!v.in_side_nav) continue;
        const bool on = state_.page == v.page;
        ImGui::PushStyleColor(ImGuiCol_Text, on ? p.accent : p.text);
        ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, 10 * scale);
        ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0.0f, 0.5f));
        ImGui::PushStyleColor(ImGuiCol_Button, on ? p.accent_soft : ImVec4(0, 0, 0, 0));
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImGui::GetStyle().Colors[ImGuiCol_HeaderHovered]);
        const std::string label = std::string(v.icon) + "   " + v.title + "##nav";
        if (nav_button(state_, label.c_str(), item_w)) state_.page = v.page;
        ImGui::PopStyleColor(2);
        ImGui::PopStyleVar(2);
        ImGui::PopStyleColor();
        record_item(state_, std::string("nav:") + v.name);
    }
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

float App::tab_bar_height() const {
    // Room for an icon over a label at the chosen text size, and at least 64 px.
    const float line = ImGui::GetTextLineHeight();
    return std::max(64.0f * state_.display_scale, line * 2 + 2 + 16 * ui_scale());
}

void App::draw_tab_bar(float y, float width, float height) {
    const Palette& p = palette();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(0, y), ImVec2(width, y + height), ImGui::GetColorU32(p.card));
    dl->AddLine(ImVec2(0, y), ImVec2(width, y), ImGui::GetColorU32(p.border));
    int count = 0;
    for (const ViewInfo& v : views()) count += v.in_tab_bar ? 1 : 0;
    const float tab_w = width / static_cast<float>(std::max(count, 1));
    // Labels under the icons while every one fits its tab (the page titles, else
    // the short tab labels); icons alone when even those do not fit.
    const float room = tab_w - 8.0f * state_.display_scale;
    auto all_fit = [&](bool full) {
        for (const ViewInfo& v : views())
            if (v.in_tab_bar && ImGui::CalcTextSize(full ? v.title : v.tab_label).x > room) return false;
        return true;
    };
    const int mode = all_fit(true) ? 0 : all_fit(false) ? 1 : 2;
    tab_bar_mode_ = mode;
    int i = 0;
    for (const ViewInfo& v : views()) {
        if (!v.in_tab_bar) continue;
        const ImVec2 pos(tab_w * static_cast<float>(i++), y);
        ImGui::SetCursorScreenPos(pos);
        const std::string id = std::string("##tab_") + v.name;
        if (ImGui::InvisibleButton(id.c_str(), ImVec2(tab_w, height))) state_.page = v.page;
        if (enter_on_item()) state_.page = v.page;
        focus_ring();
        record_item(state_, std::string("tab:") + v.name);
        const char* label = mode == 0 ? v.title : mode == 1 ? v.tab_label : "";
        probe_fit(state_, std::string("tab:") + v.name, ImGui::CalcTextSize(label).x, room);
        // "More" stays lit while one of the pages it lists is open.
        const bool on = state_.page == v.page || (v.page == Page::More && !view_info(state_.page).in_tab_bar);
        const ImU32 col = ImGui::GetColorU32(on ? p.accent : p.text_muted);
        if (on)
            dl->AddRectFilled(ImVec2(pos.x + tab_w * 0.12f, y + 6), ImVec2(pos.x + tab_w * 0.88f, y + height - 6),
                              ImGui::GetColorU32(p.accent_soft), 12.0f * state_.display_scale);
        const ImVec2 icon_sz = ImGui::CalcTextSize(v.icon);
        const ImVec2 text_sz = ImGui::CalcTextSize(label);
        const float top = y + (height - icon_sz.y - (mode == 2 ? 0 : text_sz.y + 2)) * 0.5f;
        dl->AddText(ImVec2(pos.x + (tab_w - icon_sz.x) * 0.5f, top), col, v.icon);
        if (mode != 2) dl->AddText(ImVec2(pos.x + (tab_w - text_sz.x) * 0.5f, top + icon_sz.y + 2), col, label);
    }
}

void App::draw_toast(float bottom_y) {
    toast_rect_.reset();
    if (state_.toast.empty()) return;
    if (ImGui::GetTime() > state_.toast_until) {
        state_.toast.clear();
        return;
    }
    const Palette& p = palette();
    const ImGuiIO& io = ImGui::GetIO();
    // At the top: the bottom of the window holds Save and the tab bar, which a toast must not cover.
    (void)bottom_y;
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, 12 * state_.display_scale), 0, ImVec2(0.5f, 0.0f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(io.DisplaySize.x * 0.9f, io.DisplaySize.y));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, p.text);
    ImGui::PushStyleColor(ImGuiCol_Text, p.background);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 12 * state_.display_scale);
    ImGui::Begin("##toast", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoInputs |
                     ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoSavedSettings);
    const ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();   // placed and sized by Begin
    toast_rect_ = ScreenRect{pos.x, pos.y, pos.x + size.x, pos.y + size.y};
    ImGui::PushTextWrapPos(io.DisplaySize.x * 0.8f);
    ImGui::TextUnformatted(state_.toast.c_str());
    ImGui::PopTextWrapPos();
    ImGui::End();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(2);
}

}  // namespace nd::app
