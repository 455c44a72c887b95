using System.Text;

namespace ServerlessShield.Tests.Inspection;

// The fold the canonicalizer uses when ICU is absent (invariant globalization, usual under Native AOT) must agree with
// real NFKC on every character it covers, and cover every character NFKC turns into ASCII.
public class CompatibilityToAsciiTests
{
    [SkippableFact]
    public void Table_AgreesWithIcuNfkc_OnEveryBmpCharacter()
    {
        Skip.IfNot(CompatibilityToAscii.IcuNormalizes, "this process runs without ICU; the table is checked where ICU is present");
        var mismatches = new List<string>();
        for (var c = 0x80; c <= 0xFFFF; c++)
        {
            if (c is >= 0xD800 and <= 0xDFFF or 0xFFFE or 0xFFFF)
            {
                continue;
            }

            var text = ((char)c).ToString();
            var nfkc = text.Normalize(NormalizationForm.FormKC);
            var expected = nfkc != text && nfkc.All(ch => ch < 0x80) ? nfkc : null;
            var actual = CompatibilityToAscii.TryFold((char)c, out var ascii) ? ascii : null;
            if (expected != actual && mismatches.Count < 10)
            {
                mismatches.Add($"U+{c:X4}: NFKC gives {expected ?? "(not ASCII)"}, the table {actual ?? "(absent)"}");
            }
        }

        Assert.True(mismatches.Count == 0, "regenerate with `dotnet run eng/generate-compatibility-table.cs`:\n" + string.Join('\n', mismatches));
    }

    [Theory]
    [InlineData("\uFF1Cｓｃｒｉｐｔ\uFF1E", "<script>")]
    [InlineData("\uFF07 ＯＲ １\uFF1D１ \uFF0D\uFF0D", "' OR 1=1 --")]
    [InlineData("\u2024\u2024/\uFF45ｔｃ/ｐａｓｓｗｄ", "../etc/passwd")]
    [InlineData("\uFB01le \u2026 Dún", "file ... Dún")]
    [InlineData("plain", "plain")]
    public void Fold_TurnsCompatibilityFormsIntoAscii_AndLeavesTheRestAlone(string value, string expected) =>
        Assert.Equal(expected, CompatibilityToAscii.Fold(value));
}
