#include "export_service.hpp"

#include <algorithm>
#include <stdexcept>

#include "atomic_file.hpp"
#include "csv_questionnaires.hpp"
#include "csv_records.hpp"
#include "fhir_export.hpp"
#include "matching.hpp"
#include "store.hpp"
#include "time_util.hpp"

namespace nd {

namespace {

std::size_t live_episodes(const Diary& d) {
    std::size_t n = 0;
    for (const Episode& e : d.episodes) n += is_deleted(e) ? 0 : 1;
    return n;
}

bool has_live_responses(const Diary& d) {
    for (const auto& r : d.questionnaire_responses)
        if (!r.deleted_utc) return true;
    return false;
}

// The spec's questionnaires, or the installed ones when the diary needs them.
std::vector<Questionnaire> questionnaires_for(const ExportSpec& spec, const Diary& d) {
    if (spec.questionnaires) return *spec.questionnaires;
    if (!has_live_responses(d)) return {};
    try {
        return load_default_questionnaires();
    } catch (const QuestionnaireError& e) {
        throw std::runtime_error(std::string("The questionnaires could not be read, so their answers cannot be "
                                             "exported: ") + e.what());
    }
}

}  // namespace

std::vector<QuestionnaireResponse> responses_in_range(const Diary& d, const LocalDate& from, const LocalDate& to) {
    std::vector<QuestionnaireResponse> out;
    for (const auto& r : d.questionnaire_responses) {
        if (r.deleted_utc) continue;
        const LocalDate day = local_date(r.taken);
        if (!from.empty() && day < from) continue;
        if (!to.empty() && to < day) continue;
        out.push_back(r);
    }
    std::stable_sort(out.begin(), out.end(), [](const QuestionnaireResponse& a, const QuestionnaireResponse& b) {
        return a.taken.utc != b.taken.utc ? a.taken.utc < b.taken.utc : a.id < b.id;
    });
    return out;
}

std::string fhir_patient_id(Store& store) {
    // The diary's own id (schema 3: it travels with backups); before that, a setting.
    Profile p = store.profile();
    if (is_uuid(p.fhir_patient_id)) return p.fhir_patient_id;
    std::string id;
    if (auto legacy = store.setting(kFhirPatientSetting); legacy && is_uuid(*legacy)) id = *legacy;
    else id = new_uuid();
    p.fhir_patient_id = id;
    store.set_profile(p);
    return id;
}

Diary load_export_range(Store& store, const LocalDate& from, const LocalDate& to) {
    if (!from.empty() && !to.empty() && to < from)
        throw std::invalid_argument("The last date (" + to + ") is before the first date (" + from + ").");
    // No range (the usual case): the diary as loaded, not a second copy of it
    // (at 100k episodes that copy was most of an export's extra memory).
    if (from.empty() && to.empty()) return store.load_diary();
    return diary_in_range(store.load_diary(), from, to);
}

ExportOutput write_export(Store& store, const Catalog& catalog, const ExportSpec& spec, ByteSink& sink,
                          const PdfRenderer& render) {
    ExportOutput out;
    switch (spec.kind) {
        case ExportKind::Csv: {
            if (spec.csv_table == CsvTable::Episodes) {
                // Red flags are judged in the whole diary, as the app shows them (a
                // spread is "new" or familiar by what came before the range too).
                if (!spec.from.empty() && !spec.to.empty() && spec.to < spec.from)
                    throw std::invalid_argument("The last date (" + spec.to + ") is before the first date (" +
                                                spec.from + ").");
                Diary all = store.load_diary();
                if (spec.from.empty() && spec.to.empty()) {   // the usual case: no second copy of 100k episodes
                    out.episodes = live_episodes(all);
                    write_episodes_csv(sink, all.episodes, spec.csv, &all);
                } else {
                    const Diary d = diary_in_range(all, spec.from, spec.to);
                    out.episodes = live_episodes(d);
                    write_episodes_csv(sink, d.episodes, spec.csv, &all);
                }
                return out;
            }
            const Diary d = load_export_range(store, spec.from, spec.to);
            out.episodes = live_episodes(d);
            switch (spec.csv_table) {
                case CsvTable::Episodes: write_episodes_csv(sink, d.episodes, spec.csv); break;
                // One row per check-in, medicine or fact: small whatever the diary's size.
                case CsvTable::CheckIns: sink.write(checkins_to_csv(d.checkins, spec.csv)); break;
                case CsvTable::Medicines: sink.write(medicines_to_csv(d.medicines, spec.csv)); break;
                case CsvTable::Background: sink.write(background_to_csv(d.facts, spec.csv)); break;
                case CsvTable::Questionnaires: {
                    const auto responses = responses_in_range(d, spec.from, spec.to);
                    Diary just;   // only the responses decide whether the files are needed
                    just.questionnaire_responses = responses;
                    sink.write(questionnaire_responses_csv(responses, questionnaires_for(spec, just), spec.csv.bom));
                    break;
                }
            }
            return out;
        }
        case ExportKind::Fhir: {
            FhirOptions options;
            options.patient_uuid = fhir_patient_id(store);
            options.pretty = spec.fhir_pretty;
            Diary d = load_export_range(store, spec.from, spec.to);
            out.episodes = live_episodes(d);
            // The range is kept here by local date, as for episodes (diary_in_range).
            d.questionnaire_responses = responses_in_range(d, spec.from, spec.to);
            const std::vector<Questionnaire> questionnaires = questionnaires_for(spec, d);
            options.questionnaires = &questionnaires;
            write_fhir_json(sink, d, options);   // streamed: the bundle is never held whole
            return out;
        }
        case ExportKind::Pdf: {
            if (!render) throw std::runtime_error("This version of the app cannot make the PDF report; the desktop app can.");
            if (!spec.from.empty() && !spec.to.empty() && spec.to < spec.from)
                throw std::invalid_argument("The last date (" + spec.to + ") is before the first date (" + spec.from + ").");
            const Diary d = store.load_diary();
            ReportOptions options;
            options.from = spec.from;
            options.to = spec.to;
            options.sections = spec.sections;
            options.generated_on = spec.generated_on;
            // The person's choice for this export, else the diary's saved paper, else the locale's.
            options.paper = spec.paper ? *spec.paper : saved_paper(store, spec.locale_paper);
            options.questionnaires = questionnaires_for(spec, d);   // the scores on page 1
            // Matched on the same period as the report, so the topics speak about it.
            const MatchResult m = match(catalog, diary_in_range(d, spec.from, spec.to));
            const ReportModel model = build_report(d, m, options);
            out.episodes = static_cast<std::size_t>(model.episode_count);
            out.period_text = model.period_text;
            sink.write(render(model));
            return out;
        }
    }
    throw std::logic_error("unknown export kind");
}

ExportOutput build_export_output(Store& store, const Catalog& catalog, const ExportSpec& spec,
                                 const PdfRenderer& render) {
    std::string bytes;
    StringSink sink(bytes);
    ExportOutput out = write_export(store, catalog, spec, sink, render);
    out.bytes = std::move(bytes);
    return out;
}

ExportOutput export_to_file(Store& store, const Catalog& catalog, const ExportSpec& spec, const std::string& path,
                            const PdfRenderer& render) {
    AtomicFile file(path);   // removed again unless commit() is reached
    ExportOutput out = write_export(store, catalog, spec, file, render);
    file.commit();
    return out;
}

void write_export_file(const std::string& path, const std::string& bytes) { write_file_atomic(path, bytes); }

}  // namespace nd
