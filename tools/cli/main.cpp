// `numbness-diary-cli`: the Numbness Diary command line. Global options, dispatch, error reporting.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "catalog.hpp"
#include "cli.hpp"
#include "serialization.hpp"

namespace {

using namespace ndcli;

std::vector<Command> all_commands() {
    std::vector<Command> out;
    for (auto group : {log_commands, record_commands, background_commands, match_commands, backup_commands,
                       export_commands, questionnaire_commands, remind_commands})
        for (auto& c : group()) out.push_back(std::move(c));
    return out;
}

void print_main_help(const std::vector<Command>& commands, std::ostream& out) {
    out << "numbness-diary-cli - the command line of Numbness Diary: keep a diary of numbness\n"
           "and tingling in the legs and feet, and see which documented causes the pattern fits,\n"
           "to discuss with a doctor.\n"
           "It informs; it never diagnoses.\n\n"
           "Usage: numbness-diary-cli [--db PATH] COMMAND [options]\n\n"
           "Commands:\n";
    for (const auto& c : commands) {
        std::string name = "  " + c.spec.name;
        if (name.size() < 27) name.resize(27, ' ');
        out << name << c.spec.summary << "\n";
    }
    out << "\nGlobal options:\n"
           "  --db PATH                the diary file; default $ND_DB, else\n"
           "                           $XDG_DATA_HOME/numbness-diary/diary.sqlite, else\n"
           "                           ~/.local/share/numbness-diary/diary.sqlite\n"
           "  --check                  check the whole diary file (SQLite quick_check) before the\n"
           "                           command; 'numbness-diary-cli check' checks it on its own\n"
           "  --help                   this help; 'numbness-diary-cli COMMAND --help' for a command\n"
           "  --version                the version\n\n"
           "Exit status: 0 on success, 1 when the command failed, 2 on wrong usage.\n";
}

// Longest command name made of the leading words ("background add fact").
const Command* find_command(const std::vector<Command>& commands, const std::vector<std::string>& words,
                            std::size_t& used) {
    const Command* best = nullptr;
    for (const auto& c : commands) {
        std::vector<std::string> parts;
        std::size_t start = 0;
        const auto& n = c.spec.name;
        while (start <= n.size()) {
            const auto sp = n.find(' ', start);
            parts.push_back(n.substr(start, sp == std::string::npos ? std::string::npos : sp - start));
            if (sp == std::string::npos) break;
            start = sp + 1;
        }
        if (parts.size() > words.size()) continue;
        bool match = true;
        for (std::size_t i = 0; i < parts.size() && match; ++i) match = parts[i] == words[i];
        if (match && (!best || parts.size() > used)) {
            best = &c;
            used = parts.size();
        }
    }
    return best;
}

// PREFIX/share/numbness-diary for this executable PREFIX/bin/numbness-diary-cli, or
// for the report's helper PREFIX/libexec/numbness-diary/numbness-diary-report (the
// build tree has the same layout: build/tools/numbness-diary-cli,
// build/libexec/numbness-diary/numbness-diary-report and build/share/numbness-diary).
std::string program_data_dir() {
    std::error_code ec;
    const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec || exe.empty()) return "";
    std::filesystem::path prefix = exe.parent_path().parent_path();
    if (exe.parent_path().filename() == "numbness-diary" && prefix.filename() == "libexec")
        prefix = prefix.parent_path();
    return (prefix / "share" / "numbness-diary").string();
}

// Commands whose name starts with `prefix` ("background add"): for group help.
std::vector<const Command*> commands_under(const std::vector<Command>& commands, const std::string& prefix) {
    std::vector<const Command*> out;
    for (const auto& c : commands)
        if (c.spec.name == prefix || c.spec.name.rfind(prefix + " ", 0) == 0) out.push_back(&c);
    return out;
}

void print_group_help(const std::vector<const Command*>& group, const std::string& prefix, std::ostream& out) {
    out << "Usage: numbness-diary-cli [--db PATH] " << prefix << " ... [options]\n\nCommands:\n";
    for (const auto* c : group) {
        std::string name = "  " + c->spec.name;
        if (name.size() < 27) name.resize(27, ' ');
        out << name << c->spec.summary << "\n";
    }
    out << "\nSee 'numbness-diary-cli help COMMAND' or 'numbness-diary-cli COMMAND --help' for one of them.\n";
}

// Help for the words given ("log", "background add"): one command, a group, or an error.
int print_help_for(const std::vector<Command>& commands, const std::vector<std::string>& words) {
    std::string name;
    for (const auto& w : words) name += (name.empty() ? "" : " ") + w;
    for (const auto& c : commands)
        if (c.spec.name == name) {
            print_help(c.spec, std::cout);
            return 0;
        }
    const auto group = commands_under(commands, name);
    if (!group.empty()) {
        print_group_help(group, name, std::cout);
        return 0;
    }
    std::vector<std::string> names;
    for (const auto& c : commands) names.push_back(c.spec.name);
    throw UsageError("no command '" + name + "'" + did_you_mean(name, names) + " (see 'numbness-diary-cli --help')");
}

// A write error on standard output (a full disk, a closed pipe, /dev/full) is a
// failure: the output is incomplete.
int finish(int code) {
    std::cout.flush();
    errno = 0;
    if (std::fflush(stdout) != 0 || std::ferror(stdout) || !std::cout) {
        const int err = errno;
        std::cerr << "numbness-diary-cli: error: cannot write the output: " << (err ? std::strerror(err) : "write error") << "\n";
        return code == 0 ? 1 : code;
    }
    return code;
}

int run(int argc, char** argv) {
    const auto commands = all_commands();
    std::vector<std::string> words(argv + 1, argv + argc);
    std::string command_name;
    try {
        Context ctx = make_context();
        // Global options before the command.
        std::size_t i = 0;
        for (; i < words.size(); ++i) {
            const auto& w = words[i];
            if (w == "--help" || w == "-h") {
                print_main_help(commands, std::cout);
                return 0;
            }
            if (w == "--version") {
                std::cout << "numbness-diary-cli (Numbness Diary) " ND_VERSION "\n";
                return 0;
            }
            if (w == "--check") {
                ctx.full_check = true;
                continue;
            }
            if (w == "--db" || w.rfind("--db=", 0) == 0) {
                if (w == "--db") {
                    if (i + 1 >= words.size()) throw UsageError("--db needs a value (PATH)");
                    ctx.db_flag = words[++i];
                } else {
                    ctx.db_flag = w.substr(5);
                }
                continue;
            }
            if (!w.empty() && w[0] == '-')
                throw UsageError("unknown option '" + w + "'" + did_you_mean(w, {"--db", "--check", "--help", "--version"}) +
                                 " (see 'numbness-diary-cli --help')");
            break;
        }
        const std::vector<std::string> rest(words.begin() + static_cast<std::ptrdiff_t>(i), words.end());
        if (rest.empty()) {
            print_main_help(commands, std::cerr);
            std::cerr << "\nnd: error: no command given\n";
            return 2;
        }
        // `numbness-diary-cli help` and `numbness-diary-cli help COMMAND...`
        if (rest[0] == "help") {
            if (rest.size() == 1) {
                print_main_help(commands, std::cout);
                return 0;
            }
            return print_help_for(commands, {rest.begin() + 1, rest.end()});
        }
        // `numbness-diary-cli background add --help`: --help after a group's name (not a command) shows the group.
        for (std::size_t k = 0; k < rest.size() && rest[k] != "--"; ++k) {
            if (rest[k] != "--help" && rest[k] != "-h") continue;
            std::vector<std::string> lead;
            for (std::size_t j = 0; j < k && !rest[j].empty() && rest[j][0] != '-'; ++j) lead.push_back(rest[j]);
            std::string name;
            for (const auto& w : lead) name += (name.empty() ? "" : " ") + w;
            bool is_command = false;
            for (const auto& c : commands) is_command = is_command || c.spec.name == name;
            if (!is_command && lead.size() > 1 && !commands_under(commands, name).empty())
                return print_help_for(commands, lead);
            break;
        }
        std::size_t used = 0;
        const Command* cmd = find_command(commands, rest, used);
        if (!cmd) {
            std::vector<std::string> names{"help"};
            for (const auto& c : commands)
                if (c.spec.name.find(' ') == std::string::npos) names.push_back(c.spec.name);
            throw UsageError("unknown command '" + rest[0] + "'" + did_you_mean(rest[0], names) + " (see 'numbness-diary-cli --help')");
        }
        command_name = cmd->spec.name;
        CommandSpec spec = cmd->spec;
        spec.options.push_back({"--db", "PATH", "the diary file", false});
        if (cmd->spec.name != "check")
            spec.options.push_back({"--check", "", "check the whole diary file first (SQLite quick_check)", false});
        const std::vector<std::string> cmd_words(rest.begin() + static_cast<std::ptrdiff_t>(used), rest.end());
        if (cmd->spec.max_positional == 0 && !cmd_words.empty() && !cmd_words[0].empty() && cmd_words[0][0] != '-') {
            std::vector<std::string> subs;
            std::string list;
            for (const auto& c : commands)
                if (c.spec.name.rfind(cmd->spec.name + " ", 0) == 0) {
                    const std::string rest_name = c.spec.name.substr(cmd->spec.name.size() + 1);
                    subs.push_back(rest_name.substr(0, rest_name.find(' ')));   // "add fact" -> "add"
                    list += (list.empty() ? "" : ", ") + c.spec.name;
                }
            if (!subs.empty())
                throw UsageError("unknown subcommand '" + cmd_words[0] + "'" + did_you_mean(cmd_words[0], subs) +
                                 " (commands: " + list + ")");
        }
        Args args = Args::parse(spec, cmd_words);
        if (args.help) {
            print_help(cmd->spec, std::cout);
            return 0;
        }
        if (auto db = args.get("--db")) ctx.db_flag = *db;
        ctx.clean_stale_temporaries();
        if (args.has("--check")) ctx.full_check = true;
        return cmd->run(args, ctx);
    } catch (const UsageError& e) {
        const std::string who = command_name.empty() ? "numbness-diary-cli" : "numbness-diary-cli " + command_name;
        std::cerr << who << ": error: " << e.what() << "\n";
        if (!command_name.empty()) std::cerr << "(see 'numbness-diary-cli " << command_name << " --help')\n";
        return e.code;
    } catch (const CliError& e) {
        std::cerr << "numbness-diary-cli: error: " << e.what() << "\n";
        return e.code;
    } catch (const nd::StoreError& e) {
        std::cerr << "numbness-diary-cli: error: diary store: " << e.what() << "\n";
        return 1;
    } catch (const nd::ImportError& e) {
        std::cerr << "numbness-diary-cli: error: " << e.what() << "\n";
        return 1;
    } catch (const nd::CatalogError& e) {
        std::cerr << "numbness-diary-cli: error: cause catalog: " << e.what() << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "numbness-diary-cli: error: " << e.what() << "\n";
        return 1;
    }
}

}  // namespace

int main(int argc, char** argv) {
    ndcli::set_command_line(argc, argv);
    nd::set_program_assets_dir(program_data_dir());
    return finish(run(argc, argv));
}
