#include "page_states.hpp"

#include "app_state.hpp"

#include "background_page_state.hpp"
#include "body_map_state.hpp"
#include "causes_page_state.hpp"
#include "checkin_page_state.hpp"
#include "diary_page_state.hpp"
#include "export_page_state.hpp"
#include "log_state.hpp"
#include "patterns_page_state.hpp"
#include "questionnaire_page.hpp"
#include "reminder_state.hpp"
#include "settings_page_state.hpp"

namespace nd::app {

struct PageStates::Held {
    DiaryPage diary;
    PatternsPage patterns;
    CausesPage causes;
    CheckInPage checkin;
    BackgroundPage background;
    SettingsPage settings;
    ExportPageState export_page;
    QuestionnairePage questionnaire;
    ReminderUi reminder;
};

struct PageStates::Kept {
    LogUi log;
    BodyMapUi body_map;
};

PageStates::PageStates()
    : held_(std::make_unique<Held>()),
      kept_(std::make_unique<Kept>()),
      diary(held_->diary),
      patterns(held_->patterns),
      causes(held_->causes),
      checkin(held_->checkin),
      background(held_->background),
      settings(held_->settings),
      export_page(held_->export_page),
      questionnaire(held_->questionnaire),
      reminder(held_->reminder),
      log(kept_->log),
      body_map(kept_->body_map) {}

PageStates::~PageStates() = default;

void PageStates::reset() {
    // As assigning a fresh PageStates did: every field as new.
    *held_ = Held{};
}

void PageStates::reset_log() { *kept_ = Kept{}; }

void connect_pages(AppState& s, PageStates& pages) {
    s.reset_pages = [&pages] { pages.reset(); };
    s.paper_loaded = [&s, &pages] { pages.export_page.paper = s.settings.paper == Paper::Letter ? 1 : 0; };
}

}  // namespace nd::app
