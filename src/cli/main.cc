#include "cli/app.h"

int main(int argc, char** argv) { return fulint::RunCli(argc, argv); }
