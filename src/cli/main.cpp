#include <claimtrack/cli.hpp>

#include <iostream>

int main(int argc, char** argv) { return claimtrack::run_cli({argv, argv + argc}, std::cout, std::cerr); }
