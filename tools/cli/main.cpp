// `nd`: the Numbness Diary command line. Global options, dispatch, error reporting.
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
    out << "nd - Numbness Diary: keep a diary of numbness and tingling in the legs and feet,\n"
           "and see which documented causes the pattern fits, to discuss with a doctor.\n"
           "It informs; it never diagnoses.\n\n"
           "Usage: nd [--db PATH] COMMAND [options]\n\n"
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
           "  --help                   this help; 'nd COMMAND --help' for a command\n"
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

}  // namespace

int main(int argc, char** argv) {
    const auto commands = all_commands();
    std::vector<std::string> words(argv + 1, argv + argc);
    std::string command_name;
    try {
        Context ctx = make_context();
        // Global options before the command.
        std::size_t i = 0;
        for (; i < words.size(); ++i) {
            const auto& w = words[i];
            if (w == "--help" || w == "-h" || w == "help") {
                print_main_help(commands, std::cout);
                return 0;
            }
            if (w == "--version") {
                std::cout << "nd (Numbness Diary) 0.1.0\n";
                return 0;
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
            if (!w.empty() && w[0] == '-') throw UsageError("unknown option '" + w + "' (see 'nd --help')");
            break;
        }
        const std::vector<std::string> rest(words.begin() + static_cast<std::ptrdiff_t>(i), words.end());
        if (rest.empty()) {
            print_main_help(commands, std::cerr);
            std::cerr << "\nnd: error: no command given\n";
            return 2;
        }
        std::size_t used = 0;
        const Command* cmd = find_command(commands, rest, used);
        if (!cmd) throw UsageError("unknown command '" + rest[0] + "' (see 'nd --help')");
        command_name = cmd->spec.name;
        CommandSpec spec = cmd->spec;
        spec.options.push_back({"--db", "PATH", "the diary file", false});
        const std::vector<std::string> cmd_words(rest.begin() + static_cast<std::ptrdiff_t>(used), rest.end());
        if (cmd->spec.max_positional == 0 && !cmd_words.empty() && !cmd_words[0].empty() && cmd_words[0][0] != '-') {
            std::string subs;
            for (const auto& c : commands)
                if (c.spec.name.rfind(cmd->spec.name + " ", 0) == 0) subs += (subs.empty() ? "" : ", ") + c.spec.name;
            if (!subs.empty()) throw UsageError("unknown subcommand '" + cmd_words[0] + "' (commands: " + subs + ")");
        }
        Args args = Args::parse(spec, cmd_words);
        if (args.help) {
            print_help(cmd->spec, std::cout);
            return 0;
        }
        if (auto db = args.get("--db")) ctx.db_flag = *db;
        return cmd->run(args, ctx);
    } catch (const UsageError& e) {
        const std::string who = command_name.empty() ? "nd" : "nd " + command_name;
        std::cerr << who << ": error: " << e.what() << "\n";
        if (!command_name.empty()) std::cerr << "(see 'nd " << command_name << " --help')\n";
        return e.code;
    } catch (const CliError& e) {
        std::cerr << "nd: error: " << e.what() << "\n";
        return e.code;
    } catch (const nd::StoreError& e) {
        std::cerr << "nd: error: diary store: " << e.what() << "\n";
        return 1;
    } catch (const nd::ImportError& e) {
        std::cerr << "nd: error: " << e.what() << "\n";
        return 1;
    } catch (const nd::CatalogError& e) {
        std::cerr << "nd: error: cause catalog: " << e.what() << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "nd: error: " << e.what() << "\n";
        return 1;
    }
}
