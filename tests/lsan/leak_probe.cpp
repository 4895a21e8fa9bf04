// Leaks on purpose, in code of ours: LeakSanitizer must report it even with tests/lsan.supp in force.
// tests/lsan/check_leak_probe.cmake runs it and fails unless the leak is reported by name.
#include <cstdio>
#include <cstring>

// Not static and not inlined, so the report's stack names it.
__attribute__((noinline)) char* leak_probe_allocate()
{
    char* p = new char[4096];
    std::memset(p, 'x', 4096);
    return p;
}

int main()
{
    volatile char* leaked = leak_probe_allocate();
    std::printf("leak_probe: allocated and dropped 4096 bytes (%c)\n", leaked[0]);
    leaked = nullptr; // the only pointer is gone: a direct leak
    return 0;
}
