using System.Text;

namespace ServerlessShield.Tests.Inspection.Detectors;

// The multi-substring search must find exactly the first start that one substring search per string finds, both
// vectorized (JIT on .NET 9+) and string by string (Native AOT, .NET 8), for positions that move forward as a loop's
// do and for positions that go back.
public class SubstringFinderTests
{
    private static readonly string[] Strings = ["alert", "al", "print", "prompt", "atob(", "eval", "setinterval", "settimeout", "\u212Aey"];

    private static readonly string[] Pieces = ["al", "ert", "pr", "int", "ompt", "at", "ob", "(", "ev", "set", "interval", "timeout", "ALERT", "Eval", "\u212A", "\u212Aey", "\u212AEY", "key", "KEY", " ", "x", "\u0131", "\u017F"];

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void IndexFrom_FindsTheFirstStartOfAnyString(bool vectorized)
    {
        var random = new Random(11);
        var builder = new StringBuilder();
        foreach (var comparison in new[] { StringComparison.Ordinal, StringComparison.OrdinalIgnoreCase })
        {
            var finder = new SubstringFinder(comparison, vectorized, Strings);
            for (var n = 0; n < 5_000; n++)
            {
                builder.Clear();
                for (var p = random.Next(0, 16); p > 0; p--)
                {
                    builder.Append(Pieces[random.Next(Pieces.Length)]);
                }

                var text = builder.ToString();
                var cursor = finder.Over(text);
                var from = random.Next(3) == 0 ? random.Next(text.Length + 2) : 0;
                for (var step = 0; step < 8; step++)
                {
                    Assert.Equal(FirstStart(text, from, comparison), cursor.IndexFrom(from));

                    // Mostly forward, as the detectors' loops go; sometimes back.
                    from = random.Next(5) == 0 ? random.Next(text.Length + 1) : from + 1 + random.Next(3);
                }
            }
        }
    }

    private static int FirstStart(string text, int from, StringComparison comparison) =>
        Strings.Select(s => from >= text.Length ? -1 : text.IndexOf(s, from, comparison)).Where(i => i >= 0).DefaultIfEmpty(-1).Min();

    [Fact]
    public void Constructor_RefusesEmptyStringsAndTooMany()
    {
        Assert.Throws<ArgumentException>(() => new SubstringFinder(StringComparison.Ordinal, "ab", ""));
        Assert.Throws<ArgumentException>(() => new SubstringFinder(StringComparison.Ordinal, [.. Enumerable.Range(0, SubstringFinder.MaxStrings + 1).Select(i => $"s{i}")]));
    }
}
