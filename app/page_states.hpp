// What each page remembers between frames (filters, open rows, caches keyed on
// AppState::revision), owned by App (App::pages) and handed to the views, so views keep
// no function statics and tests can inspect them; AppState holds the diary, not these.
// Each page's state is declared in its own header beside its view (diary_page_state.hpp,
// export_page_state.hpp, ...); this one only names them, so a file that includes it
// does not compile every page's state (nor the export, backup and merge headers the
// Export page's needs), and a change to one page's state recompiles that page's files,
// not the app. A file that reads a
// page's fields includes that page's header (all_page_states.hpp: every one).
#pragma once

#include <memory>

namespace nd::app {

struct DiaryPage;          // diary_page_state.hpp
struct PatternsPage;       // patterns_page_state.hpp
struct CausesPage;         // causes_page_state.hpp
struct CheckInPage;        // checkin_page_state.hpp
struct BackgroundPage;     // background_page_state.hpp
struct SettingsPage;       // settings_page_state.hpp
struct ExportPageState;    // export_page_state.hpp
struct QuestionnairePage;  // questionnaire_page.hpp
struct ReminderUi;         // reminder_state.hpp
struct LogUi;              // log_state.hpp
struct BodyMapUi;          // body_map_state.hpp
struct AppState;           // app_state.hpp

class PageStates {
    struct Held;                   // the pages' states themselves (page_states.cpp)
    std::unique_ptr<Held> held_;   // before the references below, which it initialises
    struct Kept;                   // the states reset() keeps (page_states.cpp)
    std::unique_ptr<Kept> kept_;

public:
    PageStates();
    ~PageStates();
    PageStates(const PageStates&) = delete;
    PageStates& operator=(const PageStates&) = delete;

    // Every page's state as new (AppState::reload_all, through connect_pages), but the
    // Log page's form and the body map: a new entry half filled in is never discarded.
    void reset();
    // Those two as new as well (App::attach: another diary file).
    void reset_log();

    DiaryPage& diary;
    PatternsPage& patterns;
    CausesPage& causes;
    CheckInPage& checkin;
    BackgroundPage& background;
    SettingsPage& settings;
    ExportPageState& export_page;
    QuestionnairePage& questionnaire;
    ReminderUi& reminder;
    LogUi& log;              // the Log page's form
    BodyMapUi& body_map;     // the body map's shapes, view and taps (the Log page's and the Diary editor's)
};

// Lets `s` reach `pages` where the diary's state decides a page's (App does this once;
// tests with a bare AppState too): reload_all resets them after the diary was replaced,
// and the Export page's paper switch starts at the paper the settings load.
void connect_pages(AppState& s, PageStates& pages);

}  // namespace nd::app
