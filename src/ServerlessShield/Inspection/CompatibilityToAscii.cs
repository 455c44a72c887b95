using System.Text;

namespace ServerlessShield;

// NFKC for the characters that matter to detection, without ICU. Under invariant globalization (the usual setting for
// Native AOT) string.Normalize changes nothing, so a full-width ＜ｓｃｒｉｐｔ＞ would reach the detectors as it was
// sent. Attack syntax is ASCII, and this folds exactly the characters whose NFKC form is ASCII (the generated table).
internal static partial class CompatibilityToAscii
{
    private static readonly string[] Targets = JoinedTargets.Split('\0');

    // False under invariant globalization: the full-width 'ａ' is then reported as already normalized.
    public static bool IcuNormalizes { get; } = !"\uFF41".IsNormalized(NormalizationForm.FormKC);

    public static bool TryFold(char c, out string ascii)
    {
        var index = Sources.AsSpan().BinarySearch(c);
        ascii = index >= 0 ? Targets[index] : string.Empty;
        return index >= 0;
    }

    // The value with every foldable character replaced by its ASCII form; the value itself when there is none.
    public static string Fold(string value)
    {
        StringBuilder? output = null;
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] >= 0x80 && TryFold(value[i], out var ascii))
            {
                output ??= new StringBuilder(value.Length).Append(value, 0, i);
                output.Append(ascii);
            }
            else
            {
                output?.Append(value[i]);
            }
        }

        return output?.ToString() ?? value;
    }
}
