// A thin diary (below the minimum number of episodes) reads "cannot tell yet" in `numbness-diary-cli match`
// and in the PDF's report model, whatever the background holds (issue 11); the app's Causes
// page is checked in tests/app/causes_page_test.cpp. All three read nd::match's result.
#include <catch2/catch.hpp>

#include <rapidjson/document.h>

#include "catalog.hpp"
#include "cli_runner.hpp"
#include "diary_builders.hpp"
#include "matching.hpp"
#include "report_model.hpp"

using namespace nd;
using namespace nd::test;

TEST_CASE("numbness-diary-cli match: one episode and a background fact, every cause cannot tell yet") {
    CliDir t;
    REQUIRE(t.nd("--db d.sqlite log --at '2026-01-07 08:00' --duration 60 --region both:toes --sensation numbness")
                .code == 0);
    REQUIRE(t.nd("--db d.sqlite background add fact --kind diabetes --detail 'type 2 diabetes' --since 2019-03-12")
                .code == 0);
    const auto json = t.nd("--db d.sqlite match --json");
    REQUIRE(json.code == 0);
    rapidjson::Document doc;
    doc.Parse(json.out.c_str());
    REQUIRE_FALSE(doc.HasParseError());
    CHECK_FALSE(doc["enough_data"].GetBool());
    REQUIRE(doc["causes"].Size() == 11);
    bool mentions = false;
    for (const auto& c : doc["causes"].GetArray()) {
        INFO(c["id"].GetString());
        CHECK(std::string(c["fit"].GetString()) == "cannot_tell");
        for (const auto& ev : c["evidence"].GetArray())
            mentions = mentions || std::string(ev["text"].GetString()) == "Your background mentions type 2 diabetes since 2019-03-12";
    }
    CHECK(mentions);
    const auto text = t.nd("--db d.sqlite match");
    REQUIRE(text.code == 0);
    CHECK(contains(text.out, "The diary cannot tell yet"));
    CHECK_FALSE(contains(text.out, "Much of the diary fits"));
    CHECK_FALSE(contains(text.out, "Some of the diary fits"));
}

TEST_CASE("PDF report model: a thin diary with a background fact lists no topics and says cannot tell yet") {
    Diary d;
    add(d, EpisodeBuilder(1).day(2, 8).region(Region::Toes).sensation(Sensation::Numbness).lasted(60).build());
    add(d, fact(1, FactKind::Diabetes, {}, "2019-03-12", "type 2 diabetes"));
    const auto m = match(load_default_catalog(), d);
    ReportOptions opt;
    const ReportModel r = build_report(d, m, opt);
    CHECK(r.too_few_episodes);
    CHECK(r.topics.empty());
    CHECK_THAT(r.topics_intro, Catch::Contains("The diary cannot tell yet: it has 1 episode,"));
    // Three episodes: the same diary starts to show topics.
    add(d, EpisodeBuilder(2).day(9, 8).region(Region::Toes).sensation(Sensation::Numbness).lasted(60).build());
    add(d, EpisodeBuilder(3).day(16, 8).region(Region::Toes).sensation(Sensation::Numbness).lasted(60).build());
    const ReportModel r3 = build_report(d, match(load_default_catalog(), d), opt);
    CHECK_FALSE(r3.too_few_episodes);
    CHECK_FALSE(r3.topics.empty());
}
