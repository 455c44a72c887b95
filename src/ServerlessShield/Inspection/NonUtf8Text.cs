using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace ServerlessShield;

// The text a handler can read out of bytes that are not valid UTF-8: a binary record (protobuf, Avro, an image) or
// text in a legacy encoding. Decoding is lenient, as the handler's own decoder would be: an invalid sequence becomes
// U+FFFD, except a 0xC0/0xC1 pair, which spells an ASCII character the long way and is read as that character.
internal static class NonUtf8Text
{
    // Runs of text occur by chance in compressed or encrypted bytes, and one random run of printable characters in 60
    // to 100 reads as an injection. A megabyte of random bytes holds about 500 runs of 8 characters or more and 0.4 of
    // 16 or more (measured); at 20 a chance finding comes about once in 5 GB, so an image is not blocked by chance.
    public const int MinRunLength = 20;

    // At most one character in this many may be binary for the bytes to count as text with a few stray bytes.
    private const int TextRatio = 16;

    // Control characters other than layout whitespace, DEL and the replacement character: what text does not hold.
    private const string Binary =
        "\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F\uFFFD";

    private static readonly SearchValues<char> BinaryChars = SearchValues.Create(Binary);
    private static readonly SearchValues<char> RunEnds = SearchValues.Create(Binary + "\r\n");

    /// <summary>Decodes <paramref name="utf8"/> into <paramref name="chars"/> (at least as long) and returns the length.</summary>
    public static int Decode(ReadOnlySpan<byte> utf8, Span<char> chars)
    {
        var written = 0;
        while (!utf8.IsEmpty)
        {
            // The valid stretch is converted in bulk; the converter stops at the first invalid sequence.
            Utf8.ToUtf16(utf8, chars[written..], out var read, out var count, replaceInvalidSequences: false);
            utf8 = utf8[read..];
            written += count;
            if (utf8.IsEmpty)
            {
                break;
            }

            if (utf8.Length >= 2 && utf8[0] is 0xC0 or 0xC1 && (utf8[1] & 0xC0) == 0x80)
            {
                chars[written++] = LenientOverlong.Pair(((utf8[0] & 0x1F) << 6) | (utf8[1] & 0x3F));
                utf8 = utf8[2..];
                continue;
            }

            // The invalid sequence's length as the standard decoder measures it: the replacement covers exactly that.
            Rune.DecodeFromUtf8(utf8, out _, out var invalid);
            chars[written++] = '\uFFFD';
            utf8 = utf8[Math.Max(invalid, 1)..];
        }

        return written;
    }

    /// <summary>Whether the decoded bytes are text with a few stray bytes (so inspected whole) rather than binary.</summary>
    public static bool IsMostlyText(ReadOnlySpan<char> text)
    {
        var allowed = text.Length / TextRatio;
        return CountBinary(text, allowed) <= allowed;
    }

    /// <summary>
    /// Whether valid UTF-8 is binary rather than text: more than one character in four is binary (a number, a flag or a
    /// small record written as bytes, as Kafka headers and protobuf records are). Text with a stray NUL stays text, so
    /// the NUL is still reported.
    /// </summary>
    public static bool IsMostlyBinary(ReadOnlySpan<char> text)
    {
        var quarter = text.Length / 4;
        return CountBinary(text, quarter) > quarter;
    }

    // The binary characters in text, counted up to one past `limit` (enough for either question above).
    private static int CountBinary(ReadOnlySpan<char> text, int limit)
    {
        var binary = 0;
        int at;
        for (var rest = text; binary <= limit && (at = rest.IndexOfAny(BinaryChars)) >= 0; rest = rest[(at + 1)..])
        {
            binary++;
        }

        return binary;
    }

    /// <summary>Where the next run break is in <paramref name="text"/>, or -1.</summary>
    public static int IndexOfRunEnd(ReadOnlySpan<char> text) => text.IndexOfAny(RunEnds);
}
