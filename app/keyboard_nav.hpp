// The keyboard focus's state (keyboard.hpp moves it): plain data that AppState
// holds, apart from keyboard.hpp, whose functions take the AppState (no include
// cycle: tools/check-layering.py).
#pragma once

#include <vector>

struct ImGuiWindow;

namespace nd::app {

struct KeyboardNav {
    struct Stop {
        unsigned id = 0;
        ImGuiWindow* window = nullptr;
    };
    std::vector<Stop> stops;        // this frame's tab stops, in drawing order
    std::vector<Stop> last;         // the last frame's
    int pending_move = 0;           // +1 Tab, -1 Shift+Tab, fed by the platform (or a test)
    unsigned focus_request = 0;     // the stop to focus when it is drawn this frame
    unsigned focused = 0;           // the stop that has the keyboard focus (0: none)
};

}  // namespace nd::app
