using System.Text;
using ServerlessShield.Tests.Inspection.Corpus;
using ServerlessShield.Tests.Support;
using Xunit.Abstractions;

namespace ServerlessShield.Tests.Inspection;

// An attack that is caught must stay caught under the encodings its transport or an evasion adds: another layer of
// percent encoding, '+' for spaces in a query string or form, JSON \u escapes, HTML character references, IIS %u
// escapes and JavaScript \x escapes.
public class EncodedAttackTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("admin')+or+('1'='1", "SHIELD1001")]
    [InlineData("1+union+all+select+null,version()--+-", "SHIELD1001")]
    [InlineData("%26+ping+-n+30+127.0.0.1+%26", "SHIELD1004")]
    [InlineData("%2E%2E%25c1%25afetc%25c1%25afpasswd", "SHIELD1005")]
    [InlineData("..%25f8%2580%2580%2580%25afetc%25f8%2580%2580%2580%25afshadow", "SHIELD1005")]
    [InlineData("..%25fc%2580%2580%2580%2580%25afwindows%25fc%2580%2580%2580%2580%25afwin.ini", "SHIELD1005")]
    public void EncodedAttack_IsFlagged(string value, string ruleId)
    {
        Assert.Contains(ValuePipeline.Rules(value), r => r.Id == ruleId);
    }

    public static TheoryData<string> Classes { get; } = ["sqli", "cmdi", "path_traversal", "ssti", "ldapi", "xxe", "jndi", "crlf", "ssrf"];

    [SkippableTheory]
    [MemberData(nameof(Classes))]
    public void DetectedAttacks_StayDetected_UnderTransportEncodings(string attackClass)
    {
        var corpora = SharedFolder.Require("corpora");
        var detected = CorpusFile.Attacks(corpora, attackClass, "payloadsallthethings")
            .Where(a => InjectionScanner.Default.Scan(a).Count > 0).ToList();
        Skip.If(detected.Count == 0, $"no detected {attackClass} payloads");
        foreach (var (name, encode) in Encodings)
        {
            var changed = detected.Select(a => encode(a)).Where((e, i) => e != detected[i]).ToList();
            var lost = changed.Where(e => InjectionScanner.Default.Scan(e).Count == 0).ToList();
            output.WriteLine($"{attackClass} {name}: {lost.Count} of {changed.Count} lost");
            Assert.True(lost.Count <= changed.Count / 100, $"{attackClass} {name}: {lost.Count} of {changed.Count} lost, e.g. {string.Join(" | ", lost.Take(5))}");
        }
    }

    private static readonly (string Name, Func<string, string> Encode)[] Encodings =
    [
        ("percent", s => Percent(s)),
        ("plus for space", s => s.Contains('\n') ? s : s.Replace(' ', '+')),
        ("json \\u", s => string.Concat(s.Select(c => char.IsAsciiLetterOrDigit(c) ? c.ToString() : $"\\u{(int)c:x4}"))),
        ("html hex entities", s => string.Concat(s.Select(c => char.IsAsciiLetterOrDigit(c) || c == ' ' ? c.ToString() : $"&#x{(int)c:x};"))),
        ("iis %u", s => string.Concat(s.Select(c => char.IsAsciiLetterOrDigit(c) ? c.ToString() : $"%u{(int)c:X4}"))),
        ("javascript \\x", s => string.Concat(s.Select(c => char.IsAsciiLetterOrDigit(c) || c > 0x7F ? c.ToString() : $"\\x{(int)c:x2}"))),
    ];

    private static string Percent(string value)
    {
        var builder = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (char.IsAsciiLetterOrDigit((char)b))
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2"));
            }
        }

        return builder.ToString();
    }
}
