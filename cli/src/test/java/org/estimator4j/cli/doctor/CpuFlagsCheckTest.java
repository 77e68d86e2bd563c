package org.estimator4j.cli.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuFlagsCheckTest {

    @TempDir
    Path dir;

    private Path cpuinfo(String flags) throws IOException {
        return Files.writeString(
                dir.resolve("cpuinfo"),
                String.join(
                        "\n",
                        "processor\t: 0",
                        "vendor_id\t: GenuineIntel",
                        "model name\t: Test CPU",
                        "flags\t\t: " + flags,
                        "bugs\t\t: spectre_v1",
                        "",
                        "processor\t: 1",
                        "flags\t\t: fpu sse2 something_else",
                        ""));
    }

    @Test
    void reportsAvx2AndAvx512fAndTheClassifier() throws IOException {
        CheckResult result = new CpuFlagsCheck("Linux", "amd64", cpuinfo("fpu sse2 avx avx2 avx512f avx512bw")).run();

        assertEquals(Status.OK, result.status());
        assertTrue(result.detail().startsWith("avx2 yes, avx512f yes;"), result.detail());
        assertTrue(result.detail().contains("linux-x86_64"), result.detail());
    }

    @Test
    void avx2WithoutAvx512() throws IOException {
        CheckResult result = new CpuFlagsCheck("Linux", "amd64", cpuinfo("fpu sse2 avx avx2 avx512vl")).run();

        assertEquals(Status.OK, result.status());
        assertTrue(result.detail().startsWith("avx2 yes, avx512f no;"), result.detail());
    }

    @Test
    void noAvxAtAllIsStillOkForTheGenericBuild() throws IOException {
        CheckResult result = new CpuFlagsCheck("Linux", "x86_64", cpuinfo("fpu sse2")).run();

        assertEquals(Status.OK, result.status());
        assertTrue(result.detail().startsWith("avx2 no, avx512f no;"), result.detail());
    }

    @Test
    void unreadableCpuinfoWarns() {
        CheckResult result = new CpuFlagsCheck("Linux", "amd64", dir.resolve("missing")).run();
        assertEquals(Status.WARN, result.status());
        assertTrue(result.detail().startsWith("cannot read CPU flags"), result.detail());
    }

    @Test
    void cpuinfoWithoutFlagsWarns() throws IOException {
        Path file = Files.writeString(dir.resolve("noflags"), "processor : 0\n");
        assertEquals(
                Status.WARN, new CpuFlagsCheck("Linux", "amd64", file).run().status());
    }

    @Test
    void otherPlatformsFailBecauseOnlyLinuxX8664NativesAreBundled() throws IOException {
        Path file = cpuinfo("avx2");
        CheckResult mac = new CpuFlagsCheck("Mac OS X", "x86_64", file).run();
        CheckResult arm = new CpuFlagsCheck("Linux", "aarch64", file).run();

        assertEquals(Status.FAIL, mac.status());
        assertEquals(Status.FAIL, arm.status());
        assertTrue(arm.detail().contains("linux-x86_64 only"), arm.detail());
    }
}
