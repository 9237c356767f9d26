# uconform reference firmware library: transport-free core + socket loop.
VERSION = "0.1.0"
