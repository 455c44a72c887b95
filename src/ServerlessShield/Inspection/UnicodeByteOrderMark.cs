using System.Text;

namespace ServerlessShield;

// Text written in UTF-16 or UTF-32 announces itself with a byte order mark, and the readers handlers use honour it
// (StreamReader and File.ReadAllText detect it by default). Read as UTF-8, such bytes are invalid or full of NULs, so
// they would pass as binary with no text in them: the mark tells how the handler will decode them.
internal static class UnicodeByteOrderMark
{
    private static readonly Encoding Utf32BigEndian = new UTF32Encoding(bigEndian: true, byteOrderMark: true);

    /// <summary>The encoding a UTF-16 or UTF-32 mark at the start of <paramref name="data"/> names, and the mark's length.</summary>
    public static bool TryDetect(ReadOnlySpan<byte> data, out Encoding encoding, out int length)
    {
        // UTF-32 LE first: its mark starts with the UTF-16 LE one (StreamReader decides the same way).
        (encoding, length) = data switch
        {
            [0xFF, 0xFE, 0x00, 0x00, ..] => (Encoding.UTF32, 4),
            [0x00, 0x00, 0xFE, 0xFF, ..] => (Utf32BigEndian, 4),
            [0xFF, 0xFE, ..] => (Encoding.Unicode, 2),
            [0xFE, 0xFF, ..] => (Encoding.BigEndianUnicode, 2),
            _ => (Encoding.UTF8, 0),
        };

        return length > 0;
    }
}
