#include "asset_file.hpp"

#include <filesystem>
#include <fstream>

namespace nd {

AssetText read_asset_file(const std::string& path, std::uintmax_t max_bytes) {
    AssetText out;
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) {
        out.error = "cannot read '" + path + "': " + ec.message();
        return out;
    }
    if (size > max_bytes) {
        out.error = "'" + path + "' is larger than " + std::to_string(max_bytes) + " bytes";
        return out;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        out.error = "cannot open '" + path + "'";
        return out;
    }
    out.text.resize(static_cast<std::size_t>(size));
    in.read(out.text.data(), static_cast<std::streamsize>(out.text.size()));
    if (static_cast<std::size_t>(in.gcount()) != out.text.size()) {
        out.text.clear();
        out.error = "cannot read all of '" + path + "'";
    }
    return out;
}

}  // namespace nd
