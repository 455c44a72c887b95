using System.Buffers;
using System.Buffers.Text;

namespace ServerlessShield;

/// <summary>
/// Markup hidden in base64 (<c>PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+</c> is <c>&lt;svg onload=alert(1)&gt;</c>), for
/// applications and data: URLs that decode it before rendering. Each long base64 run is decoded up to a few hundred
/// bytes and, when it turns out to be text with a tag in it, scanned for dangerous tags.
/// </summary>
internal static class Base64WrappedMarkup
{
    private const int MinRun = 16;
    private const int MaxDecodedChars = 384;

    private static readonly SearchValues<char> Base64Chars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=");

    public static bool Matches(ReadOnlySpan<char> value)
    {
        var i = 0;
        while (i < value.Length)
        {
            // Runs are found with vectorized searches: most values are words and blanks, with no run long enough.
            var skipped = value[i..].IndexOfAny(Base64Chars);
            if (skipped < 0)
            {
                return false;
            }

            var start = i + skipped;
            var length = value[start..].IndexOfAnyExcept(Base64Chars);
            i = length < 0 ? value.Length : start + length;

            if (i - start >= MinRun && (start == 0 || !char.IsAsciiLetterOrDigit(value[start - 1])) && DecodesToMarkup(value[start..i]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool DecodesToMarkup(ReadOnlySpan<char> run)
    {
        var length = Math.Min(run.Length, MaxDecodedChars / 3 * 4) / 4 * 4;
        Span<byte> utf8 = stackalloc byte[length];
        for (var k = 0; k < length; k++)
        {
            utf8[k] = (byte)run[k];
        }

        Span<byte> bytes = stackalloc byte[length];
        if (Base64.DecodeFromUtf8(utf8, bytes, out _, out var written) is not (OperationStatus.Done or OperationStatus.NeedMoreData) || written == 0
            || bytes[..written].IndexOf((byte)'<') < 0)
        {
            return false;
        }

        Span<char> text = stackalloc char[written];
        for (var k = 0; k < written; k++)
        {
            var b = bytes[k];
            if (b is < 0x09 or > 0x7E)
            {
                return false;
            }

            text[k] = (char)(b | (b is >= (byte)'A' and <= (byte)'Z' ? 0x20 : 0));
        }

        return HtmlTagScanner.AnyDangerousTag(text);
    }
}
