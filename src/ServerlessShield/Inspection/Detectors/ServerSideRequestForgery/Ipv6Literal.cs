namespace ServerlessShield;

/// <summary>
/// Parses an IPv6 literal as it appears between URL brackets: hex groups, one <c>::</c>, an optional trailing
/// dotted IPv4 (<c>::ffff:127.0.0.1</c>) and an optional zone (<c>fe80::1%eth0</c>, <c>%25eth0</c>), which is ignored.
/// </summary>
internal static class Ipv6Literal
{
    public static bool TryParse(ReadOnlySpan<char> text, Span<byte> address)
    {
        address.Clear();
        var zone = text.IndexOf('%');
        if (zone >= 0)
        {
            text = text[..zone];
        }

        if (text.IsEmpty || text.Length > 64)
        {
            return false;
        }

        Span<ushort> head = stackalloc ushort[8];
        Span<ushort> tail = stackalloc ushort[8];
        int headCount = 0, tailCount = 0;
        var afterGap = false;
        var i = 0;
        if (text.StartsWith("::"))
        {
            afterGap = true;
            i = 2;
        }

        while (i < text.Length)
        {
            // A dotted IPv4 ends the address and fills its last two groups.
            var groupEnd = i;
            while (groupEnd < text.Length && text[groupEnd] != ':')
            {
                groupEnd++;
            }

            var group = text[i..groupEnd];
            if (group.Contains('.'))
            {
                if (groupEnd != text.Length || !TryDottedQuad(group, out var v4))
                {
                    return false;
                }

                if (!Add(head, tail, ref headCount, ref tailCount, afterGap, (ushort)(v4 >> 16))
                    || !Add(head, tail, ref headCount, ref tailCount, afterGap, (ushort)v4))
                {
                    return false;
                }

                i = groupEnd;
                break;
            }

            if (group.IsEmpty || group.Length > 4 || !ushort.TryParse(group, System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var value))
            {
                return false;
            }

            if (!Add(head, tail, ref headCount, ref tailCount, afterGap, value))
            {
                return false;
            }

            i = groupEnd;
            if (i < text.Length)
            {
                if (text[i..].StartsWith("::"))
                {
                    if (afterGap)
                    {
                        return false;
                    }

                    afterGap = true;
                    i += 2;
                }
                else
                {
                    i++;
                    if (i == text.Length)
                    {
                        return false;
                    }
                }
            }
        }

        if (headCount + tailCount > 8 || (!afterGap && headCount != 8))
        {
            return false;
        }

        for (var g = 0; g < headCount; g++)
        {
            address[2 * g] = (byte)(head[g] >> 8);
            address[(2 * g) + 1] = (byte)head[g];
        }

        for (var g = 0; g < tailCount; g++)
        {
            var slot = 8 - tailCount + g;
            address[2 * slot] = (byte)(tail[g] >> 8);
            address[(2 * slot) + 1] = (byte)tail[g];
        }

        return true;
    }

    // Groups before the :: gap go to the head, groups after it to the tail, which is right-aligned at the end.
    private static bool Add(Span<ushort> head, Span<ushort> tail, ref int headCount, ref int tailCount, bool afterGap, ushort group)
    {
        if (afterGap)
        {
            if (tailCount == 8)
            {
                return false;
            }

            tail[tailCount++] = group;
        }
        else
        {
            if (headCount == 8)
            {
                return false;
            }

            head[headCount++] = group;
        }

        return true;
    }

    // The IPv4 tail of an IPv6 literal is strict dotted decimal.
    private static bool TryDottedQuad(ReadOnlySpan<char> text, out uint value)
    {
        value = 0;
        var parts = 0;
        while (true)
        {
            var dot = text.IndexOf('.');
            var part = dot < 0 ? text : text[..dot];
            if (part.IsEmpty || part.Length > 3 || !uint.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var b) || b > 255)
            {
                return false;
            }

            value = (value << 8) | b;
            parts++;
            if (dot < 0)
            {
                return parts == 4;
            }

            text = text[(dot + 1)..];
        }
    }
}
