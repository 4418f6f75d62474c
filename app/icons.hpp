// FontAwesome 4.7 icons (fonts-font-awesome), merged into the text font by fonts.cpp.
// Macros (string literals) so they concatenate with labels: ND_ICON_CHECK " Save".
#pragma once

#define ND_ICON_PENCIL "\xef\x81\x80"  // U+F040
#define ND_ICON_BOOK "\xef\x80\xad"  // U+F02D
#define ND_ICON_CALENDAR "\xef\x81\xb3"  // U+F073
#define ND_ICON_BAR_CHART "\xef\x82\x80"  // U+F080
#define ND_ICON_STETHOSCOPE "\xef\x83\xb1"  // U+F0F1
#define ND_ICON_HEARTBEAT "\xef\x88\x9e"  // U+F21E
#define ND_ICON_COG "\xef\x80\x93"  // U+F013
#define ND_ICON_USER_MD "\xef\x83\xb0"  // U+F0F0
#define ND_ICON_CHECK "\xef\x80\x8c"  // U+F00C
#define ND_ICON_UNDO "\xef\x83\xa2"  // U+F0E2
#define ND_ICON_REDO "\xef\x80\x9e"  // U+F01E
#define ND_ICON_WARNING "\xef\x81\xb1"  // U+F071
#define ND_ICON_PHONE "\xef\x82\x95"  // U+F095
#define ND_ICON_PLUS "\xef\x81\xa7"  // U+F067
#define ND_ICON_CLOCK "\xef\x80\x97"  // U+F017
#define ND_ICON_TIMES "\xef\x80\x8d"  // U+F00D
#define ND_ICON_CHECK_CIRCLE "\xef\x81\x98"  // U+F058
#define ND_ICON_ELLIPSIS "\xef\x85\x81"  // U+F141
#define ND_ICON_INFO "\xef\x81\x9a"  // U+F05A
#define ND_ICON_TRASH "\xef\x87\xb8"  // U+F1F8
#define ND_ICON_SUN "\xef\x86\x85"  // U+F185
#define ND_ICON_MOON "\xef\x86\x86"  // U+F186
#define ND_ICON_FOLDER_OPEN "\xef\x81\xbc"  // U+F07C
#define ND_ICON_STOP_CIRCLE "\xef\x8a\x8d"  // U+F28D
#define ND_ICON_CHEVRON_DOWN "\xef\x81\xb8"  // U+F078
#define ND_ICON_CHEVRON_RIGHT "\xef\x81\x94"  // U+F054
#define ND_ICON_HISTORY "\xef\x87\x9a"  // U+F1DA
#define ND_ICON_SMILE "\xef\x84\x98"  // U+F118
#define ND_ICON_CLIPBOARD "\xef\x83\xaa"  // U+F0EA
#define ND_ICON_FILE_TEXT "\xef\x83\xb6"  // U+F0F6
#define ND_ICON_MEDKIT "\xef\x83\xba"  // U+F0FA
#define ND_ICON_BARS "\xef\x83\x89"  // U+F0C9
#define ND_ICON_ARROW_LEFT "\xef\x81\xa0"  // U+F060
#define ND_ICON_HOME "\xef\x80\x95"  // U+F015
#define ND_ICON_FLASK "\xef\x83\x83"  // U+F0C3
#define ND_ICON_SEARCH "\xef\x80\x82"  // U+F002
#define ND_ICON_CHECK_SQUARE "\xef\x81\x86"  // U+F046
#define ND_ICON_SQUARE "\xef\x82\x96"  // U+F096
#define ND_ICON_CIRCLE "\xef\x84\x91"  // U+F111
#define ND_ICON_EYE "\xef\x81\xae"  // U+F06E
#define ND_ICON_LOCK "\xef\x80\xa3"  // U+F023
#define ND_ICON_FLOPPY "\xef\x83\x87"  // U+F0C7
#define ND_ICON_PLAY "\xef\x81\x8b"  // U+F04B
#define ND_ICON_STAR "\xef\x80\x85"  // U+F005
#define ND_ICON_HEART "\xef\x80\x84"  // U+F004
#define ND_ICON_LIST_UL "\xef\x83\x8a"  // U+F0CA

// Every icon above, so fonts.cpp rasterises only these glyphs (not all ~700 of
// FontAwesome: a smaller atlas starts faster and fits WebGL's texture limit).
// Add a new icon here too; tests/app/icons_test.cpp checks that none is missing.
inline constexpr const char* kAllIcons[] = {
    ND_ICON_PENCIL,
    ND_ICON_BOOK,
    ND_ICON_CALENDAR,
    ND_ICON_BAR_CHART,
    ND_ICON_STETHOSCOPE,
    ND_ICON_HEARTBEAT,
    ND_ICON_COG,
    ND_ICON_USER_MD,
    ND_ICON_CHECK,
    ND_ICON_UNDO,
    ND_ICON_REDO,
    ND_ICON_WARNING,
    ND_ICON_PHONE,
    ND_ICON_PLUS,
    ND_ICON_CLOCK,
    ND_ICON_TIMES,
    ND_ICON_CHECK_CIRCLE,
    ND_ICON_ELLIPSIS,
    ND_ICON_INFO,
    ND_ICON_TRASH,
    ND_ICON_SUN,
    ND_ICON_MOON,
    ND_ICON_FOLDER_OPEN,
    ND_ICON_STOP_CIRCLE,
    ND_ICON_CHEVRON_DOWN,
    ND_ICON_CHEVRON_RIGHT,
    ND_ICON_HISTORY,
    ND_ICON_SMILE,
    ND_ICON_CLIPBOARD,
    ND_ICON_FILE_TEXT,
    ND_ICON_MEDKIT,
    ND_ICON_BARS,
    ND_ICON_ARROW_LEFT,
    ND_ICON_HOME,
    ND_ICON_FLASK,
    ND_ICON_SEARCH,
    ND_ICON_CHECK_SQUARE,
    ND_ICON_SQUARE,
    ND_ICON_CIRCLE,
    ND_ICON_EYE,
    ND_ICON_LOCK,
    ND_ICON_FLOPPY,
    ND_ICON_PLAY,
    ND_ICON_STAR,
    ND_ICON_HEART,
    ND_ICON_LIST_UL,
};

