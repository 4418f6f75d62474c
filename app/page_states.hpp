// What each page remembers between frames (filters, open rows, caches keyed on
// AppState::revision), reached as AppState::pages, so views keep no function statics
// and tests can inspect them. Each page's state is declared in its own header beside
// its view (diary_page_state.hpp, export_page_state.hpp, ...); this one only names
// them, so a file that includes app_state.hpp does not compile every page's state
// (nor the export, backup and merge headers the Export page's needs), and a change to
// one page's state recompiles that page's files, not the app. A file that reads a
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
class DiaryAnalysis;       // diary_analysis.hpp

class PageStates {
    struct Held;                   // the pages' states themselves (page_states.cpp)
    std::unique_ptr<Held> held_;   // before the references below, which it initialises

public:
    PageStates();
    ~PageStates();
    PageStates(const PageStates&) = delete;
    PageStates& operator=(const PageStates&) = delete;

    // Every page's state as new (AppState::reload_all).
    void reset();

    // Figures computed from the whole diary, kept up to date per change (Diary red-flag
    // marks, Patterns statistics): app/diary_analysis.hpp. Made on first use.
    std::shared_ptr<DiaryAnalysis> analysis;
    DiaryPage& diary;
    PatternsPage& patterns;
    CausesPage& causes;
    CheckInPage& checkin;
    BackgroundPage& background;
    SettingsPage& settings;
    ExportPageState& export_page;
    QuestionnairePage& questionnaire;
    ReminderUi& reminder;
};

}  // namespace nd::app
