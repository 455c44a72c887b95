using System.Buffers;

namespace ServerlessShield;

// XML external entities and their relatives in an XML-bearing value: an entity declaration (<!ENTITY ...>), a
// DOCTYPE with an internal subset holding declarations or parameter-entity references, a DOCTYPE that pulls an
// external DTD (except the W3C's own public DTDs, which XHTML documents name routinely), or an XInclude element.
// These are markup declarations a client has no business sending; plain XML without them is left alone. UTF-16
// (NULs between characters) and UTF-7 (+ADwAIQ- for "<!") spellings are read too, as XML parsers honour them.
internal sealed class XmlExternalEntityDetector : IInjectionDetector
{
    private static readonly SearchValues<char> DeclarationSyntax = SearchValues.Create("<:+");

    public ShieldRule Rule => ShieldRules.XmlExternalEntity;

    public bool IsMatch(ReadOnlySpan<char> value)
    {
        // Every check needs '<' (a declaration, an XInclude element), ':' (the XInclude namespace or prefix) or
        // '+' (UTF-7); removing NULs adds none of them.
        if (DetectorShortcuts.Enabled && value.IndexOfAny(DeclarationSyntax) < 0)
        {
            return false;
        }

        if (value.IndexOf('\0') >= 0)
        {
            return IsMatchWithoutNuls(value);
        }

        return IsMatchCore(value) || XmlDeclarationReader.HasUtf7Declaration(value);
    }

    // UTF-16 text read as bytes puts a NUL between ASCII characters (<\0!\0D\0O\0...); parsers still read it.
    private static bool IsMatchWithoutNuls(ReadOnlySpan<char> value)
    {
        var buffer = ArrayPool<char>.Shared.Rent(value.Length);
        try
        {
            var length = 0;
            foreach (var c in value)
            {
                if (c != '\0')
                {
                    buffer[length++] = c;
                }
            }

            var text = buffer.AsSpan(0, length);
            return IsMatchCore(text) || XmlDeclarationReader.HasUtf7Declaration(text);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static bool IsMatchCore(ReadOnlySpan<char> value)
    {
        var offset = 0;
        while (offset < value.Length)
        {
            var found = value[offset..].IndexOf("<!", StringComparison.Ordinal);
            if (found < 0)
            {
                break;
            }

            var at = offset + found + 2;
            if ((LexChars.StartsWithIgnoreCase(value, at, "entity") && XmlDeclarationReader.IsEntityDeclaration(value, at + 6))
                || (LexChars.StartsWithIgnoreCase(value, at, "doctype") && XmlDeclarationReader.IsDangerousDoctype(value, at + 7)))
            {
                return true;
            }

            offset = at;
        }

        return XmlDeclarationReader.HasXInclude(value);
    }
}
