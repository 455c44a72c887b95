using System.Text;

namespace ServerlessShield.Tests.Inspection.Detectors;

// The anchored marker search must find exactly what one substring search per marker finds, also once it has
// switched to searching for the markers themselves in text dense in anchors (long texts below).
public class MarkerSetTests
{
    private static readonly string[] Markers = ["system(", "exec(", "shell_exec(", "os.system(", "exec cmd=", "php://", "zlib:", "convert.iconv."];

    private static readonly string[] Pieces = ["sys", "tem", "(", "exec", "shell_", "_", "os.", " ", "cmd", "=", "php", ":", "//", "zlib", "convert", ".iconv", ".", "a", "SYS", "EXEC", "x(", "\u017Fy\u017F", ".\u0131conv", "\u212A", "Zlib", "PHP", ".ICONV", ".SYS", "SYSTEM(", "Exec(", "OS.SYSTEM("];

    [Fact]
    public void Any_FindsTheOccurrencesThatSubstringSearchesFind()
    {
        var random = new Random(7);
        var ordinal = new MarkerSet("(=:.", StringComparison.Ordinal, Markers);
        var ignoreCase = new MarkerSet("(=:.", StringComparison.OrdinalIgnoreCase, Markers);
        var builder = new StringBuilder();
        for (var n = 0; n < 20_000; n++)
        {
            builder.Clear();
            for (var p = random.Next(1, 40); p > 0; p--)
            {
                builder.Append(Pieces[random.Next(Pieces.Length)]);
            }

            var text = builder.ToString();
            foreach (var (set, comparison) in new[] { (ordinal, StringComparison.Ordinal), (ignoreCase, StringComparison.OrdinalIgnoreCase) })
            {
                var expected = Occurrences(text, comparison).Where(o => o.Start == 0 || text[o.Start - 1] == ' ').ToHashSet();
                var seen = new HashSet<(string, int)>();
                var found = set.Any(text, (t, marker, start) =>
                {
                    seen.Add((marker, start));
                    return start == 0 || t[start - 1] == ' ';
                });

                Assert.Equal(expected.Count > 0, found);
                Assert.Equal(Occurrences(text, comparison).Count > 0, set.ContainsAny(text));
                if (!found)
                {
                    Assert.Equal(Occurrences(text, comparison).ToHashSet(), seen);
                }
            }
        }
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("(a(")]
    public void Constructor_RefusesMarkersWithoutAnchorOrWithABorder(string marker)
    {
        Assert.Throws<ArgumentException>(() => new MarkerSet("(=", StringComparison.Ordinal, marker));
    }

    private static List<(string Marker, int Start)> Occurrences(string text, StringComparison comparison)
    {
        var all = new List<(string, int)>();
        foreach (var marker in Markers)
        {
            for (var at = text.IndexOf(marker, comparison); at >= 0; at = at + 1 < text.Length ? text.IndexOf(marker, at + 1, comparison) : -1)
            {
                all.Add((marker, at));
            }
        }

        return all;
    }
}
