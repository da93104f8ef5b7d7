package dev.certsd.roots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class HostDirNamesTest {
    private static HostDir linux(String name) {
        return HostDirNames.parse(name, Client.DOCKER, OsFamily.LINUX);
    }

    @Test
    void plainHostServesReferencesWithoutPort() {
        HostDir d = linux("registry.example.com");
        assertEquals(HostDir.Form.HOST, d.form());
        assertEquals("registry.example.com", d.host());
        assertNull(d.port());
        assertEquals(List.of("registry.example.com"), d.references());
    }

    @Test
    void hostWithPort() {
        HostDir d = linux("reg:5000");
        assertEquals(HostDir.Form.HOST_PORT, d.form());
        assertEquals(5000, d.port());
        assertEquals(List.of("reg:5000"), d.references());
    }

    @Test
    void bracketedIpv6WithPort() {
        HostDir d = linux("[::1]:5000");
        assertEquals(HostDir.Form.IPV6, d.form());
        assertEquals("::1", d.host());
        assertEquals("[::1]:5000", d.registry());
    }

    @Test
    void unbracketedIpv6AndBadNamesAreInvalid() {
        assertFalse(linux("::1").valid());
        assertFalse(linux("reg:0").valid());
        assertFalse(linux("reg:70000").valid());
        assertFalse(linux("-reg").valid());
        assertFalse(linux("reg example").valid());
        assertFalse(linux("reg_5000_").valid(), "only containerd knows the underscore form");
    }

    @Test
    void windowsDirectoryNamesHaveTheColonStripped() {
        HostDir d = HostDirNames.parse("myreg5000", Client.DOCKER, OsFamily.WINDOWS);
        assertEquals(HostDir.Form.WINDOWS_STRIPPED, d.form());
        assertEquals(List.of("myreg5000", "myreg:5000"), d.references());
        assertEquals("myreg5000", HostDirNames.dirNameFor("myreg:5000", Client.DOCKER, OsFamily.WINDOWS));
    }

    @Test
    void containerdUnderscoreFormAndDefault() {
        HostDir d = HostDirNames.parse("reg_5000_", Client.CONTAINERD, OsFamily.LINUX);
        assertEquals(HostDir.Form.CONTAINERD_PORT, d.form());
        assertEquals("reg", d.host());
        assertEquals(5000, d.port());
        assertEquals(HostDir.Form.CONTAINERD_DEFAULT, HostDirNames.parse("_default", Client.CONTAINERD, OsFamily.LINUX).form());
        assertEquals("reg_5000_", HostDirNames.dirNameFor("reg:5000", Client.CONTAINERD, OsFamily.LINUX));
        assertEquals(HostDir.Form.HOST_PORT, HostDirNames.parse("reg:5000", Client.CONTAINERD, OsFamily.LINUX).form());
    }

    @Test
    void theDefaultPortIsDroppedFromDerivedNames() {
        assertEquals("reg.example.com", HostDirNames.dirNameFor("reg.example.com:443", Client.DOCKER, OsFamily.LINUX));
        assertEquals("[::1]:5000", HostDirNames.dirNameFor("[::1]:5000", Client.DOCKER, OsFamily.LINUX));
    }
}
