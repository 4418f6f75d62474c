// CSV of the other record kinds (issue #14): check-ins, medicines and the health
// background, each its own file (no ZIP), in the same format as the episode CSV
// (csv_export.hpp: RFC 4180, UTF-8 with a byte order mark, CRLF, the formula guard
// on free text, lists joined with ';'). Beside every id column a label column in
// plain words, for people reading it in a spreadsheet; the import reads the ids
// and ignores the labels.
//
//   check-ins:  id, date, no_numbness (yes|no), symptoms (ids), symptoms_label, note, created, updated
//   medicines:  id, name, dose, when_taken, since, helped (unknown|yes|no), helped_label, note, created, updated
//   background: id, kind (id), kind_label, detail, since, amount, created, updated
//
// Records in the bin are left out. Import is all or nothing (any problem: no records).
// Kept apart from csv_export.cpp, whose episode import another change reworks.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "csv_export.hpp"
#include "model.hpp"

namespace nd {

std::string checkins_to_csv(const std::vector<CheckIn>& checkins, const CsvOptions& options = {});
std::string medicines_to_csv(const std::vector<Medicine>& medicines, const CsvOptions& options = {});
std::string background_to_csv(const std::vector<BackgroundFact>& facts, const CsvOptions& options = {});

template <class T>
struct CsvRecords {
    std::vector<T> records;            // empty whenever problems is not
    std::vector<CsvProblem> problems;  // at most CsvImportOptions::max_errors (200), every kind counted
    bool truncated = false;            // the cap was reached: the rest of the file was not checked
    bool ok() const { return problems.empty(); }
};

CsvRecords<CheckIn> csv_to_checkins(std::string_view csv);
CsvRecords<Medicine> csv_to_medicines(std::string_view csv);
CsvRecords<BackgroundFact> csv_to_background(std::string_view csv);

}  // namespace nd
