// The one export path shared by the app's Export page and the CLI (issue #14):
// load the diary, keep the date range, match it against the catalog, build the
// report model, render or serialise, and write the file atomically (0600).
// The FHIR Patient id is chosen here too, so that both front ends give the same
// person the same id.
//
// The core has no drawing library: the caller passes the PDF renderer (the
// desktop app and the CLI pass report_pdf's render_report_pdf; the web build has
// none and gets a clear message).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "catalog.hpp"
#include "csv_export.hpp"
#include "model.hpp"
#include "paper.hpp"
#include "questionnaire.hpp"
#include "report_model.hpp"

namespace nd {

class ByteSink;
class Store;

enum class ExportKind : std::uint8_t { Pdf, Csv, Fhir };
// Which CSV file (each record kind is its own file; csv_records.hpp).
enum class CsvTable : std::uint8_t { Episodes, CheckIns, Medicines, Background, Questionnaires };

using PdfRenderer = std::function<std::string(const ReportModel&)>;

struct ExportSpec {
    ExportKind kind = ExportKind::Csv;
    LocalDate from, to;                       // local dates, inclusive; empty: open
    std::uint32_t sections = kSectionAll;     // PDF
    LocalDate generated_on;                   // PDF: "report made on"
    // PDF: A4 or US Letter. Unset: the diary's saved setting (kPaperSetting, paper.hpp),
    // else `locale_paper`, the default of the locale's LC_PAPER (the platform reads it).
    std::optional<Paper> paper;
    Paper locale_paper = Paper::A4;

    CsvOptions csv;                           // CSV
    CsvTable csv_table = CsvTable::Episodes;  // CSV: which record kind
    // FHIR: indented for people to read (the default), or compact: the same JSON
    // without the layout, about half the size and faster to write (issue #19).
    bool fhir_pretty = true;

    // The standard questionnaires (FHIR, the responses CSV, the report's scores).
    // Unset: the installed ones (load_default_questionnaires), read only when the
    // diary holds responses, so a diary without any never depends on those files.
    std::optional<std::vector<Questionnaire>> questionnaires;
};

struct ExportOutput {
    std::string bytes;
    std::size_t episodes = 0;                 // episodes (not in the bin) in the range
    std::string period_text;                  // PDF: the report's period ("1 Mar 2026 to ...")
};

// The setting that holds the FHIR Patient id of this diary (kept for the diaries
// made before the id travelled inside the diary).
inline constexpr const char* kFhirPatientSetting = "export.fhir_patient_uuid";

// The Patient id of this diary: the one stored already, or a new one stored now.
std::string fhir_patient_id(Store& store);

// The diary's records within [from, to]; throws std::invalid_argument when `to`
// is before `from`.
Diary load_export_range(Store& store, const LocalDate& from, const LocalDate& to);

// The live questionnaire responses taken on a local date in [from, to] (either
// end empty: open), oldest first.
std::vector<QuestionnaireResponse> responses_in_range(const Diary& d, const LocalDate& from, const LocalDate& to);

// Builds the export's bytes. `render` is needed for ExportKind::Pdf only; without
// one the PDF is refused with a readable std::runtime_error.
ExportOutput build_export_output(Store& store, const Catalog& catalog, const ExportSpec& spec,
                                 const PdfRenderer& render = {});

// The same export written to `sink` as it is produced: CSV and FHIR stream (their
// memory does not grow with the diary's size, issue #19); the PDF is rendered
// whole, then written. ExportOutput::bytes stays empty.
ExportOutput write_export(Store& store, const Catalog& catalog, const ExportSpec& spec, ByteSink& sink,
                          const PdfRenderer& render = {});

// write_export into the file at `path`, atomically with mode 0600 (AtomicFile):
// on any failure (a full disk, an error half way) the file is left as it was and
// no partial file remains. Throws FileError for the file, else as build_export_output.
ExportOutput export_to_file(Store& store, const Catalog& catalog, const ExportSpec& spec, const std::string& path,
                            const PdfRenderer& render = {});

// Writes bytes to path atomically with mode 0600 (atomic_file.hpp); throws FileError.
void write_export_file(const std::string& path, const std::string& bytes);

}  // namespace nd
