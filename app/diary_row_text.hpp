// What one Diary row says, laid out to fit its width at any text size (issue 13):
// the row's words wrap onto further lines instead of being cut with "…". All rows
// share one height (the list is virtualised with ImGuiListClipper), so the number
// of lines a row has is chosen from the text size and width (row_line_budget); a
// row whose words need more lines first joins its quiet lines, then names fewer
// places or feelings ("Left toes, sole and 2 more"), never shortening a word.
// Check-in rows have a shorter height of their own (checkin_line_budget). The
// full episode is one tap away (the row opens the editor).
#pragma once

#include <string>
#include <vector>

#include "model.hpp"

struct ImFont;

namespace nd::app {

struct RowParagraph {
    std::string text;
    bool muted = false;   // the quieter colour (places, feelings)
    int lines = 1;        // lines it takes at the row's width
};

// Measures how many lines a text takes when wrapped at `width` (as ImDrawList::AddText
// wraps it with the same font and size).
int wrapped_lines(ImFont* font, float size, const std::string& text, float width);

// The lines every row of the list gets: enough for a typical episode row at this width
// and text size (`narrow`: the phone's three-part row), never fewer than 2 (3 on a phone).
int row_line_budget(ImFont* font, float size, float width, bool narrow);

// An episode row's paragraphs, fitted to `budget` lines of `width`. `warning`: it raises
// a red flag (the row then begins with "Warning sign").
std::vector<RowParagraph> episode_row_text(const Episode& e, bool warning, bool narrow, ImFont* font, float size,
                                           float width, int budget);

// The lines a check-in row gets: fewer than an episode's (a title and what was
// noted), at most the episode rows' budget.
int checkin_line_budget(int episode_budget);

// A check-in row: its title, then what was noted (fewer symptoms named, "and 2 more",
// when they do not fit) (the note shortened at a word with
// "(more)" when it does not fit; the check-in page, one tap away, shows all of it).
std::vector<RowParagraph> checkin_row_text(const CheckIn& c, ImFont* font, float size, float width, int budget);

// Lines the paragraphs take together.
int total_lines(const std::vector<RowParagraph>& paras);

}  // namespace nd::app
