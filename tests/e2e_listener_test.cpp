// A doctest listener that tells TempDir whether the running test has failed, so its files are kept.
#include "e2e_support.hpp"

namespace {

struct FailureListener : doctest::IReporter {
    explicit FailureListener(const doctest::ContextOptions& /*options*/) {}
    void report_query(const doctest::QueryData&) override {}
    void test_run_start() override {}
    void test_run_end(const doctest::TestRunStats&) override {}
    void test_case_start(const doctest::TestCaseData&) override { e2e::current_test_failed() = false; }
    void test_case_reenter(const doctest::TestCaseData&) override {}
    void test_case_end(const doctest::CurrentTestCaseStats&) override {}
    void test_case_exception(const doctest::TestCaseException&) override { e2e::current_test_failed() = true; }
    void subcase_start(const doctest::SubcaseSignature&) override {}
    void subcase_end() override {}
    void log_assert(const doctest::AssertData& data) override {
        if (data.m_failed) e2e::current_test_failed() = true;
    }
    void log_message(const doctest::MessageData&) override {}
    void test_case_skipped(const doctest::TestCaseData&) override {}
};

REGISTER_LISTENER("tempdir-keeper", 1, FailureListener);

}  // namespace
