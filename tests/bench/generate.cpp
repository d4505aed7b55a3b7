// (bench helpers live in bench_core.cpp)
