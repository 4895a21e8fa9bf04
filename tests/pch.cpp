// The translation unit of the tests' precompiled-header holders (console_test_precompile in
// tests/CMakeLists.txt): it only gives the precompiled header a target to be built for.
