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
        // Any run of MinRun base64 characters covers one index k with k % MinRun == MinRun - 1: probing those indexes
        // finds every run long enough, and skips a value of words and blanks MinRun characters at a time.
        for (var k = MinRun - 1; k < value.Length;)
        {
            if (!Base64Chars.Contains(value[k]))
            {
                k += MinRun;
                continue;
            }

            var start = k;
            while (start > 0 && Base64Chars.Contains(value[start - 1]))
            {
                start--;
            }

            var end = k + 1;
            while (end < value.Length && Base64Chars.Contains(value[end]))
            {
                end++;
            }

            if (end - start >= MinRun && DecodesToMarkup(value[start..end]))
            {
                return true;
            }

            // The next probe index at or after the end of this run.
            k = end + ((MinRun - 1 - (end % MinRun)) + MinRun) % MinRun;
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
