namespace ServerlessShield;

// A two-byte sequence led by 0xC0 or 0xC1 is never valid UTF-8: it can only spell an ASCII character the long way.
// Decoders that accepted such pairs often ignored the lead's value bits too (IIS read %c1%af as '/' and %c0%9c as
// '\'), so the reading that matters for an attack is the path separator or dot those low bits name.
internal static class LenientOverlong
{
    // The character a lenient decoder makes of the pair's code point ((lead & 0x1F) << 6 | (next & 0x3F)).
    public static char Pair(int codePoint)
    {
        var low = (char)(codePoint & 0x3F);
        var high = (char)(0x40 | low);
        return low is '.' or '/' ? low : high == '\\' ? high : (char)codePoint;
    }
}
