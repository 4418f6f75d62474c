// The process the crash tests kill. It works on a diary (or a file) in a loop and
// reports on stdout, with unbuffered writes, what it is about to do ("B <op>")
// and that the call returned ("D"): an operation is acknowledged only once its
// "D" line is out, which is after the store said it was saved. The parent
// (crash_test.cpp) kills it with SIGKILL at a random moment and checks the file.
//
//   nd_crash_child log    DB SEED     add / bin / restore / check-in / empty-bin forever
//   nd_crash_child import DB SEED     replace_diary between two diaries forever
//   nd_crash_child create DB SEED     open (create + migrate) then add one episode
//   nd_crash_child atomic FILE SEED   write_file_atomic between two contents forever
//   nd_crash_child add    DB FIRST [PAUSE_US]
//                                     adds episodes FIRST, FIRST+1, ... forever, every
//                                     fifth step bins an earlier one instead; sleeps
//                                     PAUSE_US between saves (concurrency_test.cpp)
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "atomic_file.hpp"
#include "store.hpp"
#include "workload.hpp"

namespace {

void say(const std::string& line) {
    const std::string s = line + "\n";
    const char* p = s.data();
    std::size_t left = s.size();
    while (left > 0) {
        const ssize_t n = ::write(1, p, left);
        if (n <= 0) std::_Exit(3);
        p += n;
        left -= static_cast<std::size_t>(n);
    }
}

std::unique_ptr<nd::Store> open_store(const std::string& path) {
    auto s = nd::Store::open(path);
    s->set_clock([] { return ndrel::kClock; });
    return s;
}

int run_log(const std::string& path, std::uint32_t seed) {
    auto store = open_store(path);
    std::set<long long> live, binned;
    long long next = 0;
    for (const auto& e : store->episodes({}, true)) {
        const long long i = ndrel::episode_index(e.id);
        if (i < 0) continue;
        (e.deleted_utc ? binned : live).insert(i);
        next = std::max(next, i + 1);
    }
    for (const auto& t : store->load_diary().tombstones) next = std::max(next, ndrel::episode_index(t.id) + 1);
    say("ready");
    std::mt19937 rng(seed);
    auto pick = [&](const std::set<long long>& s) {
        auto it = s.begin();
        std::advance(it, static_cast<long>(rng() % s.size()));
        return *it;
    };
    for (;;) {
        const unsigned r = rng() % 100;
        if (r < 10 && !live.empty()) {
            const long long i = pick(live);
            say("B bin " + std::to_string(i));
            store->delete_episode(ndrel::episode_id(static_cast<std::uint64_t>(i)));
            live.erase(i);
            binned.insert(i);
        } else if (r < 14 && !binned.empty()) {
            const long long i = pick(binned);
            say("B restore " + std::to_string(i));
            store->restore_episode(ndrel::episode_id(static_cast<std::uint64_t>(i)));
            binned.erase(i);
            live.insert(i);
        } else if (r < 22) {
            const unsigned k = rng() % 400;
            say("B checkin " + std::to_string(k));
            store->put_checkin(ndrel::make_checkin(k));
        } else if (r < 26) {
            say("B empty");
            store->empty_bin();
            binned.clear();
        } else {
            say("B add " + std::to_string(next));
            store->add_episode(ndrel::make_episode(static_cast<std::uint64_t>(next)));
            live.insert(next++);
        }
        say("D");
    }
}

int run_import(const std::string& path) {
    auto store = open_store(path);
    int current = store->profile().name == "Import A" ? 0 : 1;
    say("ready");
    for (;;) {
        const int target = 1 - current;
        say("B import " + std::to_string(target));
        store->replace_diary(ndrel::import_diary(target));
        current = target;
        say("D");
    }
}

int run_add(const std::string& path, std::uint64_t first, long pause_us) {
    auto store = open_store(path);
    say("ready");
    std::uint64_t next = first;
    for (std::uint64_t step = 1;; ++step) {
        if (step % 5 == 0 && next > first) {
            const std::uint64_t i = first + (step * 7919) % (next - first);
            say("B bin " + std::to_string(i));
            store->delete_episode(ndrel::episode_id(i));   // binning a binned one keeps its first time
        } else {
            say("B add " + std::to_string(next));
            store->add_episode(ndrel::make_episode(next));
            ++next;
        }
        say("D");
        if (pause_us > 0) ::usleep(static_cast<useconds_t>(pause_us));
    }
}

int run_create(const std::string& path) {
    say("B open");
    auto store = open_store(path);
    say("D");
    say("B add 0");
    store->add_episode(ndrel::make_episode(0));
    say("D");
    return 0;
}

int run_atomic(const std::string& path) {
    say("ready");
    for (int k = 0;; ++k) {
        const int which = k % 2 == 0 ? 1 : 0;
        say("B write " + std::to_string(which));
        nd::write_file_atomic(path, ndrel::file_content(which));
        say("D");
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4 && argc != 5) {
        std::fprintf(stderr, "usage: nd_crash_child log|import|create|atomic|add PATH SEED [PAUSE_US]\n");
        return 2;
    }
    const std::string mode = argv[1], path = argv[2];
    const auto seed = static_cast<std::uint32_t>(std::strtoul(argv[3], nullptr, 10));
    try {
        if (mode == "log") return run_log(path, seed);
        if (mode == "import") return run_import(path);
        if (mode == "create") return run_create(path);
        if (mode == "atomic") return run_atomic(path);
        if (mode == "add") return run_add(path, seed, argc == 5 ? std::strtol(argv[4], nullptr, 10) : 0);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "nd_crash_child: %s\n", e.what());
        say(std::string("E ") + e.what());
        return 1;
    }
    std::fprintf(stderr, "nd_crash_child: unknown mode %s\n", mode.c_str());
    return 2;
}
