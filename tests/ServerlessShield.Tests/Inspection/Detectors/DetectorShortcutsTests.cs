using ServerlessShield.Tests.Inspection.Corpus;
using ServerlessShield.Tests.Support;
using Xunit.Abstractions;

namespace ServerlessShield.Tests.Inspection.Detectors;

[CollectionDefinition(nameof(DetectorShortcutsCollection), DisableParallelization = true)]
public sealed class DetectorShortcutsCollection;

// The detectors skip checks whose necessary characters or words a value lacks (DetectorShortcuts). A shortcut that
// is not a true necessary condition would silently lose detections on data nobody tuned on, so every verdict is
// compared with the shortcuts off: on every public corpus line and on strings generated from attack fragments,
// blanks, punctuation and look-alike characters. The collection runs alone because the switch is process-wide.
[Collection(nameof(DetectorShortcutsCollection))]
public class DetectorShortcutsTests(ITestOutputHelper output)
{
    private static readonly string[] Fragments =
    [
        "' or 1=1--", "\" or \"a\"=\"a", "1 union select null", "1union select 1,2", "1e5union select", "order by 3", "admin'#",
        "waitfor delay '0:0:5'", "sleep(5)", "pg_sleep", "information_schema", "mysql.user", "sp_password", "/*!50000select*/",
        "<svg onload=alert(1)>", "<img src=x onerror=prompt`1`>", "javascript:alert(1)", "java\tscript:", "&lt;script&gt;",
        "+ADw-script+AD4-", "\u00BCscript\u00BE", "1\u20444script3\u20444", "expression(alert(1))", "url(javascript:x)", "-moz-binding",
        "window['alert']", "document .cookie", "top[/al/.source+/ert/.source](1)", "[][(![]+[])[+[]]]", "${alert}", "-->",
        "; cat /etc/passwd", "| id", "&& whoami", "`id`", "$(id)", "system('id')", "phpinfo()", "{${system('id')}}", "cmd=whoami",
        "() { :;}; echo", "/dev/tcp/10.0.0.1/4444", "../../etc/passwd", "..\\..\\windows\\win.ini", "%2e%2e%2f", "0x2e0x2e0x2f",
        "..%c0%af", "\u2215etc\u2215shadow", "file:///etc/passwd", "zlib:", "jar:file:", "php://filter", "id_rsa", "/.env",
        "x.php%00.jpg", "Li4vLi4vZXRjL3Bhc3N3ZA==", "PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+", "${jndi:ldap://x/a}", "{{7*7}}", "*)(uid=*",
        "%0d%0aSet-Cookie:", "http://169.254.169.254/", "{\"$ne\": 1}", "\u212Aill", "\u0130d", "O'Brien", "Dún Laoghaire",
        "Volume 0: The Art", "Please leave it; thanks!", "Mozilla/5.0 (X11; Linux x86_64)", "application/json", "12 Harbour View",
        "un\u0131on \u017Felect 1", "x\u02BC or \u02BCa\u02BC=\u02BCa", "Zürich order by 2", "São Paulo", "+353 1 555 0142",
        "1 0xaor 1=1", "0x1funion select", "1 || 1=1", "x'||'", "1 && 2>1", "@@version", "@x:=1", "/*!12345*/", "1;", "a)--",
        "1 -- -", "1 # x", "(1)=(1)", "-1/**/", "id=1&x=2", "?page=2", "1*1", "a<b>c", "x::int", "'{}'::json", "version 2.1", "text/json", "hex (41)", "char(60)+char(47)", "if (1=1", "drop table users", "backup database x to disk", "12 Harbour View", "admin\u2019\u2014 ", "x'?'y", "'+foo()+'", "it's done.", "O'Neil;", "\u2013 x", "\u2018 or \u2019", "jane.doe+tag@example.co.uk", "a@b", "x@1", "sa@", "@sa", "1@@x", "q'@'q",
    ];

    private static readonly string[] Joints = [" ", "", "\t", "\n", ".", ",", ":", "/", "\\", "=", "(", ")", "'", "\"", ";", "|", "&", "+", "%", "_", "-", "0", "1", "é", "\u00A0"];

    [SkippableFact]
    public void SameVerdicts_OnEveryCorpusLine()
    {
        var corpora = SharedFolder.Require("corpora");
        var lines = Directory.GetFiles(corpora, "*.txt", SearchOption.AllDirectories).SelectMany(CorpusFile.ReadLines)
            .Concat(Directory.GetFiles(corpora, "*.jsonl", SearchOption.AllDirectories).SelectMany(f => CorpusFile.ReadMultiline(f).Select(m => m.Payload)))
            .ToList();
        var compared = AssertSameVerdicts(lines.Concat(lines.Select(ValueCanonicalizer.Canonicalize)));
        output.WriteLine($"{compared} verdicts compared on {lines.Count} corpus lines and their canonical forms");
    }

    [Fact]
    public void SameVerdicts_OnGeneratedStrings()
    {
        var random = new Random(20261129);
        var values = new List<string>();
        for (var n = 0; n < 20_000; n++)
        {
            var parts = random.Next(1, 5);
            var builder = new System.Text.StringBuilder();
            for (var p = 0; p < parts; p++)
            {
                builder.Append(Joints[random.Next(Joints.Length)]);
                var fragment = Fragments[random.Next(Fragments.Length)];

                // Cut fragments at random points too: a shortcut must hold for every prefix and suffix of an attack.
                var from = random.Next(3) == 0 ? random.Next(fragment.Length) : 0;
                builder.Append(fragment.AsSpan(from));
            }

            values.Add(builder.ToString());
        }

        var compared = AssertSameVerdicts(values);
        output.WriteLine($"{compared} verdicts compared on {values.Count} generated strings");
    }

    // Short tokens glued at random: punctuation runs, keywords, function and command names, case variants, with no
    // attack in mind. Shortcuts that reason about which characters and words an attack needs meet their edge cases
    // here (a function name before '(', a cast after "::", a plain word before a command separator...).
    private static readonly string[] Tokens =
    [
        "x", "1", "0x", "a", "abc", "Zz9", "(", ")", ";", "=", "<", ">", "!", "-", "--", "#", "/*", "*/", "/*!", "+", "*", "/",
        "%", "^", "~", "?", ":", "::", ",", ".", " ", " ", "\t", "\n", "|", "&", "@", "$", "{", "}", "[", "]", "\\", "\u2013",
        "\u00A0", "é", "0xa", "1e5", "name", "id", "user", "view", "sleep", "if", "or", "order", "by", "select", "null",
        "version", "json", "hex", "char", "concat", "int", "mysql", "benchmark", "text", "date", "cat", "ls", "whoami", "Cat",
        "Wget", "for", "alias", "echo", "ping", "net", "Get-Process", "iex", "/bin/", "sh", "-c", "`", "$(", "${IFS}", "'",
        "\"", "%0a", "<svg", "onload=", "javascript:", "../", "/etc/passwd", "{{", "}}", "${jndi:", "%2e", "drop", "create",
        "backup", "table", "database", "to", "grant", "on",
    ];

    [Fact]
    public void SameVerdicts_OnTokenSoup()
    {
        var random = new Random(29);
        var values = new List<string>();
        var builder = new System.Text.StringBuilder();
        for (var n = 0; n < 20_000; n++)
        {
            builder.Clear();
            for (var p = random.Next(1, 10); p > 0; p--)
            {
                builder.Append(Tokens[random.Next(Tokens.Length)]);
            }

            values.Add(builder.ToString());
        }

        var compared = AssertSameVerdicts(values);
        output.WriteLine($"{compared} verdicts compared on {values.Count} token strings");
    }

    private static int AssertSameVerdicts(IEnumerable<string> values)
    {
        var compared = 0;
        var differences = new List<string>();
        foreach (var value in values)
        {
            foreach (var detector in BuiltInDetectors.All)
            {
                bool fast, full;
                try
                {
                    DetectorShortcuts.Enabled = true;
                    fast = detector.IsMatch(value);
                    DetectorShortcuts.Enabled = false;
                    full = detector.IsMatch(value);
                }
                finally
                {
                    DetectorShortcuts.Enabled = true;
                }

                compared++;
                if (fast != full && differences.Count < 20)
                {
                    differences.Add($"{detector.Rule.Name}: full={full} shortcut={fast} on {value}");
                }
            }
        }

        Assert.True(differences.Count == 0, string.Join("\n", differences));
        return compared;
    }
}
