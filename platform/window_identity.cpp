#include "window_identity.hpp"

#include <GLFW/glfw3.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "paths.hpp"

// stb_image for the PNG icons, kept private to this file.
#define STB_IMAGE_STATIC
#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_PNG
#include <stb_image.h>

namespace nd::platform {

void hint_window_class() {
#if defined(GLFW_X11_CLASS_NAME)
    glfwWindowHintString(GLFW_X11_CLASS_NAME, kWindowClass);
    glfwWindowHintString(GLFW_X11_INSTANCE_NAME, kWindowClass);
#endif
}

namespace {

std::vector<std::string> icon_roots() {
    std::vector<std::string> roots;
    if (const auto mine = program_data_dir(); !mine.empty())
        roots.push_back((std::filesystem::path(mine).parent_path() / "icons" / "hicolor").string());
    const char* env = std::getenv("XDG_DATA_DIRS");
    std::string dirs = env && *env ? env : "/usr/local/share:/usr/share";
    std::size_t start = 0;
    while (start <= dirs.size()) {
        const auto colon = dirs.find(':', start);
        const std::string d = dirs.substr(start, colon == std::string::npos ? std::string::npos : colon - start);
        if (!d.empty() && d.front() == '/') roots.push_back(d + "/icons/hicolor");
        if (colon == std::string::npos) break;
        start = colon + 1;
    }
    return roots;
}

}  // namespace

void set_window_icon(GLFWwindow* window) {
    struct Loaded {
        int w = 0, h = 0;
        unsigned char* pixels = nullptr;
    };
    std::vector<Loaded> loaded;
    for (const auto& root : icon_roots()) {
        for (int size : {16, 32, 48, 64, 128, 256}) {
            const std::string file = root + "/" + std::to_string(size) + "x" + std::to_string(size) + "/apps/" +
                                     kWindowClass + ".png";
            int w = 0, h = 0, n = 0;
            if (unsigned char* px = stbi_load(file.c_str(), &w, &h, &n, 4)) loaded.push_back({w, h, px});
        }
        if (!loaded.empty()) break;   // one theme folder is enough
    }
    if (loaded.empty()) return;
    std::vector<GLFWimage> images;
    for (const auto& l : loaded) images.push_back({l.w, l.h, l.pixels});
    glfwSetWindowIcon(window, static_cast<int>(images.size()), images.data());
    for (const auto& l : loaded) stbi_image_free(l.pixels);
}

}  // namespace nd::platform
