namespace ServerlessShield;

// Reads the pieces of XML markup declarations the XXE detector needs, from a position just after the keyword.
// Each read moves forward only and stops at the end of the declaration, so scanning a value stays linear.
internal static class XmlDeclarationReader
{
    private const string XIncludeNamespace = "http://www.w3.org/2001/XInclude";

    // <!ENTITY [%] name ("literal" | SYSTEM ... | PUBLIC ...)
    public static bool IsEntityDeclaration(ReadOnlySpan<char> value, int index)
    {
        if (index >= value.Length || !LexChars.IsSpace(value[index]))
        {
            return false;
        }

        index = LexChars.SkipSpaces(value, index);
        if (index < value.Length && value[index] == '%')
        {
            index = LexChars.SkipSpaces(value, index + 1);
        }

        var nameEnd = SkipName(value, index);
        if (nameEnd == index)
        {
            return false;
        }

        index = LexChars.SkipSpaces(value, nameEnd);
        return index < value.Length
            && (value[index] is '"' or '\''
                || LexChars.StartsWithIgnoreCase(value, index, "system")
                || LexChars.StartsWithIgnoreCase(value, index, "public"));
    }

    // <!DOCTYPE name [internal subset]> or <!DOCTYPE name SYSTEM/PUBLIC ...>
    public static bool IsDangerousDoctype(ReadOnlySpan<char> value, int index)
    {
        index = LexChars.SkipSpaces(value, index);
        index = LexChars.SkipSpaces(value, SkipName(value, index));
        if (index >= value.Length)
        {
            return false;
        }

        if (value[index] == '[')
        {
            return SubsetHasDeclarations(value, index + 1);
        }

        if (LexChars.StartsWithIgnoreCase(value, index, "system"))
        {
            return !IsW3cLiteral(value, LexChars.SkipSpaces(value, index + 6), publicId: false);
        }

        if (LexChars.StartsWithIgnoreCase(value, index, "public"))
        {
            return !IsW3cLiteral(value, LexChars.SkipSpaces(value, index + 6), publicId: true);
        }

        return false;
    }

    // "<!" written in UTF-7 (+ADwAIQ-) in front of DOCTYPE or ENTITY: a document that declares encoding="UTF-7"
    // hides its declarations from byte-level filters this way.
    public static bool HasUtf7Declaration(ReadOnlySpan<char> value)
    {
        var offset = 0;
        while (offset < value.Length)
        {
            var found = value[offset..].IndexOf("+ADwAIQ-", StringComparison.OrdinalIgnoreCase);
            if (found < 0)
            {
                return false;
            }

            var at = offset + found + 8;
            if (LexChars.StartsWithIgnoreCase(value, at, "doctype") || LexChars.StartsWithIgnoreCase(value, at, "entity"))
            {
                return true;
            }

            offset = at;
        }

        return false;
    }

    // An element whose name ends in ":include" (xi:include) or the XInclude namespace itself.
    public static bool HasXInclude(ReadOnlySpan<char> value)
    {
        if (value.IndexOf(XIncludeNamespace.AsSpan(), StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return true;
        }

        var offset = 0;
        while (offset < value.Length)
        {
            var found = value[offset..].IndexOf(":include", StringComparison.OrdinalIgnoreCase);
            if (found < 0)
            {
                return false;
            }

            var at = offset + found;
            var after = at + 8;
            var start = at;
            while (start > 0 && LexChars.IsWordChar(value[start - 1]))
            {
                start--;
            }

            if (start < at && start > 0 && value[start - 1] == '<' && after < value.Length
                && (LexChars.IsSpace(value[after]) || value[after] is '/' or '>'))
            {
                return true;
            }

            offset = after;
        }

        return false;
    }

    // The internal subset holds a markup declaration (<!ENTITY, <!ELEMENT...) or a parameter-entity reference.
    private static bool SubsetHasDeclarations(ReadOnlySpan<char> value, int index)
    {
        for (var i = index; i < value.Length && value[i] != ']'; i++)
        {
            if (value[i] == '<' && i + 1 < value.Length && value[i + 1] == '!')
            {
                return true;
            }

            if (value[i] == '%' && IsEntityReference(value, i + 1))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsEntityReference(ReadOnlySpan<char> value, int index)
    {
        var end = SkipName(value, index);
        return end > index && end < value.Length && value[end] == ';';
    }

    // The quoted literal after SYSTEM/PUBLIC names one of the W3C's published DTDs (XHTML, SVG, MathML...).
    private static bool IsW3cLiteral(ReadOnlySpan<char> value, int index, bool publicId)
    {
        if (index >= value.Length || value[index] is not ('"' or '\''))
        {
            return false;
        }

        var literal = value[(index + 1)..];
        return publicId
            ? literal.StartsWith("-//W3C//", StringComparison.OrdinalIgnoreCase)
            : literal.StartsWith("http://www.w3.org/", StringComparison.OrdinalIgnoreCase)
              || literal.StartsWith("https://www.w3.org/", StringComparison.OrdinalIgnoreCase);
    }

    // An XML name: letters, digits and . - _ : (non-ASCII letters count too).
    private static int SkipName(ReadOnlySpan<char> value, int index)
    {
        while (index < value.Length && (LexChars.IsWordChar(value[index]) || value[index] is '.' or '-' or ':' || value[index] > 0x7F))
        {
            index++;
        }

        return index;
    }
}
