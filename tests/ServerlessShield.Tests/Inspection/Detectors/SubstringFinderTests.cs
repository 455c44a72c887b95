using System.Text;

namespace ServerlessShield.Tests.Inspection.Detectors;

// The multi-substring search must find exactly the first start that one substring search per string finds, both
// vectorized (JIT on .NET 9+) and by first letters (Native AOT, .NET 8).
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
            for (var n = 0; n < 10_000; n++)
            {
                builder.Clear();
                for (var p = random.Next(0, 16); p > 0; p--)
                {
                    builder.Append(Pieces[random.Next(Pieces.Length)]);
                }

                var text = builder.ToString();
                var from = random.Next(text.Length + 2);
                var expected = Strings
                    .Select(s => from > text.Length ? -1 : text.IndexOf(s, from, comparison))
                    .Where(i => i >= 0)
                    .DefaultIfEmpty(-1)
                    .Min();
                Assert.Equal(expected, finder.IndexFrom(text, from));
            }
        }
    }

    [Fact]
    public void Constructor_RefusesSingleCharacters()
    {
        Assert.Throws<ArgumentException>(() => new SubstringFinder(StringComparison.Ordinal, "ab", "c"));
    }
}
