#include "fetch/transfer.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <string>

TEST_SUITE("fetch user agent") {

TEST_CASE("the default User-Agent names claimtrack and, when set, the newsroom's contact") {
    ::unsetenv("CLAIMTRACK_CONTACT");
    const std::string plain = claimtrack::fetch::default_user_agent();
    CHECK(plain.starts_with("Mozilla/5.0 (compatible; claimtrack/"));
    CHECK(plain.find("contact") == std::string::npos);

    ::setenv("CLAIMTRACK_CONTACT", "factdesk@paper.example", 1);
    const std::string with_contact = claimtrack::fetch::default_user_agent();
    CHECK(with_contact.find("; contact: factdesk@paper.example)") != std::string::npos);

    // A contact cannot inject a header line or close the comment early.
    ::setenv("CLAIMTRACK_CONTACT", "a@b.example\r\nX-Evil: 1 (x)", 1);
    const std::string hostile = claimtrack::fetch::default_user_agent();
    CHECK(hostile.find('\r') == std::string::npos);
    CHECK(hostile.find('\n') == std::string::npos);
    CHECK(hostile.find("contact: a@b.exampleX-Evil: 1 x)") != std::string::npos);
    ::unsetenv("CLAIMTRACK_CONTACT");
}

}
