// Catch2's main for the wasm test build (Debian's libCatch2WithMain.a is x86).
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
