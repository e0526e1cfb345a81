package signal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import boot.CGuest;
import boot.Options;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The signal programs of tests/linux (sig_*.c), one test per feature, so that the signals
 * can be checked without the whole Linux comparison suite: each must print exactly what
 * the same file printed when built with gcc and run on Linux, exit with 0 and leak nothing.
 */
class SignalProgramsTest {
    @TempDir Path tmp;

    private void printsWhatLinuxPrints(String name) throws Exception {
        Path dir = Path.of("tests/linux");
        String source = Files.readString(dir.resolve(name + ".c"), StandardCharsets.UTF_8);
        String expected = Files.readString(dir.resolve(name + ".expected"), StandardCharsets.UTF_8);
        assertEquals(expected, CGuest.run(tmp, Options.defaults(), name, source));
    }

    @Test
    void handlersFlagsMasksAndSiginfoBehaveAsOnLinux() throws Exception {
        printsWhatLinuxPrints("sig_handlers");
    }

    @lab.PartOfLab("clone")
    @Test
    void threadsShareHandlersButNotMasksAndSignalsReachTheRightThread() throws Exception {
        printsWhatLinuxPrints("sig_threads");
    }

    @Test
    void blockingCallsEndWithEintrOrRestartUnderSaRestart() throws Exception {
        printsWhatLinuxPrints("sig_eintr");
    }

    @Test
    void faultsBecomeSignalsWithTheirCodeAndAddress() throws Exception {
        printsWhatLinuxPrints("sig_faults");
    }

    @Test
    void stopAndContinueAreReportedByWaitAndSigchld() throws Exception {
        printsWhatLinuxPrints("sig_stop");
    }

    @lab.PartOfLab("clone")
    @Test
    void sigchldCarriesTheChildsEndAndIgnoringItLeavesNoZombies() throws Exception {
        printsWhatLinuxPrints("sig_chld");
    }

    @Test
    void alarmSessionsAndProcStatusSignalLines() throws Exception {
        printsWhatLinuxPrints("sig_alarm_pgrp");
    }

    @Test
    void realTimeSignalsQueueWithTheirValuesAndStandardOnesDoNot() throws Exception {
        printsWhatLinuxPrints("sig_rtqueue");
    }

    @Test
    void saOnstackHandlersRunOnTheAlternateSignalStack() throws Exception {
        printsWhatLinuxPrints("sig_altstack");
    }

    @lab.PartOfLab("clone")
    @Test
    void aStopSignalStopsEveryThreadOfTheGroup() throws Exception {
        printsWhatLinuxPrints("sig_groupstop");
    }

    /**
     * Signals must not depend on how the machine interleaves its CPUs: every program prints
     * the same on one CPU and on three, with other seeds.
     */
    @lab.PartOfLab("clone")
    @Test
    void theOutputDoesNotDependOnTheNumberOfCpusOrTheSeed() throws Exception {
        Path dir = Path.of("tests/linux");
        String[] names = {"sig_handlers", "sig_threads", "sig_eintr", "sig_faults", "sig_stop", "sig_chld",
            "sig_alarm_pgrp", "sig_rtqueue", "sig_altstack", "sig_groupstop"};
        Options[] shapes = {Options.defaults().withCpus(1).withSeed(7), Options.defaults().withCpus(3).withSeed(12345)};
        for (String name : names) {
            String source = Files.readString(dir.resolve(name + ".c"), StandardCharsets.UTF_8);
            String expected = Files.readString(dir.resolve(name + ".expected"), StandardCharsets.UTF_8);
            for (Options o : shapes) assertEquals(expected, CGuest.run(tmp, o, name, source), name + " with " + o);
        }
    }
}
