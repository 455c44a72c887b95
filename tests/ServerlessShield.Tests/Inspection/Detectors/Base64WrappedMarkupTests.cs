using System.Text;

namespace ServerlessShield.Tests.Inspection.Detectors;

// The run finder probes every sixteenth character; it must judge exactly the runs a scan of every run judges. Runs of
// exactly sixteen ("<script>xxxx" encoded) at every offset are what a wrong stride would miss.
public class Base64WrappedMarkupTests
{
    private static readonly string[] Pieces =
    [
        Convert.ToBase64String("<svg onload=alert(1)>"u8), Convert.ToBase64String("<img src=x onerror=prompt(1)>"u8),
        Convert.ToBase64String("plain text, no markup at all"u8), Convert.ToBase64String("<script>xxxx"u8), "<b>", "PHN2",
        "ZyBvbm", "abc", "Zm9v", "+", "/", "=", "==", " ", ",", "-", ".", "é", "0123456789", "ABCDEFGHIJKLMNOP", "x",
    ];

    [Fact]
    public void Matches_JudgesEveryRunOfSixteenOrMore()
    {
        var random = new Random(16);
        var builder = new StringBuilder();
        var flagged = 0;
        for (var n = 0; n < 20_000; n++)
        {
            builder.Clear();
            for (var p = random.Next(1, 8); p > 0; p--)
            {
                builder.Append(Pieces[random.Next(Pieces.Length)]);
            }

            var value = builder.ToString();
            var expected = Runs(value).Any(run => Base64WrappedMarkup.Matches(run));
            flagged += expected ? 1 : 0;
            Assert.True(expected == Base64WrappedMarkup.Matches(value), value);
        }

        Assert.InRange(flagged, 100, 19_900);
    }

    // Every maximal run of base64 characters of length 16 or more, on its own.
    private static IEnumerable<string> Runs(string value)
    {
        static bool IsBase64(char c) => char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=';
        var start = -1;
        for (var i = 0; i <= value.Length; i++)
        {
            if (i < value.Length && IsBase64(value[i]))
            {
                start = start < 0 ? i : start;
                continue;
            }

            if (start >= 0 && i - start >= 16)
            {
                yield return value[start..i];
            }

            start = -1;
        }
    }
}
