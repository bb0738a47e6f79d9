"""Loopback servers and fakes shared by the tests and the benchmarks: nothing here runs in production."""
