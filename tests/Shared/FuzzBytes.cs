using System.Globalization;
using System.Text;

namespace ServerlessShield.Testing;

// Byte-level damage and JSON string escaping shared by the engine/Lambda fuzzers (HardeningTests) and the worker
// fuzzers (AzureFunctions.Tests); compiled into both test projects.
internal static class FuzzBytes
{
    // A JSON string literal of raw text: control characters, quotes, backslashes and lone surrogates as \u escapes
    // (every character, when unicodeAll), so any generated text makes a well-formed literal.
    public static string Escape(string raw, bool unicodeAll)
    {
        var builder = new StringBuilder(raw.Length + 2).Append('"');
        foreach (var ch in raw)
        {
            if (unicodeAll || ch < 0x20 || ch == '"' || ch == '\\' || char.IsSurrogate(ch))
            {
                builder.Append("\\u").Append(((int)ch).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(ch);
            }
        }

        return builder.Append('"').ToString();
    }

    // The byte at the position XOR-ed with flip (0x80 when flip is 0, so something always changes).
    public static byte[] FlipByte(byte[] bytes, int at, byte flip)
    {
        var flipped = (byte[])bytes.Clone();
        flipped[at] ^= flip == 0 ? (byte)0x80 : flip;
        return flipped;
    }

    // 1 to 64 bytes from the position written twice in a row.
    public static byte[] DuplicateSlice(byte[] bytes, int at, byte flip)
    {
        var length = Math.Min(bytes.Length - at, 1 + (flip % 64));
        return [.. bytes[..(at + length)], .. bytes[at..]];
    }
}
