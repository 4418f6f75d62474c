// The doctor's report as a PDF (A4), drawn with cairo and pango from a
// ReportModel (core/report_model.hpp). Page 1 is the summary a doctor can read
// in a minute (key facts, red flags, charts, counts), then topics to discuss and
// the background, then the episode table (headers repeated on every page), then
// the person's notes.
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
