namespace ServerlessShield;

/// <summary>
/// Parses an IPv4 address in every notation that <c>inet_aton</c> and lenient URL parsers accept: one to four
/// parts, each decimal, octal (leading <c>0</c>) or hexadecimal (<c>0x</c>), the last part filling the remaining
/// bytes (<c>127.1</c>, <c>2130706433</c>, <c>0x7f.1</c>, <c>0177.0.0.1</c>). Parts that overflow wrap the way
/// naive parsers do (<c>425.510.425.510</c>, <c>7147006462</c>), because some HTTP clients resolve them that way.
/// </summary>
internal static class Ipv4Notation
{
    public static bool TryParse(ReadOnlySpan<char> text, out uint address)
    {
        address = 0;
        if (text.IsEmpty || text.Length > 64)
        {
            return false;
        }

        // A trailing dot is an absolute name and still an address (127.0.0.1.).
        if (text[^1] == '.')
        {
            text = text[..^1];
        }

        Span<ulong> parts = stackalloc ulong[4];
        var count = 0;
        while (true)
        {
            if (count == 4)
            {
                return false;
            }

            var end = text.IndexOf('.');
            var part = end < 0 ? text : text[..end];
            if (!TryParsePart(part, out parts[count]))
            {
                return false;
            }

            count++;
            if (end < 0)
            {
                break;
            }

            text = text[(end + 1)..];
        }

        ulong value = 0;
        for (var i = 0; i < count - 1; i++)
        {
            value |= (parts[i] & 0xFF) << (8 * (3 - i));
        }

        // The last part fills the bytes the earlier parts left: 32 bits alone, 24 after one part, and so on.
        var lastBits = 8 * (4 - (count - 1));
        var mask = lastBits == 32 ? 0xFFFFFFFFUL : (1UL << lastBits) - 1;
        value |= parts[count - 1] & mask;
        address = (uint)value;
        return true;
    }

    private static bool TryParsePart(ReadOnlySpan<char> part, out ulong value)
    {
        value = 0;
        if (part.IsEmpty)
        {
            return false;
        }

        var radix = 10;
        if (part.Length > 2 && part[0] == '0' && (part[1] | 0x20) == 'x')
        {
            radix = 16;
            part = part[2..];
        }
        else if (part.Length > 2 && part[0] == '0' && (part[1] | 0x20) == 'o')
        {
            // 0o177: the explicit octal prefix of several languages' parsers.
            radix = 8;
            part = part[2..];
        }
        else if (part.Length > 1 && part[0] == '0')
        {
            radix = 8;
        }

        if (part.Length > 40)
        {
            return false;
        }

        foreach (var c in part)
        {
            var digit = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'a' and <= 'f' => c - 'a' + 10,
                >= 'A' and <= 'F' => c - 'A' + 10,
                _ => 99,
            };
            if (digit >= radix)
            {
                return false;
            }

            // Wrapping arithmetic keeps the low bits, which is what an overflowing parser ends up using.
            value = unchecked((value * (ulong)radix) + (ulong)digit);
        }

        return true;
    }
}
