namespace ServerlessShield.Tests.Inspection.Detectors;

public class PathTraversalDetectorTests
{
    private readonly PathTraversalDetector _detector = new();

    [Theory]
    [InlineData("../../../../etc/shadow")]
    [InlineData("..\\..\\windows\\win.ini")]
    [InlineData("../report.pdf")]
    [InlineData("images/../../../../root/.ssh/authorized_keys")]
    [InlineData("/var/www/../../etc/group")]
    [InlineData("%2e%2e%2f%2e%2e%2fetc%2fhosts")]
    [InlineData("%252e%252e%255c%252e%252e%255cboot.ini")]
    [InlineData("..%c0%af..%c0%afetc/passwd")]
    [InlineData("..%u2215..%u2215etc%u2215passwd")]
    [InlineData("....//....//etc/passwd")]
    [InlineData("..;/..;/WEB-INF/web.xml")]
    [InlineData("..%bg%qf..%bg%qfetc%bg%qfissue")]
    [InlineData("0x2e0x2e0x2f0x2e0x2e0x2fetc0x2fpasswd")]
    [InlineData("file:///c:/windows/system32/drivers/etc/hosts")]
    [InlineData("php://filter/convert.base64-encode/resource=index.php")]
    [InlineData("/proc/self/cmdline")]
    [InlineData("/proc/1/environ")]
    [InlineData("C:\\boot.ini")]
    [InlineData("C:\\Windows\\System32\\config\\SAM")]
    [InlineData("/etc/ssh/sshd_config")]
    [InlineData("/home/deploy/.aws/credentials")]
    [InlineData("/var/log/nginx/access.log")]
    [InlineData("/usr/local/tomcat/conf/tomcat-users.xml")]
    [InlineData("report.pdf%00.jpg")]
    [InlineData("/.git/config")]
    [InlineData("/.env")]
    [InlineData("Li4vLi4vZXRjL2hvc3Rz")]
    [InlineData("file=../../../../../var/log/apache2/error.log")]
    [InlineData("./\\/./\\/./x")]
    [InlineData("WEB-INF/web.xml")]
    [InlineData("/var/adm/messages")]
    public void TraversalAndSensitivePaths_AreDetected(string value)
    {
        Assert.True(DetectorProbe.Fires(_detector, value), value);
    }

    [Theory]
    [InlineData("/usr/share/doc/readme.txt")]
    [InlineData("/etc/mail/relay_notes.txt")]
    [InlineData("/var/log")]
    [InlineData("/proc/quietly_beyond.png")]
    [InlineData("/home/user/photos/2024/beach.jpg")]
    [InlineData("C:\\Users\\ann\\Documents\\budget.xlsx")]
    [InlineData("C:\\Windows\\System32\\notepad.exe")]
    [InlineData("Wait... what?")]
    [InlineData("Loading...")]
    [InlineData("1 + ... + n")]
    [InlineData("see ../docs for details")]
    [InlineData("<a href=\"../index.html\">Up</a>")]
    [InlineData("Tip: `cd ..` goes up one level")]
    [InlineData("https://example.com/a/b/c.html")]
    [InlineData("Copy .env.example to .env before starting")]
    [InlineData("/.well-known/security.txt")]
    [InlineData("https:\\/\\/example.com\\/path")]
    [InlineData("100%cotton/blend")]
    [InlineData("VGhpcyBpcyBqdXN0IHNvbWUgdGV4dA==")]
    public void OrdinaryPathsAndText_AreNotDetected(string value)
    {
        Assert.False(DetectorProbe.Fires(_detector, value), value);
    }

    // Dot segments joined by both kinds of slash: a run of five or more dots and slashes holding all three, wherever
    // it stands among shorter runs.
    [Theory]
    [InlineData("x ./\\/. y", true)]
    [InlineData(".. ./ a ./\\/.", true)]
    [InlineData("a/ b\\ .. ./ /./\\/./ z", true)]
    [InlineData("a ./\\. b", false)]
    [InlineData("a ./\\/ b .\\/ c", false)]
    [InlineData("a/./. b\\c", false)]
    public void SeparatorMixingRuns_AreJudgedByLength(string value, bool expected)
    {
        Assert.Equal(expected, _detector.IsMatch(value));
    }

    [Fact]
    public void PathologicalDotDotSlash_CompletesAndMatches()
    {
        Assert.True(_detector.IsMatch(DetectorProbe.Repeat("../")));
    }

    [Theory]
    [InlineData(".")]
    [InlineData("/")]
    [InlineData("%")]
    [InlineData("%c0")]
    [InlineData("a/")]
    [InlineData("\u00C0")]
    public void PathologicalInput_Completes(string unit)
    {
        _ = _detector.IsMatch(DetectorProbe.Repeat(unit));
    }
}
