package dev.lamina.config.flags.internal.value;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CidrBlockTest {

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource({
        "10.0.0.0/8, 10.255.1.2, true",
        "10.0.0.0/8, 11.0.0.1, false",
        "192.168.1.0/24, 192.168.1.42, true",
        "192.168.1.0/25, 192.168.1.200, false",
        "127.0.0.1, 127.0.0.1, true",
        "127.0.0.1, 127.0.0.2, false",
        "0.0.0.0/0, 8.8.8.8, true",
        "2001:db8::/32, 2001:db8:0:1::42, true",
        "2001:db8::/32, 2001:db9::1, false",
        "2001:db8::1, 2001:0db8:0000:0000:0000:0000:0000:0001, true",
        "::1, ::1, true",
        "10.0.0.0/8, ::ffff:10.1.2.3, true",
        "10.0.0.0/8, 2001:db8::1, false",
        "fe80::/10, fe80::1:2:3:4, true",
        "::ffff:10.0.0.0/104, 10.9.9.9, true"
    })
    void matchesAddressesInsideTheBlock(String block, String address, boolean expected) {
        assertThat(CidrBlock.parseOrNull(block).contains(IpAddresses.parseOrNull(address))).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.invalid", "bad::cidr", "10.0.0.0/33", "2001:db8::/129", "256.1.1.1", "1.2.3",
        "example.com", "10.0.0.0/", "1:2:3:4:5:6:7:8:9", "::1::2", "010.0.0.1", "fe80::1%eth0", "10.0.0.0/-1"})
    void refusesWhatIsNotAnAddressOrBlockWithoutLookingNamesUp(String text) {
        assertThat(CidrBlock.parseOrNull(text)).isNull();
    }
}
