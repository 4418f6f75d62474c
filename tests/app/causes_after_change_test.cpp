// The Causes page right after a change (issue 19): on a worker (the desktop) the
// match is made off the UI thread and the page shows the previous ranking, saying it
// is being updated, until the new one is ready; the red flags never wait for it (a
// red flag of the episode just saved shows in the very next frame, and one whose
// episode was deleted goes in that frame). Without threads (the web build) the page is
// current in every frame. Red-flag cases: FAST signs of a stroke (NHS "Stroke -
// symptoms"; the seed: sudden numbness of the face, arm or leg needs emergency care)
// and saddle numbness (the seed's cauda equina warning).
#include <catch2/catch.hpp>

#include "diary_analysis.hpp"
#include "icons.hpp"
#include "ui_harness.hpp"
#include "undo.hpp"
#include "views.hpp"

using namespace nd;
using namespace nd::app;
using nd::app::test::Ui;

namespace {

Episode tingling_toes(Ui& ui, std::int64_t days_ago) {
    Episode e;
    e.start = {ui.services.clock - days_ago * 86400 - 3600, ui.services.offset_min};
    e.duration_min = 20;
    e.regions = {{Region::Toes, Side::Left}};
    e.sensations = {Sensation::Tingling};
    e.onset = Onset::Gradual;
    e.numbness = 3;
    return e;
}

Episode stroke_signs(Ui& ui, std::int64_t hours_ago) {
    Episode e;
    e.start = {ui.services.clock - hours_ago * 3600, ui.services.offset_min};
    e.regions = {{Region::Face, Side::Left}, {Region::Arm, Side::Left}};
    e.sensations = {Sensation::Numbness};
    e.signs = {Sign::FaceDrooping, Sign::ArmWeakness};
    e.onset = Onset::Sudden;
    return e;
}

std::shared_ptr<const MatchFigures> latest(Ui& ui) {
    REQUIRE(ui.state().analysis);
    return ui.state().analysis->latest_match();
}

bool flag_shown_for(Ui& ui, const std::string& id) {
    for (const RedFlagGroup& g : ui.pages().causes.red_flag_groups)
        for (const std::string& e : g.episode_ids)
            if (e == id) return ui.has("causes:red_flag:" + g.episode_ids.back());
    return false;
}

// The Causes page on a worker, settled with its match current.
void open_causes_settled(Ui& ui) {
    ui.state().page = Page::Causes;
    ui.frame();
    REQUIRE(ui.state().analysis);
    ui.state().analysis->wait_idle();
    ui.state().items.clear();
    ui.settle();
    REQUIRE(latest(ui));
    REQUIRE(latest(ui)->revision == ui.state().revision);
}

}  // namespace

TEST_CASE("On a worker the Causes page keeps its ranking while it is redone, and red flags show at once",
          "[app][causes][red_flags]") {
    Ui ui(1280, 3000);
    ui.services.threads = true;   // as on the desktop
    AppState& s = ui.state();
    for (int d = 1; d <= 5; ++d) ui.store().add_episode(tingling_toes(ui, d));
    s.refresh();
    open_causes_settled(ui);
    CHECK(latest(ui)->match.episodes_considered == 5);
    CHECK(ui.pages().causes.red_flag_groups.empty());
    CHECK_FALSE(ui.has("causes:updating"));

    // The worker is held: the frame after the save has only the old match.
    s.analysis->hold(true);
    Episode added;
    REQUIRE(s.run(add_episode_command(stroke_signs(ui, 2), &added)));
    s.items.clear();
    ui.frame();
    CHECK(latest(ui)->revision != s.revision);          // the match is not redone on the UI thread
    CHECK(latest(ui)->match.episodes_considered == 5);
    CHECK(ui.has("causes:updating"));                    // and the page says so
    CHECK(ui.has("causes:cause:" + latest(ui)->match.causes.front().cause_id));   // the ranking stays
    REQUIRE(ui.pages().causes.red_flag_groups.size() == 1);   // the new red flag: this very frame
    CHECK(ui.pages().causes.red_flag_groups[0].kind == RedFlagKind::StrokeSigns);
    CHECK(flag_shown_for(ui, added.id));

    // An edit of an older episode (before the flagged one) keeps the flag of the later one.
    Episode older = s.diary.episodes[s.episode_index(s.diary.episodes.front().id)];
    Episode edited = older;
    edited.numbness = 6;
    REQUIRE(s.run(edit_episode_command(older, edited)));
    s.items.clear();
    ui.frame();
    CHECK(latest(ui)->revision != s.revision);
    CHECK(flag_shown_for(ui, added.id));

    // Released: the page shows the new match once the worker is done, and the line goes.
    s.analysis->hold(false);
    s.analysis->wait_idle();
    s.items.clear();
    ui.settle();
    REQUIRE(latest(ui)->revision == s.revision);
    CHECK(latest(ui)->match.episodes_considered == 6);
    CHECK_FALSE(ui.has("causes:updating"));
    CHECK(flag_shown_for(ui, added.id));

    // Deleted (held again): its red flag goes in the next frame, not when the match is redone.
    s.analysis->hold(true);
    REQUIRE(s.run(delete_episode_command(s.diary.episodes[s.episode_index(added.id)])));
    s.items.clear();
    ui.frame();
    CHECK(latest(ui)->revision != s.revision);
    CHECK(ui.pages().causes.red_flag_groups.empty());
    CHECK_FALSE(ui.has("causes:red_flag:" + added.id));
    s.analysis->hold(false);
    s.analysis->wait_idle();
}

TEST_CASE("A red flag logged on the Log page warns at once while the match is held on the worker",
          "[app][causes][red_flags][log]") {
    Ui ui(1280, 3000);
    ui.services.threads = true;
    AppState& s = ui.state();
    for (int d = 1; d <= 4; ++d) ui.store().add_episode(tingling_toes(ui, d));
    s.refresh();
    open_causes_settled(ui);
    s.analysis->hold(true);

    // Saddle numbness logged on the Log page (map tap, Save): the full-screen warning is
    // decided before the save, and the Causes page has the flag in the frame after.
    s.page = Page::Log;
    ui.settle();
    ui.tap_region({Region::SaddleArea, Side::Middle});
    ui.click(ND_ICON_CHECK "  Save");
    REQUIRE_FALSE(s.pending_red_flags.empty());
    CHECK(s.pending_red_flags.front().kind == RedFlagKind::SaddleOrBladder);
    const std::string id = s.diary.episodes[s.episodes_newest_first.front()].id;
    s.pending_red_flags.clear();   // read and closed
    s.page = Page::Causes;
    s.items.clear();
    ui.frame();
    CHECK(latest(ui)->revision != s.revision);
    REQUIRE(ui.pages().causes.red_flag_groups.size() == 1);
    CHECK(ui.pages().causes.red_flag_groups[0].kind == RedFlagKind::SaddleOrBladder);
    CHECK(flag_shown_for(ui, id));
    s.analysis->hold(false);
    s.analysis->wait_idle();
}

TEST_CASE("Without threads the Causes page is current in the frame after a change", "[app][causes]") {
    Ui ui(1280, 3000);
    ui.services.threads = false;   // the web build
    AppState& s = ui.state();
    for (int d = 1; d <= 5; ++d) ui.store().add_episode(tingling_toes(ui, d));
    s.refresh();
    s.page = Page::Causes;
    ui.settle();
    Episode added;
    REQUIRE(s.run(add_episode_command(stroke_signs(ui, 2), &added)));
    s.items.clear();
    ui.frame();
    REQUIRE(latest(ui));
    CHECK(latest(ui)->revision == s.revision);
    CHECK(latest(ui)->match.episodes_considered == 6);
    CHECK_FALSE(ui.has("causes:updating"));
    CHECK(flag_shown_for(ui, added.id));
}

TEST_CASE("The red flags judged after a change equal those of the whole diary", "[app][causes][red_flags]") {
    // Every kind of change at every place in a diary rich in flags: the groups built from an
    // older match plus the episodes from the change on equal the groups of the diary now.
    Ui ui;
    AppState& s = ui.state();
    for (int d = 12; d >= 1; --d) {
        Episode e = d % 3 == 0 ? stroke_signs(ui, d * 24 + 1) : tingling_toes(ui, d);
        if (d % 4 == 0) {   // both legs, climbing over entries a day apart
            e.regions = {{Region::Toes, Side::Both}, {Region::Shin, Side::Both}};
            e.signs = {};
        }
        ui.store().add_episode(e);
    }
    s.refresh();
    s.page = Page::Causes;
    ui.settle();
    const auto check_current = [&] {
        const auto fig = latest(ui);
        REQUIRE(fig);
        const auto now = group_red_flags(red_flags_in(s.diary), s.diary);
        const auto got = current_red_flag_groups(s, fig.get());
        REQUIRE(got.size() == now.size());
        for (std::size_t i = 0; i < got.size(); ++i) {
            CHECK(got[i].episode_ids == now[i].episode_ids);
            CHECK(got[i].reasons == now[i].reasons);
        }
    };
    const std::shared_ptr<const MatchFigures> before = latest(ui);
    REQUIRE(before);
    // Without asking the page again (no frame), judge each change against the old figures.
    for (std::size_t i = 0; i < s.diary.episodes.size(); i += 3) {
        Episode b = s.diary.episodes[i];
        Episode a = b;
        a.start.utc -= 2 * 86400;   // moved two days earlier
        a.signs = i % 2 ? std::vector<Sign>{} : std::vector<Sign>{Sign::LegWeakness};
        REQUIRE(s.run(edit_episode_command(b, a)));
        check_current();
    }
    REQUIRE(s.run(delete_episode_command(s.diary.episodes[s.episodes_newest_first.back()])));
    check_current();
    CHECK(latest(ui) == before);   // all judged from the figures before every change
}

TEST_CASE("On a worker the Patterns page's warning signs show at once after a change", "[app][patterns][red_flags]") {
    Ui ui(1280, 3000);
    ui.services.threads = true;
    AppState& s = ui.state();
    for (int d = 1; d <= 5; ++d) ui.store().add_episode(tingling_toes(ui, d));
    s.refresh();
    s.page = Page::Patterns;
    ui.frame();
    REQUIRE(s.analysis);
    s.analysis->wait_idle();
    s.items.clear();
    ui.settle();
    REQUIRE(ui.pages().patterns.stats);
    REQUIRE(ui.pages().patterns.stats->revision == s.revision);
    CHECK(ui.pages().patterns.red_flag_groups.empty());

    s.analysis->hold(true);
    Episode added;
    REQUIRE(s.run(add_episode_command(stroke_signs(ui, 2), &added)));
    s.items.clear();
    ui.frame();
    CHECK(ui.pages().patterns.stats->revision != s.revision);   // the figures are the old ones
    REQUIRE(ui.pages().patterns.red_flag_groups.size() == 1);     // the warning is not
    CHECK(ui.pages().patterns.red_flag_groups[0].kind == RedFlagKind::StrokeSigns);
    CHECK(ui.has("patterns:red_flag:" + added.id));

    s.analysis->hold(false);
    s.analysis->wait_idle();
    s.items.clear();
    ui.settle();
    CHECK(ui.pages().patterns.stats->revision == s.revision);
    CHECK(ui.has("patterns:red_flag:" + added.id));
}

namespace {

// What a match says, episodes by id (the figures' indices resolved through the diary
// that was matched), for comparing a match made in slices with one made in one go.
std::string said(const MatchResult& m, const Diary& d) {
    std::string out = std::to_string(m.episodes_considered) + "\n";
    for (const RedFlag& f : m.red_flags) out += "flag " + f.episode_id + " " + f.title + "\n";
    for (const CauseMatch& c : m.causes) {
        out += c.cause_id + " " + std::to_string(c.score) + " " + c.fit_text + "\n";
        for (const EvidenceLine& e : c.evidence) {
            out += "  " + e.text + " [";
            for (const std::string& id : episode_ids(e, d)) out += id + " ";
            out += "]\n";
        }
    }
    return out;
}

}  // namespace

TEST_CASE("Without threads a long diary is matched a slice a frame, and red flags still show at once",
          "[app][causes][red_flags]") {
    // The web build has no worker: at 100k episodes a whole match in one frame would
    // freeze it. Here the slice is made small so 400 episodes take many frames.
    Ui ui(1280, 3000);
    ui.services.threads = false;
    AppState& s = ui.state();
    for (int d = 1; d <= 400; ++d) ui.store().add_episode(tingling_toes(ui, d));
    s.refresh();
    analysis(s).set_step_budget(100);
    s.page = Page::Causes;
    int frames = 0;
    for (; frames < 200 && !(latest(ui) && latest(ui)->revision == s.revision); ++frames) ui.frame();
    // Two passes over 400 episodes 100 a frame, then a cause a frame: about 19 frames.
    CHECK(frames >= 15);
    CHECK(frames <= 25);
    REQUIRE(latest(ui));
    CHECK(said(latest(ui)->match, s.diary) == said(nd::match(s.catalog, s.diary), s.diary));

    // A change while a match is being made starts it over: no figures of a diary that
    // changed meanwhile are ever shown (the slices read the diary in place).
    REQUIRE(s.run(add_episode_command(tingling_toes(ui, 500))));
    const auto before = latest(ui);
    for (int i = 0; i < 5; ++i) ui.frame();
    REQUIRE(latest(ui) == before);   // still in progress
    REQUIRE(s.run(add_episode_command(tingling_toes(ui, 501))));
    for (frames = 0; frames < 200 && latest(ui) == before; ++frames) ui.frame();
    REQUIRE(latest(ui) != before);
    CHECK(latest(ui)->revision == s.revision);
    CHECK(latest(ui)->match.episodes_considered == 402);

    // A save: the next frame keeps the ranking, says it is being updated, and shows the
    // new red flag (the changed episode is judged at once, the rest keep their flags).
    Episode added;
    REQUIRE(s.run(add_episode_command(stroke_signs(ui, 2), &added)));
    s.items.clear();
    ui.frame();
    REQUIRE(latest(ui));
    CHECK(latest(ui)->revision != s.revision);
    CHECK(ui.has("causes:updating"));
    CHECK(ui.has("causes:cause:" + latest(ui)->match.causes.front().cause_id));
    REQUIRE(ui.pages().causes.red_flag_groups.size() == 1);
    CHECK(ui.pages().causes.red_flag_groups[0].kind == RedFlagKind::StrokeSigns);
    CHECK(flag_shown_for(ui, added.id));
    CHECK(analysis(s).busy());

    // It catches up within frames, to exactly what a whole match says now.
    for (frames = 0; frames < 200 && latest(ui)->revision != s.revision; ++frames) ui.frame();
    CHECK(frames >= 15);
    CHECK(latest(ui)->revision == s.revision);
    CHECK(said(latest(ui)->match, s.diary) == said(nd::match(s.catalog, s.diary), s.diary));
    CHECK(latest(ui)->match.episodes_considered == 403);
    s.items.clear();
    ui.frame();
    CHECK_FALSE(ui.has("causes:updating"));
    CHECK(flag_shown_for(ui, added.id));
    CHECK_FALSE(analysis(s).busy());
}
