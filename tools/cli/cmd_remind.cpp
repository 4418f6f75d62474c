// `numbness-diary-cli remind`: what the daily reminder's systemd timer runs (platform/reminder).
// Shows "Time for your diary" with notify-send unless something was logged
// today; never names a symptom. $ND_NOTIFY_COMMAND replaces notify-send (tests).
#include <iostream>

#include "cli.hpp"
#include "reminder.hpp"
#include "time_util.hpp"

namespace ndcli {

namespace {

int run_remind(const Args&, Context& ctx) {
    auto store = ctx.open_store();
    const nd::LocalDate today = nd::local_date({ctx.now, ctx.offset_min});
    auto notifier = nd::reminder::command_notifier();
    std::string error;
    const bool sent = nd::reminder::remind_if_nothing_logged(store->load_diary(), today, *notifier, error);
    if (!error.empty()) throw CliError("the reminder could not be shown: " + error);
    std::cout << (sent ? "Reminder shown: nothing logged on " + today + " yet.\n"
                       : "No reminder: something was logged on " + today + ".\n");
    return 0;
}

}  // namespace

std::vector<Command> remind_commands() {
    CommandSpec remind{"remind", "", "Show the daily reminder unless something was logged today",
                       "Run by the daily reminder's systemd user timer (Settings > Daily reminder in the app).\n"
                       "The notification says only \"Time for your diary\". Needs notify-send (Debian package\n"
                       "libnotify-bin); $ND_NOTIFY_COMMAND names another program to call instead.",
                       {}, 0, 0, {"numbness-diary-cli remind"}};
    return {{remind, run_remind}};
}

}  // namespace ndcli
