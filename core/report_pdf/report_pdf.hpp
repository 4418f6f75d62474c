// The doctor's report as a tagged PDF on A4 or US Letter (ReportModel::paper),
// drawn with cairo and pango from a ReportModel (core/report_model.hpp). Page 1 is
// the summary a GP reads in 30 seconds, in issue #14's fixed order: who, period and
// onset; warning signs (every one, continued on the next pages when many); the
// patient's questions; at most five patterns; medicines; questionnaire scores;
// causes worth discussing; the weekly trend and body figure sit after the patterns
// when all of that still fits, else after the causes. Then the appendices (the
// figures behind page 1, topics with their evidence, background and check-ins) and,
// when chosen, the episode table (headers repeated on every page) and the notes.
// docs/report.md describes each part.
#pragma once

#include <stdexcept>
#include <string>

#include "report_model.hpp"

namespace nd {

struct PdfError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// The PDF's bytes. Throws PdfError when cairo fails.
std::string render_report_pdf(const ReportModel& model);

// Renders and writes to `path` atomically with permissions 0600 (see
// atomic_file.hpp). Throws PdfError or FileError with a clear message.
void write_report_pdf(const ReportModel& model, const std::string& path);

}  // namespace nd
