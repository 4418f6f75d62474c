// Writes sample exports into a folder: the demo year (report PDF, CSV, FHIR
// bundle) and the every-field sample diary (FHIR bundle, report PDF). Used by the
// FHIR validation test and to make the README's page images:
//   nd_export_samples OUT_DIR
#include <cstdio>
#include <exception>
#include <string>
#include <sys/stat.h>

#include "atomic_file.hpp"
#include "catalog.hpp"
#include "cause_diaries.hpp"
#include "csv_export.hpp"
#include "demo_diary.hpp"
#include "fhir_export.hpp"
#include "matching.hpp"
#include "questionnaire.hpp"
#include "report_model.hpp"
#include "report_pdf.hpp"
#include "sample_diary.hpp"

namespace {

constexpr std::int64_t kDemoNow = 1782842400;   // 2026-06-30T18:00:00Z

void export_all(const nd::Catalog& catalog, const std::vector<nd::Questionnaire>& questionnaires, const nd::Diary& d,
                const std::string& dir, const std::string& name, const std::string& generated_on) {
    nd::ReportOptions ro;
    ro.generated_on = generated_on;
    ro.questionnaires = questionnaires;
    const nd::MatchResult m = nd::match(catalog, nd::diary_in_range(d, ro.from, ro.to));
    nd::write_report_pdf(nd::build_report(d, m, ro), dir + "/" + name + "-report.pdf");
    nd::write_file_atomic(dir + "/" + name + ".csv", nd::diary_to_csv(d));
    // With the questionnaires, as the export service writes it: the demo's MNSI
    // responses go through the validator too.
    nd::FhirOptions fo;
    fo.questionnaires = &questionnaires;
    nd::write_file_atomic(dir + "/" + name + "-fhir.json", nd::diary_to_fhir_json(d, fo));
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s OUT_DIR\n", argv[0]);
        return 2;
    }
    const std::string dir = argv[1];
    ::mkdir(dir.c_str(), 0700);
    try {
        const nd::Catalog catalog = nd::load_default_catalog();
        const std::vector<nd::Questionnaire> questionnaires = nd::load_default_questionnaires();
        export_all(catalog, questionnaires, nd::make_demo_diary(7, kDemoNow), dir, "demo", "2026-06-30");
        export_all(catalog, questionnaires, nd::test::sample_diary(), dir, "sample", "2026-01-06");
        // The clinical scenarios of the matching tests, one bundle each, for the FHIR validator.
        const std::pair<const char*, nd::Diary> scenarios[] = {
            {"posture", nd::test::posture_diary()},     {"diabetic", nd::test::diabetic_diary()},
            {"sciatica", nd::test::sciatica_diary()},   {"pad", nd::test::pad_diary()},
            {"stroke", nd::test::stroke_diary()},       {"ms", nd::test::ms_diary()},
            {"tarsal", nd::test::tarsal_diary()},       {"fibromyalgia", nd::test::fibromyalgia_diary()},
            {"injury", nd::test::injury_diary()},       {"growth", nd::test::growth_diary()},
        };
        for (const auto& [name, d] : scenarios)
            nd::write_file_atomic(dir + "/scenario-" + name + "-fhir.json", nd::diary_to_fhir_json(d));
    } catch (const std::exception& e) {
        std::fprintf(stderr, "nd_export_samples: %s\n", e.what());
        return 1;
    }
    std::printf("wrote samples to %s\n", dir.c_str());
    return 0;
}
