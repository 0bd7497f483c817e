// The one place that defines the test module; every other file holds one suite named after it.
#define BOOST_TEST_MODULE sayso
#include <boost/test/unit_test.hpp>
